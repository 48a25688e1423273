"""The person who takes the money, as receipts name them (tags 1021 and 1203)."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import InvalidInput


@dataclass(frozen=True, slots=True)
class Cashier:
    name: str  # full name
    position: str = ""  # «Кассир», «Водитель-экспедитор»
    inn: str | None = None  # 1203, 12 digits

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidInput("не указано ФИО кассира — чек без кассира (1021) не печатается; "
                               "заполните «user.name» в настройках")
        if self.inn is not None and (not self.inn.isdigit() or len(self.inn) != 12):
            raise InvalidInput(f"ИНН кассира (1203) — 12 цифр, а не «{self.inn}»")

    @property
    def tag_1021(self) -> str:
        """What tag 1021 carries: the position and the name («Кассир Иванова А. П.»), at most 64 characters."""
        return " ".join(part for part in (self.position.strip(), self.name.strip()) if part)[:64]
