"""Turning the keys of one account section or document into dataclasses, with checks."""

from __future__ import annotations

import datetime as dt

from omnidesk.core.money import format_amount

from .errors import BankFileError
from .model import AccountSection, BankDocument
from .values import parse_amount_value, parse_date_value, strip_inn_prefix

Values = dict[str, tuple[str, int]]


def _text(values: Values, *keys: str) -> str:
    for key in keys:
        if key in values and values[key][0]:
            return values[key][0]
    return ""


def _date(values: Values, key: str) -> dt.date | None:
    if key not in values or not values[key][0]:
        return None
    text, line = values[key]
    return parse_date_value(text, line)


def header_date(values: Values, key: str) -> dt.date | None:
    return _date(values, key)


def _amount(values: Values, key: str, *, allow_negative: bool = False) -> int:
    """Missing keys are zero: 1C omits empty values and zero balances."""
    if key not in values or not values[key][0]:
        return 0
    text, line = values[key]
    return parse_amount_value(text, line, allow_negative=allow_negative)


def _required(values: Values, key: str, start: int, what: str) -> tuple[str, int]:
    if key not in values or not values[key][0]:
        raise BankFileError(start, f"в {what} нет «{key}»")
    return values[key]


def build_section(values: Values, start: int) -> AccountSection:
    account, _ = _required(values, "РасчСчет", start, "секции счёта")
    section = AccountSection(
        account=account,
        date_from=_date(values, "ДатаНачала"),
        date_to=_date(values, "ДатаКонца"),
        opening=_amount(values, "НачальныйОстаток", allow_negative=True),
        incoming=_amount(values, "ВсегоПоступило"),
        outgoing=_amount(values, "ВсегоСписано"),
        closing=_amount(values, "КонечныйОстаток", allow_negative=True),
        line=start,
    )
    expected = section.opening + section.incoming - section.outgoing
    if expected != section.closing:
        line = values.get("КонечныйОстаток", ("", start))[1]
        raise BankFileError(
            line,
            f"остаток по счёту {account} не сходится: {_money(section.opening)} + {_money(section.incoming)} − "
            f"{_money(section.outgoing)} = {_money(expected)}, а КонечныйОстаток = {_money(section.closing)}",
        )
    return section


def _purpose(values: Values) -> str:
    whole = _text(values, "НазначениеПлатежа")
    if whole:
        return whole
    parts = (_text(values, f"НазначениеПлатежа{i}") for i in range(1, 7))
    return " ".join(part for part in parts if part)


# keys read into named fields of BankDocument; the others are kept as written in ``fields``
NAMED_KEYS = frozenset({
    "Номер", "Дата", "Сумма", "ПлательщикСчет", "ПлательщикРасчСчет", "Плательщик", "Плательщик1", "ПлательщикИНН",
    "ПлательщикКПП", "ПлательщикБИК", "ПлательщикБанк1", "ПолучательСчет", "ПолучательРасчСчет", "Получатель", "Получатель1",
    "ПолучательИНН", "ПолучательКПП", "ДатаСписано", "ДатаПоступило", "НазначениеПлатежа", "Код",
    *(f"НазначениеПлатежа{i}" for i in range(1, 7)),
})


def build_document(kind: str, values: Values, ordered: list[tuple[str, str]], start: int) -> BankDocument:
    date_text, date_line = _required(values, "Дата", start, "документе")
    amount_text, amount_line = _required(values, "Сумма", start, "документе")
    amount = parse_amount_value(amount_text, amount_line)
    if amount == 0:
        raise BankFileError(amount_line, "сумма документа равна нулю")
    return BankDocument(
        kind=kind,
        number=_text(values, "Номер"),
        date=parse_date_value(date_text, date_line),
        amount=amount,
        payer_account=_text(values, "ПлательщикСчет", "ПлательщикРасчСчет"),
        payer_name=strip_inn_prefix(_text(values, "Плательщик", "Плательщик1")),
        payer_inn=_text(values, "ПлательщикИНН"),
        payer_kpp=_text(values, "ПлательщикКПП"),
        payer_bic=_text(values, "ПлательщикБИК"),
        payer_bank=_text(values, "ПлательщикБанк1"),
        payee_account=_text(values, "ПолучательСчет", "ПолучательРасчСчет"),
        payee_name=strip_inn_prefix(_text(values, "Получатель", "Получатель1")),
        payee_inn=_text(values, "ПолучательИНН"),
        payee_kpp=_text(values, "ПолучательКПП"),
        date_debited=_date(values, "ДатаСписано"),
        date_credited=_date(values, "ДатаПоступило"),
        purpose=_purpose(values),
        payment_code=_text(values, "Код"),
        line=start,
        fields=tuple((k, v) for k, v in ordered if k not in NAMED_KEYS),
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
