"""The ledger: payments, allocations, advances, deliveries, returns and refunds, each with its receipts.

Every operation is one unit of work that keeps the invariants of DESIGN.md: a payment's
allocations never exceed it, an order never holds more money than the goods the customer
keeps, a customer's advance = payments − allocations − refunds ≥ 0, and nothing is deleted.
"""

from .allocations import AllocationView, allocations_of_customer, move_allocation, unallocate
from .batch import PaymentRequest, Recorded, record_payments
from .deliveries import DeliveryResult, cancel_order, record_delivery, return_goods
from .payments import (
    AllocationRequest,
    LedgerResult,
    ReceiptOverride,
    apply_advance,
    record_payment,
    register_payment,
)
from .refunds import ExcessChoice, refund_advance, release_excess

__all__ = [
    "AllocationRequest",
    "AllocationView",
    "DeliveryResult",
    "ExcessChoice",
    "LedgerResult",
    "PaymentRequest",
    "ReceiptOverride",
    "Recorded",
    "allocations_of_customer",
    "apply_advance",
    "cancel_order",
    "move_allocation",
    "record_delivery",
    "record_payment",
    "record_payments",
    "refund_advance",
    "register_payment",
    "release_excess",
    "return_goods",
    "unallocate",
]
