"""A register that cannot be opened is explained in Russian: what happened and what to check, no pyserial English."""

from __future__ import annotations

import re
import socket

import pytest

import fiscal_drivers as fd


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def latin_words(text: str) -> list[str]:
    """English words left in a message (a URL, a path and the word ККТ's port names aside)."""
    text = re.sub(r"\S*[/:.]\S*", "", text)  # a URL, a path, the setting's key
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in ("USB", "COM", "Linux", "dialout")]


@pytest.mark.parametrize("url, words", [
    (f"socket://127.0.0.1:{closed_port()}", "не отвечает на этом адресе"),
    ("/dev/ttyOMNIDESK_NONE", "нет в системе"),
    ("socket://nowhere.invalid:7778", "не найден"),
])
def test_an_unreachable_register_is_explained_in_russian(url, words):
    with pytest.raises(fd.FiscalError) as caught:
        fd.open_register(url, "shtrih")
    message = str(caught.value)
    assert words in message and "Проверьте" in message
    assert "Errno" not in message and latin_words(message) == [], message
