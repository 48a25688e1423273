"""``omnidesk payments add``, ``omnidesk receipts owed`` and ``omnidesk fiscal …``: the cashier's commands."""

from __future__ import annotations

import datetime as dt

from omnidesk.core.enums import PaymentKind
from omnidesk.core.errors import InvalidInput
from omnidesk.core.money import format_amount, parse_amount, to_decimal_str
from omnidesk.services.cashier import handover, record_handover
from omnidesk.services.customers import resolve_customer_id
from omnidesk.services.ledger import (
    AllocationRequest,
    ReceiptOverride,
    allocations_of_customer,
    move_allocation,
    register_payment,
    unallocate,
)
from omnidesk.services.receipt_edits import correct_missed, set_receipt_buyer
from omnidesk.services.receipts import list_receipts

from . import common
from .receipts_json import receipt_json, receipt_line

KINDS = {"cash": PaymentKind.CASH, "card": PaymentKind.CARD, "sbp": PaymentKind.SBP, "transfer": PaymentKind.TRANSFER}


def register(commands) -> None:
    payments = commands.add_parser("payments", help="поступления денег")
    sub = payments.add_subparsers(dest="payments_command", metavar="ДЕЙСТВИЕ", required=True)
    add = common.command(sub, "add", "зарегистрировать поступление и распределить по заказам", run_add, retry=True)
    add.add_argument("--customer", required=True, help="id, ИНН, телефон или точное имя")
    add.add_argument("--amount", required=True, help="сумма: 12450, 12 450,00 или 12450.50")
    add.add_argument("--kind", required=True, choices=sorted(KINDS), help="вид денег")
    add.add_argument("--orders", help="номера заказов через запятую; остаток — аванс")
    add.add_argument("--receipt", choices=("yes", "no"),
                     help="нужен ли чек, вопреки правилу по виду покупателя (например, ИП платит личной картой)")
    add.add_argument("--receipt-reason", help="почему решение о чеке изменено (сохраняется с платежом)")
    common.add_json_option(add)
    listing = common.command(sub, "allocations", "зачёты платежей покупателя по заказам", run_allocations, retry=True)
    listing.add_argument("--customer", required=True, help="id, ИНН, телефон или точное имя")
    common.add_json_option(listing)
    undo = common.command(sub, "unallocate", "вернуть зачёт в аванс покупателя (отменяющей записью)", run_unallocate,
                          retry=True)
    undo.add_argument("allocation", type=int, metavar="ALLOCATION_ID")
    undo.add_argument("--amount", help="сколько вернуть (по умолчанию всё, что осталось)")
    move = common.command(sub, "move", "перенести зачёт в другой заказ того же покупателя", run_move, retry=True)
    move.add_argument("allocation", type=int, metavar="ALLOCATION_ID")
    move.add_argument("--to", required=True, metavar="N", help="номер заказа")
    move.add_argument("--amount", help="сколько перенести (по умолчанию всё, что осталось)")

    handover = common.command(sub, "handover", "сдача выручки водителем: что собрано и что сдано за день",
                              run_handover, retry=True)
    handover.add_argument("--date", help="день ГГГГ-ММ-ДД (по умолчанию сегодня)")
    handover.add_argument("--driver", type=int, metavar="DRIVER_ID", help="принять выручку от этого водителя")
    handover.add_argument("--cash", default="0", help="пересчитано наличных")
    handover.add_argument("--card", default="0", help="слипов по картам")
    common.add_json_option(handover)

    receipts = commands.add_parser("receipts", help="чеки")
    sub = receipts.add_subparsers(dest="receipts_command", metavar="ДЕЙСТВИЕ", required=True)
    owed = common.command(sub, "owed", "чеки, которые нужно напечатать", run_owed, retry=True)
    common.add_json_option(owed)
    buyer = common.command(sub, "buyer", "контакт (1008) или покупатель (1227, 1228) в одном чеке", run_buyer)
    buyer.add_argument("receipt", type=int, metavar="RECEIPT_ID")
    buyer.add_argument("--contact", help="e-mail или телефон покупателя для этого чека")
    buyer.add_argument("--name", help="наименование покупателя (1227)")
    buyer.add_argument("--inn", help="ИНН покупателя (1228)")
    common.add_json_option(buyer)
    fix = common.command(sub, "correct", "чек коррекции вместо не пробитого чека", run_correct)
    fix.add_argument("receipt", type=int, metavar="RECEIPT_ID")
    fix.add_argument("--date", required=True, help="дата расчёта без чека ГГГГ-ММ-ДД")
    fix.add_argument("--reason", help="что исправляется")
    fix.add_argument("--order-document", help="номер предписания налогового органа (1179)")
    common.add_json_option(fix)


