"""Russian phone numbers in one form, ``+7XXXXXXXXXX``, so they can be compared."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"\D+")


def normalise_phone(text: str) -> str | None:
    """``8 (916) 123-45-67`` → ``+79161234567``; None if it is not a Russian phone number."""
    digits = _DIGITS.sub("", text or "")
    if len(digits) == 10 and digits[0] == "9":
        digits = "7" + digits
    if len(digits) == 11 and digits[0] in "78":
        return "+7" + digits[1:]
    return None


def normalise_any_phone(text: str) -> str | None:
    """Like :func:`normalise_phone`, but ten digits without the country code are taken as a number
    whatever they start with, a landline too (``(495) 123-45-67`` → ``+74951234567``): for matching
    a phone written in a payment's purpose against the phones customers gave."""
    digits = _DIGITS.sub("", text or "")
    if len(digits) == 10:
        return "+7" + digits
    return normalise_phone(digits)


def format_phone(phone: str | None) -> str:
    """``+79161234567`` → ``+7 916 123-45-67`` for people to read."""
    normal = normalise_phone(phone or "")
    if not normal:
        return phone or ""
    d = normal[2:]
    return f"+7 {d[:3]} {d[3:6]}-{d[6:8]}-{d[8:]}"
