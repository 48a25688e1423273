"""``omnidesk orders list``: the orders with customer, money and delivery window."""

from __future__ import annotations

from omnidesk.core.enums import OrderStatus
from omnidesk.core.errors import InvalidInput
from omnidesk.core.money import format_amount, to_decimal_str
from omnidesk.core.timefmt import format_window
from omnidesk.services.dto import OrderRow
from omnidesk.services.orders import list_orders

from . import common


def register(commands) -> None:
    orders = commands.add_parser("orders", help="заказы покупателей")
    sub = orders.add_subparsers(dest="orders_command", metavar="ДЕЙСТВИЕ", required=True)
    parser = common.command(sub, "list", "список заказов", run_list)
    parser.add_argument("--status", help="статус: " + ", ".join(s.value for s in OrderStatus))
    parser.add_argument("--date", help="дата доставки ГГГГ-ММ-ДД")
    common.add_json_option(parser)


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
              f"долг {format_amount(r.due):>14}  {r.status.value:<10} {when}")
    print(f"Всего заказов: {len(rows)}")
    return 0
