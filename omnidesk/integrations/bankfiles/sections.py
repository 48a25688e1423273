"""Turning the keys of one account section or document into dataclasses, with checks.

A block's keys come as two dicts: ``values`` (the value of each key, stripped, as first written)
and ``lines`` (the line of the file where each key was first written, for the errors).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from omnidesk.core.money import format_amount

from .errors import BankFileError
from .model import AccountSection, BankDocument
from .values import parse_amount_value, parse_date_value, strip_inn_prefix

Values = dict[str, str]
Lines = dict[str, int]

# How many distinct values (and ``fields`` tuples) :class:`Shared` keeps before starting afresh: a
# value that repeats through the file is still kept a few times only, and the parse's own memory
# stays bounded, however many distinct values a file holds.
SHARED_LIMIT = 4096


class Shared:
    """One copy of repeating values for the documents of one statement: texts (our account, banks,
    frequent payers and purposes), dates, and whole ``fields`` tuples."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._dates: dict[str, dt.date] = {}
        self._fields: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = {}

    def text(self, value: str) -> str:
        texts = self._texts
        known = texts.get(value)
        if known is None:
            if len(texts) >= SHARED_LIMIT:
                texts.clear()
            texts[value] = known = value
        return known

    def date(self, text: str, line: int) -> dt.date:
        known = self._dates.get(text)
        if known is None:
            known = parse_date_value(text, line)  # raises for a wrong date: only good ones are kept
            if len(self._dates) >= SHARED_LIMIT:
                self._dates.clear()
            self._dates[text] = known
        return known

    def fields(self, ordered: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
        extras = tuple([pair for pair in ordered if pair[0] not in NAMED_KEYS])
        if not extras:
            return ()
        known = self._fields.get(extras)
        if known is None:
            text = self.text
            known = tuple([(text(key), text(value)) for key, value in extras])
            if len(self._fields) >= SHARED_LIMIT:
                self._fields.clear()
            self._fields[known] = known
        return known


def _date(values: Values, lines: Lines, key: str) -> dt.date | None:
    text = values.get(key)
    if not text:
        return None
    return parse_date_value(text, lines[key])


def header_date(values: Values, lines: Lines, key: str) -> dt.date | None:
    return _date(values, lines, key)


def _amount(values: Values, lines: Lines, key: str, *, allow_negative: bool = False) -> int:
    """Missing keys are zero: 1C omits empty values and zero balances."""
    text = values.get(key)
    if not text:
        return 0
    return parse_amount_value(text, lines[key], allow_negative=allow_negative)


def _required(values: Values, key: str, start: int, what: str) -> str:
    text = values.get(key)
    if not text:
        raise BankFileError(start, f"в {what} нет «{key}»")
    return text


def build_section(values: Values, lines: Lines, start: int) -> AccountSection:
    account = _required(values, "РасчСчет", start, "секции счёта")
    section = AccountSection(
        account=account,
        date_from=_date(values, lines, "ДатаНачала"),
        date_to=_date(values, lines, "ДатаКонца"),
        opening=_amount(values, lines, "НачальныйОстаток", allow_negative=True),
        incoming=_amount(values, lines, "ВсегоПоступило"),
        outgoing=_amount(values, lines, "ВсегоСписано"),
        closing=_amount(values, lines, "КонечныйОстаток", allow_negative=True),
        line=start,
    )
    expected = section.opening + section.incoming - section.outgoing
    if expected != section.closing:
        raise BankFileError(
            lines.get("КонечныйОстаток", start),
            f"остаток по счёту {account} не сходится: {_money(section.opening)} + {_money(section.incoming)} − "
            f"{_money(section.outgoing)} = {_money(expected)}, а КонечныйОстаток = {_money(section.closing)}",
        )
    return section


_PURPOSE_PARTS = tuple(f"НазначениеПлатежа{i}" for i in range(1, 7))


def _purpose(values: Values) -> str:
    whole = values.get("НазначениеПлатежа")
    if whole:
        return whole
    parts = (values.get(key) for key in _PURPOSE_PARTS)
    return " ".join(part for part in parts if part)


# keys read into named fields of BankDocument; the others are kept as written in ``fields``
NAMED_KEYS = frozenset({
    "Номер", "Дата", "Сумма", "ПлательщикСчет", "ПлательщикРасчСчет", "Плательщик", "Плательщик1", "ПлательщикИНН",
    "ПлательщикКПП", "ПлательщикБИК", "ПлательщикБанк1", "ПолучательСчет", "ПолучательРасчСчет", "Получатель", "Получатель1",
    "ПолучательИНН", "ПолучательКПП", "ДатаСписано", "ДатаПоступило", "НазначениеПлатежа", "Код",
    *_PURPOSE_PARTS,
})


def build_document(
    kind: str, values: Values, lines: Lines, ordered: Iterable[tuple[str, str]], start: int, shared: Shared
) -> BankDocument:
    """The document of one ``СекцияДокумент``; ``ordered`` is every (key, value) as written, in order."""
    get = values.get
    date_text = _required(values, "Дата", start, "документе")
    amount_line = lines.get("Сумма", start)
    amount = parse_amount_value(_required(values, "Сумма", start, "документе"), amount_line)
    if amount == 0:
        raise BankFileError(amount_line, "сумма документа равна нулю")
    date = shared.date(date_text, lines["Дата"])  # after the amount: the first error in the old order
    debited, credited = get("ДатаСписано"), get("ДатаПоступило")
    text = shared.text
    return BankDocument(
        kind=text(kind),
        number=get("Номер") or "",
        date=date,
        amount=amount,
        payer_account=text(get("ПлательщикСчет") or get("ПлательщикРасчСчет") or ""),
        payer_name=text(strip_inn_prefix(get("Плательщик") or get("Плательщик1") or "")),
        payer_inn=text(get("ПлательщикИНН") or ""),
        payer_kpp=text(get("ПлательщикКПП") or ""),
        payer_bic=text(get("ПлательщикБИК") or ""),
        payer_bank=text(get("ПлательщикБанк1") or ""),
        payee_account=text(get("ПолучательСчет") or get("ПолучательРасчСчет") or ""),
        payee_name=text(strip_inn_prefix(get("Получатель") or get("Получатель1") or "")),
        payee_inn=text(get("ПолучательИНН") or ""),
        payee_kpp=text(get("ПолучательКПП") or ""),
        date_debited=shared.date(debited, lines["ДатаСписано"]) if debited else None,
        date_credited=shared.date(credited, lines["ДатаПоступило"]) if credited else None,
        purpose=text(_purpose(values)),
        payment_code=text(get("Код") or ""),
        line=start,
        fields=shared.fields(ordered),
    )


def check_totals(sections: list[AccountSection], documents: list[BankDocument]) -> list[str]:
    """Warnings (not errors) when the documents do not add up to a section's turnovers."""
    warnings: list[str] = []
    counts: dict[str, int] = {}
    for section in sections:
        counts[section.account] = counts.get(section.account, 0) + 1
    for section in sections:
        if counts[section.account] != 1 or not documents:
            continue
        incoming = sum(d.amount for d in documents if d.payee_account == section.account)
        outgoing = sum(d.amount for d in documents if d.payer_account == section.account)
        if incoming != section.incoming:
            warnings.append(
                f"по счёту {section.account} поступления в документах {_money(incoming)}, "
                f"а ВсегоПоступило = {_money(section.incoming)}"
            )
        if outgoing != section.outgoing:
            warnings.append(
                f"по счёту {section.account} списания в документах {_money(outgoing)}, "
                f"а ВсегоСписано = {_money(section.outgoing)}"
            )
    return warnings


def _money(kopecks: int) -> str:
    return format_amount(kopecks, currency=False).replace("\u00a0", " ")
