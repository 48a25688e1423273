"""Text helpers for matching: names and accounts (phones: omnidesk.core.phones)."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[a-zа-я]+")
_LEGAL = frozenset(
    ["ооо", "оао", "зао", "пао", "ао", "нко", "ип", "ип.", "индивидуальный", "предприниматель", "общество", "с", "ограниченной", "ответственностью", "акционерное", "публичное", "закрытое", "открытое"]
)
_DIGITS = re.compile(r"\D+")
# Accounts through which money of someone else arrives: SBP, acquiring, agents, the bank's own.
TRANSIT_PREFIXES = ("30232", "30233", "30222", "30223", "30301", "30302", "47422", "47423", "47416", "40911", "30102")


def fold(text: str) -> str:
    """Lower case, ``ё`` → ``е``, no-break spaces → spaces."""
    return text.casefold().replace("ё", "е").replace("\u00a0", " ")


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def name_tokens(name: str) -> tuple[str, ...]:
    """Meaningful words of a person's or company's name, without legal forms and quotes."""
    return tuple(w for w in words(name) if w not in _LEGAL)


def name_key(tokens: tuple[str, ...] | list[str]) -> str:
    """Order-free key of a name: ``Анна Петрова`` and ``Петрова Анна`` are the same."""
    return " ".join(sorted(tokens))


def digits_only(text: str) -> str:
    return text if text.isdigit() else _DIGITS.sub("", text)


def is_transit_account(account: str) -> bool:
    """A bank's transit or settlement account: it does not tell who the payer is."""
    return digits_only(account).startswith(TRANSIT_PREFIXES)


_ENDINGS = ("ыми", "ими", "ого", "его", "ому", "ему", "ой", "ей", "ою", "ею", "ым", "им", "ом", "ем", "ую", "юю",
            "ы", "и", "а", "я", "у", "ю", "е", "о", "ь", "й")

_ENDINGS_BY_SIZE = tuple((size, frozenset(e for e in _ENDINGS if len(e) == size)) for size in (3, 2, 1))


@lru_cache(maxsize=1 << 13)  # first names, patronymics and the words of purposes repeat; surnames rarely do
def stem(word: str) -> str:
    """A name word without its case ending, so «Лебедевой Татьяны Петровны» meets «Лебедева Татьяна Петровна»
    and «Петрова» (genitive of Петров) meets «Петров»; a fleeting «е» goes too («Павла» meets «Павел»)."""
    for size, endings in _ENDINGS_BY_SIZE:  # the longest ending first, as _ENDINGS lists them
        if len(word) - size >= 3 and word[-size:] in endings:
            word = word[:-size]
            break
    if len(word) >= 4 and word[-1] in "аеиоуыэюяьй":  # «Сергей» → «серге» → «серг», as «Сергея»
        word = word[:-1]
    if len(word) >= 4 and word[-2] == "е" and word[-1] in "лкцр" and word[-3] not in "аеиоуыэюяь":
        word = word[:-2] + word[-1]
    return word


def stem_key(tokens: tuple[str, ...] | list[str]) -> str:
    """Order-free key of a name by the stems of its words."""
    return " ".join(sorted(stem(t) for t in tokens))