def _override(args) -> ReceiptOverride | None:
    if args.receipt is None:
        return None
    if not args.receipt_reason:
        raise InvalidInput("--receipt yes|no требует --receipt-reason: почему решение о чеке изменено")
    return ReceiptOverride(args.receipt == "yes", args.receipt_reason)


def run_buyer(args) -> int:
    r = set_receipt_buyer(common.open_db(args), common.actor(args), args.receipt, contact=args.contact,
                          buyer_name=args.name, buyer_inn=args.inn)
    common.print_json(receipt_json(r)) if args.json else print(receipt_line(r))
    return 0


def run_correct(args) -> int:
    r = correct_missed(common.open_db(args), common.actor(args), args.receipt, date=common.parse_date(args.date),
                       reason=args.reason, order_document=args.order_document)
    common.print_json(receipt_json(r)) if args.json else print(receipt_line(r))
    return 0


def run_add(args) -> int:
    numbers = [n.strip() for n in (args.orders or "").split(",") if n.strip()]
    db = common.open_db(args)
    result = register_payment(
        db, common.actor(args), customer_id=resolve_customer_id(db, args.customer), kind=KINDS[args.kind],
        amount=parse_amount(args.amount), allocations=[AllocationRequest(n) for n in numbers],
        receipt=_override(args),
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


def run_allocations(args) -> int:
    db = common.open_db(args)
    rows = allocations_of_customer(db, resolve_customer_id(db, args.customer))
    if args.json:
        common.print_json([{"id": a.id, "payment_id": a.payment_id, "order": a.order_number,
                            "amount": to_decimal_str(a.amount), "live": to_decimal_str(a.live)} for a in rows])
        return 0
    for a in rows:
        print(f"#{a.id:<6} платёж {a.payment_id:<6} заказ №{a.order_number:<8} {format_amount(a.amount):>14}"
              f"  действует {format_amount(a.live):>14}")
    return 0


def run_unallocate(args) -> int:
    amount = parse_amount(args.amount) if args.amount else None
    undone, receipts = unallocate(common.open_db(args), common.actor(args), args.allocation, amount)
    print(f"Зачёт #{undone.id} в заказ №{undone.order_number}: действует {format_amount(undone.live)}; "
          f"остальное — на авансе покупателя")
    for r in receipts:
        print(f"  к печати: {receipt_line(r)}")
    return 0


def run_move(args) -> int:
    amount = parse_amount(args.amount) if args.amount else None
    undone, receipts = move_allocation(common.open_db(args), common.actor(args), args.allocation, args.to, amount)
    print(f"Из заказа №{undone.order_number} перенесено в заказ №{args.to.lstrip('№')}")
    for r in receipts:
        print(f"  к печати: {receipt_line(r)}")
    return 0


def run_handover(args) -> int:
    db, day = common.open_db(args), common.parse_date(args.date) if args.date else dt.date.today()
    if args.driver is not None:
        rows = record_handover(db, common.actor(args), day=day, driver_id=args.driver, cash=parse_amount(args.cash),
                               card=parse_amount(args.card))
    else:
        rows = handover(db, day)
    if args.json:
        common.print_json([{"driver_id": r.driver_id, "driver": r.driver, "route": r.route, "stops": r.stops,
                            "expected": to_decimal_str(r.expected), "collected_cash": to_decimal_str(r.cash),
                            "collected_card": to_decimal_str(r.card), "handed_cash": to_decimal_str(r.handed_cash),
                            "handed_card": to_decimal_str(r.handed_card), "difference": to_decimal_str(r.difference),
                            "door_receipts": {"read": to_decimal_str(r.door_read),
                                              "unread": to_decimal_str(r.door_unread),
                                              "missing": to_decimal_str(r.door_missing)}}
                           for r in rows])
        return 0
    for r in rows:
        print(f"{r.driver or '—':<32} {r.route or '—':<6} собрано {format_amount(r.cash + r.card):>14}  "
              f"сдано {format_amount(r.handed_cash + r.handed_card):>14}  разница {format_amount(r.difference):>14}")
    if not rows:
        print(f"За {day:%d.%m.%Y} денег от водителей не записано")
    return 0


def run_owed(args) -> int:
    owed = list_receipts(common.open_db(args), owed_only=True)
    if args.json:
        common.print_json([receipt_json(r) for r in owed])
        return 0
    for r in owed:
        print(receipt_line(r))
        print(f"        {r.plan.reason}")
    print(f"Чеков к печати: {len(owed)}")
    return 0
