"""Bench: parse + match a 10 000-line 1CClientBankExchange statement against 100 000 open orders.

    python -m bench.bank [--lines 10000] [--orders 100000]

Prints the time of parsing alone, of parse + match (index building included) and their ratio.
Target: parse + match under 3 s on one core. Then (unless --no-import) the end-to-end `omnidesk bank
import` of a 23 000-document statement into a 100 000-order database (bench/bank_import.py): its time
and peak memory, targets under 10 s and under 150 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from omnidesk.core.enums import CustomerKind
from omnidesk.core.matching import KnownCustomer, Matcher, OpenOrder
from omnidesk.integrations.bankfiles import parse_statement, to_bank_line

OUR = "40702810900000012345"
DAY = dt.date(2025, 3, 10)


SYLLABLES = ["ка", "ло", "ми", "ре", "ту", "ва", "зо", "не", "ши", "ба"]


def surname(i: int) -> str:
    """A distinct surname for every i: «Каломиров»-like, so customers are not all namesakes."""
    return ("".join(SYLLABLES[int(d)] for d in str(i)) + "ов").capitalize()


def make_book(orders: int, rnd: random.Random) -> tuple[list[KnownCustomer], list[OpenOrder]]:
    customers, book = [], []
    count = orders // 3
    for i in range(count):
        company = i % 3 == 0
        inn = f"{7700000000 + i}" if company else ""
        kind = CustomerKind.COMPANY if company else CustomerKind.INDIVIDUAL
        name = f'ООО "{surname(i)}-Строй"' if company else f"{surname(i)} Иван Петрович"
        customers.append(KnownCustomer(str(i), kind, name, inn=inn, phones=(f"+7916{i:07d}",),
                                       payer_accounts=(f"40817810{i:012d}",)))
    for n in range(orders):
        due = rnd.randint(500, 300000) * 100
        book.append(OpenOrder(str(100000 + n), str(n % count), DAY - dt.timedelta(days=rnd.randint(1, 60)), due, due))
    return customers, book


def _document(i: int, order: OpenOrder, customer: KnownCustomer, rnd: random.Random) -> tuple[str, int]:
    amount = order.due + rnd.choice([0, 0, 0, 40000])
    kind = rnd.random()
    if kind < 0.15:
        payer = ["Плательщик=ПАО СБЕРБАНК", "ПлательщикИНН=7707083893", f"ПлательщикСчет=30232810{i:012d}"]
        purpose = f"Перевод по СБП от {customer.name}, тел. {customer.phones[0]}. Оплата заказа {order.number}"
    elif customer.inn:
        payer = [f"Плательщик=ИНН {customer.inn} {customer.name}", f"ПлательщикИНН={customer.inn}",
                 f"ПлательщикСчет=40702810{i:012d}"]
        purpose = f"Оплата по счету № {order.number} от 07.03.2025. Сумма {amount // 100}-{amount % 100:02d}, в т.ч. НДС (20%)"
    else:
        payer = [f"Плательщик={customer.name}", f"ПлательщикСчет={customer.payer_accounts[0]}"]
        purpose = rnd.choice([f"Оплата заказа №{order.number}", "Оплата товара", f"зак.{order.number} НДС не облагается"])
    rub, kop = divmod(amount, 100)
    lines = ["СекцияДокумент=Платежное поручение", f"Номер={i + 1}", f"Дата={DAY:%d.%m.%Y}", f"Сумма={rub}.{kop:02d}",
             *payer, f"ДатаСписано={DAY:%d.%m.%Y}", "ПлательщикБИК=044525225", f"ПолучательСчет={OUR}",
             f"ДатаПоступило={DAY:%d.%m.%Y}", 'Получатель=ООО "ОМНИСАН"', "ПолучательИНН=7712345678",
             "ВидОплаты=01", "Код=0", "Очередность=5", f"НазначениеПлатежа={purpose}", "КонецДокумента"]
    return "\r\n".join(lines), amount


def make_statement(lines: int, customers: list[KnownCustomer], orders: list[OpenOrder], rnd: random.Random) -> bytes:
    by_id = {c.id: c for c in customers}
    picked = rnd.sample(orders, lines)
    documents, incoming = [], 0
    for i, order in enumerate(picked):
        text, amount = _document(i, order, by_id[order.customer_id], rnd)
        documents.append(text)
        incoming += amount
    head = ["1CClientBankExchange", "ВерсияФормата=1.03", "Кодировка=Windows", f"ДатаНачала={DAY:%d.%m.%Y}",
            f"ДатаКонца={DAY:%d.%m.%Y}", f"РасчСчет={OUR}", "СекцияРасчСчет", f"РасчСчет={OUR}",
            "НачальныйОстаток=1000000.00", f"ВсегоПоступило={incoming // 100}.{incoming % 100:02d}",
            f"КонечныйОстаток={(100000000 + incoming) // 100}.{incoming % 100:02d}", "КонецРасчСчет"]
    return ("\r\n".join(head + documents + ["КонецФайла"]) + "\r\n").encode("cp1251")


def run(lines: int, orders: int, seed: int = 1) -> dict[str, float]:
    rnd = random.Random(seed)
    customers, book = make_book(orders, rnd)
    data = make_statement(lines, customers, book, rnd)
    wall, cpu = time.perf_counter(), time.process_time()
    parse_statement(data)
    parse_wall, parse_cpu = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    statement = parse_statement(data)
    matcher = Matcher(customers, book)
    results = matcher.match_all(to_bank_line(d) for d in statement.incoming())
    total_wall, total_cpu = time.perf_counter() - wall, time.process_time() - cpu
    automatic = sum(r.automatic for r in results)
    return {"bytes": len(data), "lines": len(results), "automatic": automatic, "parse": parse_cpu, "total": total_cpu,
            "parse_wall": parse_wall, "total_wall": total_wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--import-documents", type=int, default=23_000)
    parser.add_argument("--no-import", action="store_true", help="skip the end-to-end `omnidesk bank import`")
    args = parser.parse_args()
    r = run(args.lines, args.orders)
    print(f"statement: {r['lines']} incoming documents, {r['bytes'] / 1e6:.1f} MB cp1251; {args.orders} open orders")
    print("times are CPU seconds of this single-threaded process (wall clock in brackets; it grows when the cores are shared)")
    print(f"parse only:            {r['parse']:.2f} s  [{r['parse_wall']:.2f} s]")
    print(f"parse + index + match: {r['total']:.2f} s  [{r['total_wall']:.2f} s]  (target < 3 s)"
          f" — {r['total'] / r['parse']:.1f}× parsing alone")
    print(f"matched automatically: {r['automatic']} of {r['lines']} ({r['automatic'] / r['lines']:.1%})")
    if not args.no_import:
        import tempfile
        from pathlib import Path

        from .bank_import import best_of, report

        keep = Path(tempfile.gettempdir()) / "omnidesk-bench-bank"
        best = best_of(args.import_documents, args.orders, keep, 3)
        report(args.import_documents, args.orders, best)
        print(f"  CPU seconds of the 3 runs (the fastest reported): {best['all']}")


if __name__ == "__main__":
    main()
