"""A bank statement (1CClientBankExchange, Windows-1251) on the demo's own dates, so the Bank page can be
tried end to end: transfers that pay open demo orders by number, one by a company's INN without a number,
a partial one, one from a stranger and one of our own payments out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from omnidesk.core.enums import CustomerKind

from .orders import list_orders
from .uow import Database

OUR_ACCOUNT = "40702810900000012345"


def _money(kopecks: int) -> str:
    kopecks = int(kopecks)  # a sum PostgreSQL computed arrives as Decimal
    return f"{kopecks // 100}.{kopecks % 100:02d}"


def _document(number: int, day: dt.date, amount: int, payer: str, inn: str, account: str, purpose: str,
              payee_account: str = OUR_ACCOUNT, payee: str = 'ООО "ОмниТепло"') -> list[str]:
    return ["СекцияДокумент=Платежное поручение", f"Номер={number}", f"Дата={day:%d.%m.%Y}", f"Сумма={_money(amount)}",
            f"ПлательщикСчет={account}", f"Плательщик={payer}", f"ПлательщикИНН={inn}", f"ПолучательСчет={payee_account}",
            f"Получатель={payee}", f"ДатаПоступило={day:%d.%m.%Y}" if payee_account == OUR_ACCOUNT else
            f"ДатаСписано={day:%d.%m.%Y}", f"НазначениеПлатежа={purpose}", "КонецДокумента"]


def demo_statement(db: Database, day: dt.date | None = None) -> bytes:
    day = day or dt.date.today()
    owing = [r for r in list_orders(db) if r.status.is_open and r.due > 0 and r.paid == 0]
    companies = [r for r in owing if r.customer_kind is not CustomerKind.INDIVIDUAL and r.customer_inn]
    people = [r for r in owing if r.customer_kind is CustomerKind.INDIVIDUAL]
    docs: list[list[str]] = []
    number = 501
    for r in companies[:4]:  # a company pays its invoice (the order number in the purpose)
        docs.append(_document(number, day, r.due, r.customer_name, r.customer_inn or "", f"40702810{number:012d}",
                              f"Оплата по счету №{r.number} от {day:%d.%m.%Y} за сантехническое оборудование. "
                              f"В т.ч. НДС 22%"))
        number += 1
    for r in people[:3]:  # a person pays by transfer: a receipt will be owed
        docs.append(_document(number, day, r.due, r.customer_name, "", f"40817810{number:012d}",
                              f"Оплата заказа {r.number}"))
        number += 1
    if len(people) > 3:  # part of an order
        r = people[3]
        docs.append(_document(number, day, r.due // 2 // 100 * 100, r.customer_name, "", f"40817810{number:012d}",
                              f"Предоплата по заказу №{r.number}"))
        number += 1
    if len(companies) > 4:  # the INN, but no order number: the manager decides
        r = companies[4]
        docs.append(_document(number, day, r.due, r.customer_name, r.customer_inn or "", f"40702810{number:012d}",
                              "Оплата за оборудование согласно договору"))
        number += 1
    docs.append(_document(number, day, 250_000, "Сидоров Пётр Ильич", "", "40817810700009876543",
                          "Оплата за смеситель"))
    docs.append(_document(number + 1, day, 500_000, 'ООО "ОмниТепло"', "7712345671", OUR_ACCOUNT,
                          "Оплата поставщику по счету 77", payee_account="40702810100000011111",
                          payee='ООО "ТрубоСнаб"'))
    incoming = sum(int(d[3].split("=")[1].replace(".", "")) for d in docs[:-1])
    outgoing = 500_000
    opening = 10_000_000
    head = ["1CClientBankExchange", "ВерсияФормата=1.03", "Кодировка=Windows", "Отправитель=ДемоБанк",
            f"ДатаНачала={day:%d.%m.%Y}", f"ДатаКонца={day:%d.%m.%Y}", f"РасчСчет={OUR_ACCOUNT}",
            "СекцияРасчСчет", f"ДатаНачала={day:%d.%m.%Y}", f"ДатаКонца={day:%d.%m.%Y}", f"РасчСчет={OUR_ACCOUNT}",
            f"НачальныйОстаток={_money(opening)}", f"ВсегоПоступило={_money(incoming)}",
            f"ВсегоСписано={_money(outgoing)}", f"КонечныйОстаток={_money(opening + incoming - outgoing)}",
            "КонецРасчСчет"]
    lines = head + [line for doc in docs for line in doc] + ["КонецФайла", ""]
    return "\r\n".join(lines).encode("cp1251")


def write_demo_statement(db: Database, path: Path, day: dt.date | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(demo_statement(db, day))
    return path
