"""Frozen data objects the services hand to the UI and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from omnidesk.core.enums import CustomerKind, OrderSource, OrderStatus, PaymentKind


@dataclass(frozen=True, slots=True)
class CustomerRef:
    id: int
    name: str
    kind: CustomerKind
    inn: str | None
    kpp: str | None
    phone: str | None
    email: str | None


@dataclass(frozen=True, slots=True)
class OrderRow:
    """One line of the orders table."""

    id: int
    number: str
    customer_id: int
    customer_name: str
    customer_kind: CustomerKind
    customer_inn: str | None
    customer_phone: str | None
    total: int
    paid: int
    status: OrderStatus
    delivery_date: dt.date | None
    window_start: int | None
    window_end: int | None
    address: str
    weight_g: int
    source: OrderSource
    kept: int  # value of the goods the customer keeps: total less refused, returned or cancelled

    @property
    def due(self) -> int:
        """What the customer still owes for the goods they keep."""
        return max(self.kept - self.paid, 0)

    @property
    def excess(self) -> int:
        """Money on the order with no goods behind it (to refund or keep as an advance)."""
        return max(self.paid - self.kept, 0)


@dataclass(frozen=True, slots=True)
class OrderLineView:
    line_no: int
    name: str
    quantity_milli: int
    unit: str
    price: int
    amount: int
    vat_label: str
    weight_g: int


@dataclass(frozen=True, slots=True)
class PaymentView:
    id: int
    kind: PaymentKind
    amount: int
    received_at: dt.datetime
    payer_name: str
    allocated_here: int


@dataclass(frozen=True, slots=True)
class OrderDetail:
    row: OrderRow
    customer: CustomerRef
    lines: tuple[OrderLineView, ...]
    payments: tuple[PaymentView, ...]
    contact_phone: str | None
    comment: str
    supplier: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One line of a customer's ledger: a payment, an allocation to an order or a refund."""

    at: dt.datetime
    kind: str  # "payment" | "allocation" | "refund"
    description: str
    amount: int  # kopecks; effect on the advance balance (+ payment, − allocation, − refund)


@dataclass(frozen=True, slots=True)
class CustomerCard:
    customer: CustomerRef
    open_orders: tuple[OrderRow, ...]
    balance: int
    ledger: tuple[LedgerEntry, ...]
