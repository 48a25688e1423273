"""What the purpose text says: order-number candidates, phones, INNs, an SBP mark.

Numbers that are dates, amounts, percentages, phones, contract numbers or card tails are
masked before the digit runs are read, so ``по сч. 10240 от 07.03.2025, сумма 16000-00,
НДС (20%) 2666-67`` gives only ``10240``. Whether a candidate is an order is decided later
against the index of open orders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from omnidesk.core.phones import normalise_any_phone

from .text import fold

_MONTHS = r"(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*"
_GROUPED = r"(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+)"
_PHONE = re.compile(
    r"(?<!\d)(?:(?:\+\s?7|8|7)[\s\-]*\(?\d{3}\)?[\s\-]*\d{3}[\s\-]*\d{2}[\s\-]*\d{2}|9\d{2}[\s\-]?\d{3}[\s\-]?\d{2}[\s\-]?\d{2})(?!\d)"
)
_INN = re.compile(r"инн\s*:?\s*(\d{12}|\d{10})(?!\d)")
_CONFUSABLE = re.compile(r"(?<=\d)[oоli|і](?=\d)")
_AS_DIGIT = {"o": "0", "о": "0", "l": "1", "i": "1", "|": "1", "і": "1"}
# Every pattern below starts with a digit or one of these characters: the lookahead lets the engine skip
# every other position at once instead of trying twelve patterns there (half of the mask's time).
_MASK_STARTS = r"(?=[\dсинвдлп*])"
_MASK_PARTS = (
    r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)",  # ISO dates
    r"(?<!\d)\d{1,2}[./]\d{1,2}(?:[./](?:\d{4}|\d{2}))?(?!\d)",  # 07.03, 07.03.2025, 7/3/25
    r"(?<!\d)\d{1,2}\s+" + _MONTHS + r"(?:\s+\d{4})?",  # 7 марта 2025
    r"(?<!\d)(?:19|20)\d{2}\s*(?:г\b|г\.|год)",  # 2025 г.
    r"\d+(?:[.,]\d+)?\s*%",  # 20%, 22 %
    r"(?<!\d)" + _GROUPED + r"[.,\-]\d{2}(?!\d)",  # 16000-00, 12 450,00, 3180.50
    r"(?<!\d)" + _GROUPED + r"\s*(?:руб|р\.|₽|rub|коп)",  # 16000 руб
    r"(?:сумм[а-я]*|итого|ндс|в т\.\s?ч\.)[^\d№а-я]{0,8}" + _GROUPED + r"(?:[.,\-]\d{2}(?!\d))?",  # сумма 16000, ндс (20%) 2667
    r"(?<![\w\-])дог[а-я]*\.?\s*(?:№|n|#)?\s*[\w/\-]+",  # договор № 15/2024 (a «счёт-договор» is an invoice)
    r"(?:л/с|лиц[а-я]*\.?\s*сч[а-я]*\.?)\s*№?\s*\d+",  # лицевой счёт
    r"\*+\s*\d{4}",  # card tail **** 1234
    r"(?:п/п|пп|плат[а-я]*\.?\s*поруч[а-я]*)\s*№?\s*\d+",  # our payment order it refers to
)
_MASK = re.compile(_MASK_STARTS + "(?:" + "|".join(f"(?:{pattern})" for pattern in _MASK_PARTS) + ")")
_DIGIT_RUN = re.compile(r"(?<!\d)\d+(?!\d)")
# a number written as a document's: «№ 45», «счету 45», «сч.45», «заказ N 45», «инвойс 45»
_MARKED = re.compile(r"(?:№|(?<![а-я])n|#|сч[её]т[а-я]*(?:\s+на\s+оплату)?|сч\.|зак[а-я]*\.?|инвойс[а-я]*)\s*(?:№|n|#)?\s*(\d+)")
_REFUND = re.compile(r"возвра[тщ]|возмещ|ошибочно\s+(?:перечисл|зачисл|уплач)|излишне\s+(?:перечисл|уплач|оплач)")
_SBP = re.compile(r"сбп|быстрых платеж|qr[- ]?код|c2b|b2c")


@dataclass(frozen=True)
class PurposeFacts:
    numbers: tuple[str, ...]  # digit runs left after masking, first-seen order, no repeats
    phones: tuple[str, ...]  # +7XXXXXXXXXX (omnidesk.core.phones)
    inns: tuple[str, ...]
    sbp: bool
    marked: tuple[str, ...] = ()  # the numbers written as a document's number («№ 45», «счету 45»)
    refund: bool = False  # words of a refund or a return: not a customer paying


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def read_purpose(purpose: str) -> PurposeFacts:
    folded = fold(purpose)
    text = _CONFUSABLE.sub(lambda m: _AS_DIGIT[m.group(0)], folded)
    found = _PHONE.findall(text)
    phones = tuple(dict.fromkeys(p for p in map(normalise_any_phone, found) if p))
    if found:
        text = _PHONE.sub(_blank, text)
    inns: tuple[str, ...] = ()
    if "инн" in text:
        inns = tuple(dict.fromkeys(_INN.findall(text)))
        text = _INN.sub(_blank, text)
    text = _MASK.sub(_blank, text)
    numbers = tuple(dict.fromkeys(_DIGIT_RUN.findall(text)))
    marked = tuple(dict.fromkeys(n for n in _MARKED.findall(text) if len(n) <= 8))  # longer: an account, an INN
    return PurposeFacts(numbers=numbers, phones=phones, inns=inns, sbp=bool(_SBP.search(folded)), marked=marked,
                        refund=bool(_REFUND.search(folded)))
