"""``omnidesk orders list``: the orders with customer, money and delivery window."""

from __future__ import annotations

from omnidesk.core.enums import OrderStatus, PaymentKind
from omnidesk.core.errors import InvalidInput
from omnidesk.core.money import format_amount, parse_amount, to_decimal_str
from omnidesk.core.receipts import format_quantity
from omnidesk.core.timefmt import format_window
from omnidesk.services.dto import OrderRow
from omnidesk.services.ledger import ExcessChoice, record_delivery
from omnidesk.services.orders import list_orders, order_detail, order_id_of
from omnidesk.services.receipts import list_receipts

from . import common
from .receipts_json import receipt_json, receipt_line


def register(commands) -> None:
    orders = commands.add_parser("orders", help="заказы покупателей")
    sub = orders.add_subparsers(dest="orders_command", metavar="ДЕЙСТВИЕ", required=True)
    parser = common.command(sub, "list", "список заказов", run_list)
    parser.add_argument("--status", help="статус: " + ", ".join(f"{s.value} ({s.label})" for s in OrderStatus))
    parser.add_argument("--date", help="дата доставки ГГГГ-ММ-ДД")
    common.add_json_option(parser)
    show = common.command(sub, "show", "заказ целиком: покупатель, доставка, строки, оплаты, чеки", run_show)
    show.add_argument("number", metavar="N", help="номер заказа")
    common.add_json_option(show)
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


def order_show_json(detail, receipts) -> dict:
    return {
        **order_json(detail.row),
        "delivery": {"date": detail.row.delivery_date.isoformat() if detail.row.delivery_date else None,
                     "window": format_window(detail.row.window_start, detail.row.window_end) or None,
                     "address": detail.row.address, "contact_phone": detail.contact_phone,
                     "supplier": detail.supplier, "comment": detail.comment},
        "lines": [{"line": line.line_no, "name": line.name,
                   "quantity": format_quantity(line.quantity_milli).replace(",", "."), "unit": line.unit,
                   "price": to_decimal_str(line.price), "amount": to_decimal_str(line.amount), "vat": line.vat_label}
                  for line in detail.lines],
        "payments": [{"id": p.id, "kind": p.kind.value, "amount": to_decimal_str(p.amount),
                      "allocated": to_decimal_str(p.allocated_here), "received_at": p.received_at.isoformat(),
                      "payer": p.payer_name} for p in detail.payments],
        "receipts": [receipt_json(r) for r in receipts],
    }


def run_show(args) -> int:
    db = common.open_db(args)
    order_id = order_id_of(db, args.number)
    detail, receipts = order_detail(db, order_id), list_receipts(db, order_id=order_id)
    if args.json:
        common.print_json(order_show_json(detail, receipts))
        return 0
    row = detail.row
    print(f"Заказ №{row.number}, {row.status.value}: {row.customer_name}, {format_amount(row.total)}, "
          f"оплачено {format_amount(row.paid)}, долг {format_amount(row.due)}")
    if row.delivery_date:
        print(f"Доставка {row.delivery_date:%d.%m.%Y} {format_window(row.window_start, row.window_end)}: {row.address}")
    for line in detail.lines:
        print(f"  {line.line_no}. {line.name} — {format_quantity(line.quantity_milli)} {line.unit} × "
              f"{format_amount(line.price)} = {format_amount(line.amount)}, НДС {line.vat_label}")
    for p in detail.payments:
        print(f"  оплата #{p.id} {p.kind.value} {format_amount(p.allocated_here)} от {p.received_at:%d.%m.%Y}")
    for r in receipts:
        print(f"  чек {receipt_line(r)}")
    return 0


def register_deliver(sub) -> None:
    parser = common.command(sub, "deliver", "результат доставки: отказы, полученные деньги, чеки", run_deliver)
    parser.add_argument("number", metavar="N", help="номер заказа")
    parser.add_argument("--refuse", action="append", default=[], metavar="LINE:QTY",
                        help="отказ от QTY единиц строки LINE (можно несколько раз)")
    parser.add_argument("--collected", default="0", help="получено водителем")
    parser.add_argument("--kind", choices=("cash", "card"), default="cash", help="как получено")
    parser.add_argument("--credit", action="store_true",
                        help="товар передан в кредит: недостающее покупатель оплатит позже (признак 6 или 5)")
    parser.add_argument("--driver", type=int, metavar="DRIVER_ID",
                        help="водитель: деньги у двери пробиваются на его ККТ")
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
        driver_id=args.driver, credit=args.credit,
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
