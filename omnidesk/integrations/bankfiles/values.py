"""Values of 1CClientBankExchange keys: dates, amounts, the payer's name."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from omnidesk.core.errors import InvalidInput
from omnidesk.core.money import decimal_to_kopecks

from .errors import BankFileError

_AMOUNT = re.compile(r"-?\d{1,15}(?:[.,]\d{1,10})?")
# the same shape in ASCII digits, read without Decimal (other Unicode digits take the Decimal way)
_PLAIN_AMOUNT = re.compile(r"(-?)(\d{1,15})(?:[.,](\d{1,10}))?", re.ASCII)
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_INN_PREFIX = re.compile(r"^\s*ИНН\s*\d+\s*(?:КПП\s*\d+\s*)?[\\/,;]?\s*", re.IGNORECASE)


def parse_amount_value(text: str, line: int, *, allow_negative: bool = False) -> int:
    """Kopecks of ``16000``, ``43530.5`` or ``43530.50``; anything else is an error naming the line."""
    amount = amount_or_problem(text, allow_negative=allow_negative)
    if isinstance(amount, str):
        raise BankFileError(line, amount)
    return amount


def amount_or_problem(text: str, *, allow_negative: bool = False) -> int | str:
    """The kopecks of :func:`parse_amount_value`, or what is wrong with the amount."""
    value = text.strip()
    plain = _PLAIN_AMOUNT.fullmatch(value)
    if plain is None:
        return _decimal_amount(value, allow_negative=allow_negative)
    sign, rubles, fraction = plain.groups(default="")
    if fraction[2:].strip("0"):
        return f"сумма «{value}» — дробные копейки"
    kopecks = int(rubles) * 100 + int(fraction[:2].ljust(2, "0"))
    if sign and kopecks:
        if not allow_negative:
            return f"сумма «{value}» отрицательная"
        return -kopecks
    return kopecks


def _decimal_amount(value: str, *, allow_negative: bool = False) -> int | str:
    """The general reading (any Unicode digits), through Decimal."""
    if not _AMOUNT.fullmatch(value):
        return f"сумма «{value}» не число"
    try:
        decimal = Decimal(value.replace(",", "."))
        kopecks = decimal_to_kopecks(decimal)
    except (InvalidOperation, InvalidInput):
        return f"сумма «{value}» не число"
    if Decimal(kopecks) != decimal * 100:
        return f"сумма «{value}» — дробные копейки"
    if kopecks < 0 and not allow_negative:
        return f"сумма «{value}» отрицательная"
    return kopecks


def parse_date_value(text: str, line: int) -> dt.date:
    """A ``ДД.ММ.ГГГГ`` date; anything else is an error naming the line."""
    date = date_or_problem(text.strip())
    if isinstance(date, str):
        raise BankFileError(line, date)
    return date


@lru_cache(maxsize=4096)
def date_or_problem(value: str) -> dt.date | str:
    """The date, or what is wrong with it; cached: a statement's documents share a few dates."""
    match = _DATE.fullmatch(value)
    if not match:
        return f"дата «{value}» не в виде ДД.ММ.ГГГГ"
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return f"даты «{value}» не бывает"


def strip_inn_prefix(name: str) -> str:
    """``ИНН 5012345678 ООО "СантехМонтаж"`` → ``ООО "СантехМонтаж"``."""
    first = name[:1]
    if first != "И" and first != "и" and not first.isspace():  # the prefix can start no other way
        return name.strip()
    stripped = _INN_PREFIX.sub("", name, count=1).strip()
    return stripped or name.strip()
