"""Money as integer kopecks; Decimal only when parsing and formatting.

Russian amounts come in many spellings: ``12 450,00 ₽``, ``12450.5``, ``12 450-00``,
``12 450 руб. 00 коп.``. :func:`parse_amount` reads them all; :func:`format_amount`
writes the one form the UI shows (``12 450,00 ₽``, with no-break spaces so it never wraps).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import InvalidInput

NBSP = "\u00a0"
RUB = "₽"

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_CURRENCY = re.compile(r"(₽|руб(лей|ля|ль)?\.?|р\.|rub|rur)$", re.IGNORECASE)
# ASCII digits only: «١٢٣» and «１２３» are not amounts a cashier typed
_RUB_KOP = re.compile(r"^(-?\d+)руб(?:лей|ля|ль)?\.?(\d{1,2})коп(?:еек|ейки|ейка)?\.?$", re.IGNORECASE | re.ASCII)
_NUMBER = re.compile(r"^-?\d+(?:[.,-]\d{0,2})?$", re.ASCII)
MAX_KOPECKS = 10**15 - 1  # 9 999 999 999 999,99 ₽: far above any real payment, far below a 64-bit column


class MoneyFormatError(InvalidInput):
    """Text that is not an amount of money."""


def parse_amount(text: str) -> int:
    """Return the kopecks in a Russian or plain amount; raise MoneyFormatError otherwise."""
    kopecks = _parse(text)
    if abs(kopecks) > MAX_KOPECKS:
        raise MoneyFormatError(f"сумма «{text}» слишком большая: не больше {format_amount(MAX_KOPECKS)}")
    return kopecks


def _parse(text: str) -> int:
    original = text
    compact = _SPACES.sub("", str(text)).replace("\u2212", "-")
    match = _RUB_KOP.match(compact)
    if match:
        rubles, kop = match.groups()
        sign = -1 if rubles.startswith("-") else 1
        return sign * (abs(int(rubles)) * 100 + int(kop))
    compact = _CURRENCY.sub("", compact)
    if not _NUMBER.match(compact):
        raise MoneyFormatError(f"«{original}» — не сумма денег")
    negative = compact.startswith("-")
    body = compact[1:] if negative else compact
    body = body.replace(",", ".")
    if body.count("-") == 1:
        body = body.replace("-", ".")
    if body.endswith("."):
        body = body[:-1]
    kopecks = decimal_to_kopecks(Decimal(body))
    return -kopecks if negative else kopecks


def decimal_to_kopecks(value: Decimal) -> int:
    """Round a Decimal of rubles to whole kopecks, half away from zero."""
    try:
        quantized = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise MoneyFormatError(f"«{value}» — не сумма денег") from exc
    return int(quantized * 100)


def kopecks_to_decimal(kopecks: int) -> Decimal:
    """The Decimal rubles of an amount, exactly (two places)."""
    return (Decimal(int(kopecks)) / 100).quantize(Decimal("0.01"))


def to_decimal_str(kopecks: int) -> str:
    """Plain machine form: ``"12450.00"`` (used in JSON and exchange files)."""
    return str(kopecks_to_decimal(kopecks))


def format_amount(kopecks: int, *, currency: bool = True) -> str:
    """Human Russian form: ``12 450,00 ₽`` (no-break spaces)."""
    negative = kopecks < 0
    rubles, kop = divmod(abs(int(kopecks)), 100)
    grouped = f"{rubles:,}".replace(",", NBSP)
    text = f"{'-' if negative else ''}{grouped},{kop:02d}"
    return f"{text}{NBSP}{RUB}" if currency else text


def spread(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` kopecks in proportion to ``weights``; the remainder goes on the last part.

    Each part but the last is rounded down, so the parts always add up to ``total``.
    """
    if not weights:
        raise ValueError("nothing to spread over")
    weight_sum = sum(weights)
    if weight_sum <= 0:
        raise ValueError("weights must add up to more than zero")
    parts = [total * w // weight_sum for w in weights[:-1]]
    parts.append(total - sum(parts))
    return parts
