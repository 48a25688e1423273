"""How receipts look in the command line's output."""

from __future__ import annotations

from omnidesk.core.money import format_amount, to_decimal_str
from omnidesk.core.receipts import format_quantity
from omnidesk.services.receipts import ReceiptView


def receipt_json(r: ReceiptView) -> dict:
    return {
        "id": r.id, "kind": r.kind, "status": r.status.value, "operation": r.operation,
        "total": to_decimal_str(r.total), "cash": to_decimal_str(r.cash), "electronic": to_decimal_str(r.electronic),
        "prepayment_offset": to_decimal_str(r.prepayment_offset), "credit": to_decimal_str(r.credit),
        "customer": {"id": r.customer_id, "name": r.customer_name}, "orders": list(r.order_numbers),
        "reason": r.reason, "fd_number": r.fd_number, "fiscal_sign": r.fiscal_sign,
        "printed_at": r.printed_at.isoformat(timespec="seconds") if r.printed_at else None, "error": r.error,
        "lines": [
            {"name": line.name, "quantity": format_quantity(line.quantity_milli).replace(",", "."),
             "price": to_decimal_str(line.price), "amount": to_decimal_str(line.amount),
             "vat": line.vat.ffd_code, "method": line.method, "subject": line.subject}
            for line in r.lines
        ],
    }


def receipt_line(r: ReceiptView) -> str:
    orders = ", ".join(f"№{n}" for n in r.order_numbers)
    fd = f"ФД №{r.fd_number}" if r.fd_number else r.status.value
    return f"#{r.id:<5} {r.kind:<18} {format_amount(r.total):>14}  {r.customer_name[:30]:<30} {orders:<12} {fd}"
