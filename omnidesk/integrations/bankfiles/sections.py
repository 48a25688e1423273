"""Turning the keys of one account section or document into dataclasses, with checks.

A block's keys come as two dicts: ``values`` (the value of each key, stripped, as first written)
and ``lines`` (the line of the file where each key was first written, for the errors).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from omnidesk.core.money import format_amount

from .errors import BankFileError
from .model import AccountSection, BankDocument
from .values import amount_or_problem, date_or_problem, parse_amount_value, parse_date_value, strip_inn_prefix

Values = dict[str, str]
Lines = dict[str, int]

# How many distinct values (and ``fields`` tuples) :class:`Shared` keeps before starting afresh: a
# value that repeats through the file is still kept a few times only, and the parse's own memory
# stays bounded, however many distinct values a file holds.
SHARED_LIMIT = 4096
LAYOUT_LIMIT = 256  # a file has a few layouts of keys (kinds of documents, optional keys)


class Shared:
    """One copy of repeating values for the documents of one statement: texts (our account, banks,
    frequent payers and purposes), dates, and whole ``fields`` tuples."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self.dates: dict[str, dt.date] = {}
        self._layouts: dict[tuple[str, ...], tuple[str, ...]] = {}  # a document's keys → those without a named field
        self._fields: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[tuple[str, str], ...]] = {}  # (keys, values) → pairs

    def texts(self) -> Callable[[str, str], str]:
        """``setdefault`` of the shared texts: ``texts()(value, value)`` is the one copy of ``value``."""
        texts = self._texts
        if len(texts) >= SHARED_LIMIT:
            texts.clear()
        return texts.setdefault

    def text(self, value: str) -> str:
        return self.texts()(value, value)

    def date(self, text: str, line_of: Callable[[str], int], key: str) -> dt.date:
        """The date written as ``text`` for ``key``; BankFileError on the key's line if there is none such."""
        known = self.dates.get(text)
        if known is None:
            date = date_or_problem(text.strip())
            if isinstance(date, str):
                raise BankFileError(line_of(key), date)
            if len(self.dates) >= SHARED_LIMIT:
                self.dates.clear()
            self.dates[text] = known = date
        return known

    def fields(self, values: Values, ordered: Iterable[tuple[str, str]] | None = None) -> tuple[tuple[str, str], ...]:
        """The (key, value) pairs without a named field, as written; ``ordered`` is every pair in the order
        written when a key was written twice (``values`` then holds each key once)."""
        if ordered is not None:
            extras = tuple([pair for pair in ordered if pair[0] not in NAMED_KEYS])
            if not extras:
                return ()
            probe: tuple[tuple[str, ...], tuple[str, ...]] = (tuple([k for k, _ in extras]), tuple([v for _, v in extras]))
        else:  # documents of a file mostly have the same keys in the same order: look their unnamed keys up once
            layout = tuple(values)
            keys = self._layouts.get(layout)
            if keys is None:
                keys = tuple([self.text(key) for key in layout if key not in NAMED_KEYS])
                if len(self._layouts) >= LAYOUT_LIMIT:
                    self._layouts.clear()
                self._layouts[tuple(map(self.text, layout))] = keys
            if not keys:
                return ()
            probe = (keys, tuple([values[key] for key in keys]))
        known = self._fields.get(probe)
        if known is None:
            text = self.text
            known = tuple([(text(key), text(value)) for key, value in zip(*probe, strict=True)])
            if len(self._fields) >= SHARED_LIMIT:
                self._fields.clear()
            self._fields[(tuple(k for k, _ in known), tuple(v for _, v in known))] = known
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


def _purpose_parts(values: Values) -> str:
    """The purpose written in numbered lines (when there is no whole ``НазначениеПлатежа``)."""
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
    kind: str,
    values: Values,
    line_of: Callable[[str], int],
    ordered: Iterable[tuple[str, str]] | None,
    start: int,
    shared: Shared,
) -> BankDocument:
    """The document of one ``СекцияДокумент``; ``line_of(key)`` is the line where a key was written (asked
    for an error only); ``ordered`` is every (key, value) as written, in order, if a key was written twice
    (None otherwise: ``values`` is then the order)."""
    get = values.get
    date_text = get("Дата")
    if not date_text:
        raise BankFileError(start, "в документе нет «Дата»")
    amount_text = get("Сумма")
    if not amount_text:
        raise BankFileError(start, "в документе нет «Сумма»")
    amount = amount_or_problem(amount_text)
    if isinstance(amount, str):
        raise BankFileError(line_of("Сумма"), amount)
    if amount == 0:
        raise BankFileError(line_of("Сумма"), "сумма документа равна нулю")
    dates = shared.dates  # the date of each text seen (a dt.date is never false)
    date = dates.get(date_text) or shared.date(date_text, line_of, "Дата")
    debited_text, credited_text = get("ДатаСписано"), get("ДатаПоступило")
    debited = (dates.get(debited_text) or shared.date(debited_text, line_of, "ДатаСписано")) if debited_text else None
    credited = (dates.get(credited_text) or shared.date(credited_text, line_of, "ДатаПоступило")) if credited_text else None
    texts = (
        kind,
        get("ПлательщикСчет") or get("ПлательщикРасчСчет") or "",
        strip_inn_prefix(get("Плательщик") or get("Плательщик1") or ""),
        get("ПлательщикИНН") or "",
        get("ПлательщикКПП") or "",
        get("ПлательщикБИК") or "",
        get("ПлательщикБанк1") or "",
        get("ПолучательСчет") or get("ПолучательРасчСчет") or "",
        strip_inn_prefix(get("Получатель") or get("Получатель1") or ""),
        get("ПолучательИНН") or "",
        get("ПолучательКПП") or "",
        get("НазначениеПлатежа") or _purpose_parts(values),
        get("Код") or "",
    )
    shared_text = shared.texts()
    (kind, payer_account, payer_name, payer_inn, payer_kpp, payer_bic, payer_bank, payee_account, payee_name, payee_inn,
     payee_kpp, purpose, payment_code) = map(shared_text, texts, texts)
    return BankDocument(
        kind=kind,
        number=get("Номер") or "",
        date=date,
        amount=amount,
        payer_account=payer_account,
        payer_name=payer_name,
        payer_inn=payer_inn,
        payer_kpp=payer_kpp,
        payer_bic=payer_bic,
        payer_bank=payer_bank,
        payee_account=payee_account,
        payee_name=payee_name,
        payee_inn=payee_inn,
        payee_kpp=payee_kpp,
        date_debited=debited,
        date_credited=credited,
        purpose=purpose,
        payment_code=payment_code,
        line=start,
        fields=shared.fields(values, ordered),
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
