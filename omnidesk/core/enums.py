"""Enumerations of the domain; their values are what the database stores."""

from __future__ import annotations

import enum


class CustomerKind(enum.Enum):
    INDIVIDUAL = "individual"
    SOLE_TRADER = "sole_trader"
    COMPANY = "company"

    @property
    def owes_receipt_for_transfer(self) -> bool:
        """Bank transfers from individuals need a receipt; from companies and sole traders they do not."""
        return self is CustomerKind.INDIVIDUAL


class OrderStatus(enum.Enum):
    NEW = "new"
    CONFIRMED = "confirmed"
    ASSEMBLING = "assembling"
    READY = "ready"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    PARTIALLY_DELIVERED = "partially_delivered"
    REFUSED = "refused"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self not in (OrderStatus.DELIVERED, OrderStatus.REFUSED, OrderStatus.CANCELLED)

    @property
    def label(self) -> str:
        """For people (the command line's text output; the value stays in JSON and the database)."""
        return _ORDER_STATUS_LABELS[self]


class OrderSource(enum.Enum):
    OWN_WAREHOUSE = "own"
    SUPPLIER = "supplier"


class PaymentSubject(enum.Enum):
    """FFD tag 1212 (предмет расчёта)."""

    GOODS = 1
    EXCISE_GOODS = 2
    WORK = 3
    SERVICE = 4
    PAYMENT = 10
    MARKED_GOODS = 33


class PaymentKind(enum.Enum):
    CASH = "cash"
    CARD = "card"
    SBP = "sbp"
    TRANSFER = "transfer"

    @property
    def is_cash(self) -> bool:
        return self is PaymentKind.CASH

    @property
    def label(self) -> str:
        return _PAYMENT_KIND_LABELS[self]


class DepotKind(enum.Enum):
    OWN = "own"
    SUPPLIER = "supplier"


class StopKind(enum.Enum):
    DELIVERY = "delivery"
    PICKUP = "pickup"
    CARRIER = "carrier"


class RouteStatus(enum.Enum):
    DRAFT = "draft"
    PUBLISHED = "published"
    DONE = "done"


class ReceiptStatus(enum.Enum):
    PLANNED = "planned"
    PENDING = "pending"
    PRINTED = "printed"
    FAILED = "failed"

    @property
    def label(self) -> str:
        return _RECEIPT_STATUS_LABELS[self]


class BankLineStatus(enum.Enum):
    ALLOCATED = "allocated"  # booked automatically, at least partly to orders
    ADVANCE = "advance"  # booked automatically, all of it the customer's advance
    REVIEW = "review"  # waits for a person
    BOOKED = "booked"  # booked by hand from the review queue
    NOT_OURS = "not_ours"  # a person decided it is no customer's money
    DUPLICATE = "duplicate"  # seen in an earlier statement (reported, never stored twice)
    OUTGOING = "outgoing_skipped"  # our own payment out: kept for the record, not matched

    @property
    def is_booked(self) -> bool:
        return self in (BankLineStatus.ALLOCATED, BankLineStatus.ADVANCE, BankLineStatus.BOOKED)


class Role(enum.Enum):
    LOGIST = "logist"
    CASHIER = "cashier"
    MANAGER = "manager"
    ADMIN = "admin"


_PAYMENT_KIND_LABELS = {
    PaymentKind.CASH: "наличные",
    PaymentKind.CARD: "карта",
    PaymentKind.SBP: "СБП",
    PaymentKind.TRANSFER: "банковский перевод",
}

_ORDER_STATUS_LABELS = {
    OrderStatus.NEW: "новый", OrderStatus.CONFIRMED: "подтверждён", OrderStatus.ASSEMBLING: "собирается",
    OrderStatus.READY: "готов к отгрузке", OrderStatus.SHIPPED: "отгружен", OrderStatus.DELIVERED: "доставлен",
    OrderStatus.PARTIALLY_DELIVERED: "доставлен частично", OrderStatus.REFUSED: "отказ",
    OrderStatus.CANCELLED: "отменён",
}

_RECEIPT_STATUS_LABELS = {
    ReceiptStatus.PLANNED: "к печати",
    ReceiptStatus.PENDING: "сверяется с ККТ",
    ReceiptStatus.PRINTED: "напечатан",
    ReceiptStatus.FAILED: "не напечатан",
}
