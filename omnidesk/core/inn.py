"""Russian taxpayer numbers (ИНН): check digits for 10-digit (companies) and 12-digit (people) numbers."""

from __future__ import annotations

_W10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_W11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_W12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _check(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def with_check_digits(body: str) -> str:
    """Complete a 9-digit (company) or 10-digit (person) body into a valid INN."""
    if len(body) == 9:
        return body + str(_check(body, _W10))
    if len(body) == 10:
        eleven = body + str(_check(body, _W11))
        return eleven + str(_check(eleven, _W12))
    raise ValueError("an INN body has 9 or 10 digits")


def is_valid_inn(inn: str) -> bool:
    if not inn or not inn.isdigit() or len(inn) not in (10, 12):
        return False
    body = inn[:9] if len(inn) == 10 else inn[:10]
    return with_check_digits(body) == inn
