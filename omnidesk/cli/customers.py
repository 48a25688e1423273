"""``omnidesk customers show CUSTOMER``: one customer, open orders, advance balance, ledger."""

from __future__ import annotations

from omnidesk.core.money import format_amount, to_decimal_str
from omnidesk.core.phones import format_phone
from omnidesk.services.customers import customer_card, resolve_customer_id

from . import common
from .orders import order_json


def register(commands) -> None:
    customers = commands.add_parser("customers", help="покупатели")
    sub = customers.add_subparsers(dest="customers_command", metavar="ДЕЙСТВИЕ", required=True)
    parser = common.command(sub, "show", "карточка покупателя: заказы, аванс, расчёты", run_show)
    parser.add_argument("customer", metavar="CUSTOMER", help="id, ИНН, телефон или точное имя")
    common.add_json_option(parser)


def run_show(args) -> int:
    db = common.open_db(args)
    card = customer_card(db, resolve_customer_id(db, args.customer))
    c = card.customer
    if args.json:
        common.print_json({
            "id": c.id, "name": c.name, "kind": c.kind.value, "inn": c.inn, "kpp": c.kpp,
            "phone": c.phone, "email": c.email,
            "balance": to_decimal_str(card.balance),
            "open_orders": [order_json(r) for r in card.open_orders],
            "ledger": [
                {"at": e.at.isoformat(timespec="seconds"), "kind": e.kind, "description": e.description,
                 "amount": to_decimal_str(e.amount)}
                for e in card.ledger
            ],
        })
        return 0
    print(f"{c.name} (id {c.id})")
    details = [f"ИНН {c.inn}" if c.inn else "", f"КПП {c.kpp}" if c.kpp else "", format_phone(c.phone), c.email or ""]
    print("  " + " · ".join(d for d in details if d))
    print(f"Аванс (остаток на счёте): {format_amount(card.balance)}")
    print(f"Открытые заказы: {len(card.open_orders)}")
    for r in card.open_orders:
        print(f"  №{r.number}  {format_amount(r.total):>14}  оплачено {format_amount(r.paid):>14}  {r.status.label}")
    print("Расчёты:")
    for e in card.ledger:
        print(f"  {e.at:%d.%m.%Y %H:%M}  {e.description:<60} {format_amount(e.amount):>15}")
    return 0
