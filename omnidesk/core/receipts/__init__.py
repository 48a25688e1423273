"""The 54-FZ receipt plan (FFD 1.2): which receipts each money event owes, as pure data.

Standard library only. See DESIGN.md "Settlement rules" and reference/fiscal.md §3.
The ledger calls a builder at the moment of a money operation and stores the returned
:class:`ReceiptPlan` as an owed receipt; :func:`explain` words it for the cashier.
"""

from .builders import (
    as_correction,
    payment_owes_receipt,
    plan_advance,
    plan_advance_refund,
    plan_conversion_to_advance,
    plan_correction,
    plan_credit_payment,
    plan_final_settlement,
    plan_goods_refund,
    plan_prepayment,
    plan_prepayment_refund,
    receipt_owed_for_payment,
)
from .delivery import DeliveryQuote, DeliverySettlement, quote_delivery, settle_delivery
from .errors import DeliveryPaymentMismatch, ReceiptPlanError, UnbalancedReceipt
from .explain import explain, format_quantity
from .lines import ADVANCE_VAT, QtyLine, amount_for_quantity, priced
from .model import (
    Correction,
    CorrectionType,
    Method,
    Operation,
    OrderLineSnap,
    OrderSnap,
    PlanLine,
    ReceiptKind,
    ReceiptPlan,
)

__all__ = [
    "ADVANCE_VAT",
    "Correction",
    "CorrectionType",
    "DeliveryPaymentMismatch",
    "DeliveryQuote",
    "DeliverySettlement",
    "Method",
    "Operation",
    "OrderLineSnap",
    "OrderSnap",
    "PlanLine",
    "QtyLine",
    "ReceiptKind",
    "ReceiptPlan",
    "ReceiptPlanError",
    "UnbalancedReceipt",
    "amount_for_quantity",
    "as_correction",
    "explain",
    "format_quantity",
    "payment_owes_receipt",
    "plan_advance",
    "plan_advance_refund",
    "plan_conversion_to_advance",
    "plan_correction",
    "plan_credit_payment",
    "plan_final_settlement",
    "plan_goods_refund",
    "plan_prepayment",
    "plan_prepayment_refund",
    "priced",
    "quote_delivery",
    "receipt_owed_for_payment",
    "settle_delivery",
]
