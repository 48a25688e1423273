"""Bank page tests answer the booking confirmation themselves (``answers`` records what was asked)."""

from __future__ import annotations

import pytest

from omnidesk.ui.bank import page as bank_page


class Asked:
    def __init__(self) -> None:
        self.confirm = True
        self.asked: list[tuple[str, str]] = []

    def __call__(self, _parent, _title, heading, details, _ok) -> bool:
        self.asked.append((heading, details))
        return self.confirm


@pytest.fixture(autouse=True)
def bank_answers(monkeypatch) -> Asked:
    asked = Asked()
    monkeypatch.setattr(bank_page, "confirm", asked)
    return asked
