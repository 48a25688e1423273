"""``omnidesk payments add``, ``omnidesk receipts owed`` and ``omnidesk fiscal …``: the cashier's commands."""

from __future__ import annotations

from omnidesk.core.enums import PaymentKind
from omnidesk.core.money import format_amount, parse_amount, to_decimal_str
from omnidesk.services.ledger import AllocationRequest, register_payment
from omnidesk.services.receipts import list_receipts

from . import common
from .receipts_json import receipt_json, receipt_line

KINDS = {"cash": PaymentKind.CASH, "card": PaymentKind.CARD, "sbp": PaymentKind.SBP, "transfer": PaymentKind.TRANSFER}


def register(commands) -> None:
    payments = commands.add_parser("payments", help="поступления денег")
    sub = payments.add_subparsers(dest="payments_command", metavar="ДЕЙСТВИЕ", required=True)
    add = common.command(sub, "add", "зарегистрировать поступление и распределить по заказам", run_add)
    add.add_argument("--customer", required=True, help="id, ИНН, телефон или точное имя")
    add.add_argument("--amount", required=True, help="сумма: 12450, 12 450,00 или 12450.50")
    add.add_argument("--kind", required=True, choices=sorted(KINDS), help="вид денег")
    add.add_argument("--orders", help="номера заказов через запятую; остаток — аванс")
    common.add_json_option(add)

    receipts = commands.add_parser("receipts", help="чеки")
    sub = receipts.add_subparsers(dest="receipts_command", metavar="ДЕЙСТВИЕ", required=True)
    owed = common.command(sub, "owed", "чеки, которые нужно напечатать", run_owed)
    common.add_json_option(owed)


def run_add(args) -> int:
    numbers = [n.strip() for n in (args.orders or "").split(",") if n.strip()]
    result = register_payment(
        common.open_db(args), common.actor(), customer=args.customer, kind=KINDS[args.kind],
        amount=parse_amount(args.amount), allocations=[AllocationRequest(n) for n in numbers],
    )
    if args.json:
        common.print_json({
            "payment_id": result.payment_id, "customer_id": result.customer_id,
            "allocated": [{"order": n, "amount": to_decimal_str(a)} for n, a in result.allocated],
            "advance": to_decimal_str(result.advance), "balance": to_decimal_str(result.balance),
            "receipts_owed": [receipt_json(r) for r in result.receipts],
        })
        return 0
    print(result.summary)
    print(f"Аванс покупателя теперь: {format_amount(result.balance)}")
    for r in result.receipts:
        print(f"  к печати: {receipt_line(r)}")
    return 0


def run_owed(args) -> int:
    owed = list_receipts(common.open_db(args), owed_only=True)
    if args.json:
        common.print_json([receipt_json(r) for r in owed])
        return 0
    for r in owed:
        print(receipt_line(r))
        print(f"        {r.reason}")
    print(f"Чеков к печати: {len(owed)}")
    return 0
