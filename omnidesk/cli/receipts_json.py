"""How receipts look in the command line's output."""

from __future__ import annotations

from omnidesk.core.money import format_amount, to_decimal_str
from omnidesk.core.receipts import format_quantity
from omnidesk.services.receipts import ReceiptView


def receipt_json(r: ReceiptView) -> dict:
    plan = r.plan
    return {
        "id": r.id, "kind": plan.kind.value, "status": r.status.value, "operation": int(plan.operation),
        "total": to_decimal_str(plan.total), "cash": to_decimal_str(plan.cash),
        "electronic": to_decimal_str(plan.electronic), "prepayment_offset": to_decimal_str(plan.prepayment_offset),
        "credit": to_decimal_str(plan.credit), "customer": {"id": plan.customer_id, "name": r.customer_name},
        "orders": list(r.order_numbers), "reason": plan.reason, "buyer_contact": plan.buyer_contact,
        "buyer": {"name": plan.buyer_name, "inn": plan.buyer_inn} if plan.buyer_name else None, "fd_number": r.fd_number, "fiscal_sign": r.fiscal_sign,
        "printed_at": r.printed_at.isoformat(timespec="seconds") if r.printed_at else None, "error": r.error,
        "fn_number": r.fn_number, "cashier": r.cashier_name, "door_driver_id": r.door_driver_id,
        "door_status": r.door_status,
        "lines": [
            {"name": line.name, "quantity": format_quantity(line.quantity_milli).replace(",", "."), "unit": line.unit,
             "price": to_decimal_str(line.price), "amount": to_decimal_str(line.amount),
             "vat": line.vat.ffd_code, "method": int(line.method), "subject": line.subject.value}
            for line in plan.lines
        ],
    }


def receipt_line(r: ReceiptView) -> str:
    orders = ", ".join(f"№{n}" for n in r.order_numbers)
    fd = f"ФД №{r.fd_number}" if r.fd_number else r.status.label
    return f"#{r.id:<5} {r.plan.kind.label:<24} {format_amount(r.plan.total):>14}  {r.customer_name[:30]:<30} {orders:<12} {fd}"
