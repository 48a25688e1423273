"""``omnidesk orders list``: the orders with customer, money and delivery window."""

from __future__ import annotations

from omnidesk.core.enums import OrderStatus, PaymentKind
from omnidesk.core.errors import InvalidInput
from omnidesk.core.money import format_amount, parse_amount, to_decimal_str
from omnidesk.core.timefmt import format_window
from omnidesk.services.dto import OrderRow
from omnidesk.services.ledger import ExcessChoice, record_delivery
from omnidesk.services.orders import list_orders

from . import common
from .receipts_json import receipt_json, receipt_line


def register(commands) -> None:
    orders = commands.add_parser("orders", help="заказы покупателей")
    sub = orders.add_subparsers(dest="orders_command", metavar="ДЕЙСТВИЕ", required=True)
    parser = common.command(sub, "list", "список заказов", run_list)
    parser.add_argument("--status", help="статус: " + ", ".join(f"{s.value} ({s.label})" for s in OrderStatus))
    parser.add_argument("--date", help="дата доставки ГГГГ-ММ-ДД")
    common.add_json_option(parser)
    register_deliver(sub)


def _status(text: str | None) -> OrderStatus | None:
    if text is None:
        return None
    try:
        return OrderStatus(text)
    except ValueError:
        allowed = ", ".join(s.value for s in OrderStatus)
        raise InvalidInput(f"неизвестный статус «{text}»; допустимы: {allowed}") from None


def order_json(row: OrderRow) -> dict:
    return {
        "number": row.number,
        "customer": {
            "id": row.customer_id, "name": row.customer_name, "inn": row.customer_inn,
            "phone": row.customer_phone, "kind": row.customer_kind.value,
        },
        "total": to_decimal_str(row.total),
        "paid": to_decimal_str(row.paid),
        "due": to_decimal_str(row.due),
        "status": row.status.value,
        "delivery_date": row.delivery_date.isoformat() if row.delivery_date else None,
        "window": format_window(row.window_start, row.window_end) or None,
        "address": row.address,
    }


def run_list(args) -> int:
    date = common.parse_date(args.date) if args.date else None
    rows = list_orders(common.open_db(args), status=_status(args.status), date=date)
    if args.json:
        common.print_json([order_json(r) for r in rows])
        return 0
    for r in rows:
        when = f"{r.delivery_date:%d.%m.%Y} {format_window(r.window_start, r.window_end)}" if r.delivery_date else ""
        print(f"№{r.number:<7} {r.customer_name[:34]:<34} {format_amount(r.total):>14} "
              f"долг {format_amount(r.due):>14}  {r.status.label:<18} {when}")
    print(f"Всего заказов: {len(rows)}")
    return 0


def register_deliver(sub) -> None:
    parser = common.command(sub, "deliver", "результат доставки: отказы, полученные деньги, чеки", run_deliver)
    parser.add_argument("number", metavar="N", help="номер заказа")
    parser.add_argument("--refuse", action="append", default=[], metavar="LINE:QTY",
                        help="отказ от QTY единиц строки LINE (можно несколько раз)")
    parser.add_argument("--collected", default="0", help="получено водителем")
    parser.add_argument("--kind", choices=("cash", "card"), default="cash", help="как получено")
    parser.add_argument("--excess", choices=("advance", "refund"), default="advance",
                        help="предоплата за непринятый товар: оставить авансом или вернуть")
    common.add_json_option(parser)


def _refusals(items: list[str]) -> dict[int, int]:
    refused: dict[int, int] = {}
    for item in items:
        line, sep, quantity = item.partition(":")
        if not sep or not line.strip().isdigit():
            raise InvalidInput(f"отказ «{item}»: нужно СТРОКА:КОЛИЧЕСТВО, например 2:1")
        refused[int(line)] = refused.get(int(line), 0) + common.parse_quantity(quantity)
    return refused


def run_deliver(args) -> int:
    kind = PaymentKind.CASH if args.kind == "cash" else PaymentKind.CARD
    result = record_delivery(
        common.open_db(args), common.actor(args), order_number=args.number, refused=_refusals(args.refuse),
        collected=parse_amount(args.collected), kind=kind, excess=ExcessChoice(args.excess), refund_kind=kind,
    )
    if args.json:
        common.print_json({
            "order": result.order_number, "status": result.status.value,
            "accepted_total": to_decimal_str(result.accepted_total), "collected": to_decimal_str(result.collected),
            "excess": to_decimal_str(result.excess), "excess_choice": result.excess_choice.value if result.excess_choice else None,
            "debt": to_decimal_str(result.debt), "receipts_owed": [receipt_json(r) for r in result.receipts],
        })
        return 0
    print(result.summary)
    for r in result.receipts:
        print(f"  к печати: {receipt_line(r)}")
    return 0
