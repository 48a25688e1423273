"""Money: payments received, their allocations to orders, refunds paid back.

A customer's advance balance = payments − allocations − refunds. Nothing is deleted:
an allocation is undone by a reversing allocation (negative amount, ``reverses_id`` set).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from omnidesk.core.enums import PaymentKind

from ..base import Base, Kopecks, enum_column, local_now


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    kind: Mapped[PaymentKind] = mapped_column(enum_column(PaymentKind))
    amount: Mapped[Kopecks]  # kopecks
    received_at: Mapped[dt.datetime]
    payer_name: Mapped[str] = mapped_column(String(255), default="")
    payer_inn: Mapped[str | None] = mapped_column(String(12))
    payer_account: Mapped[str | None] = mapped_column(String(20))
    purpose: Mapped[str] = mapped_column(String(1000), default="")
    source: Mapped[str] = mapped_column(String(64), default="office")  # office, driver, bank
    source_key: Mapped[str | None] = mapped_column(String(128), unique=True)  # e.g. bank document key
    driver_id: Mapped[int | None] = mapped_column(ForeignKey("drivers.id"))
    route_id: Mapped[int | None] = mapped_column(ForeignKey("routes.id"))
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=local_now)
    version: Mapped[int] = mapped_column(default=1)
    receipt_override: Mapped[bool | None]  # the cashier's word on whether this money owes a receipt
    receipt_override_reason: Mapped[str | None] = mapped_column(String(255))

    allocations: Mapped[list[Allocation]] = relationship(back_populates="payment")

    __mapper_args__ = {"version_id_col": version}


class Allocation(Base):
    __tablename__ = "allocations"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    amount: Mapped[Kopecks]  # kopecks; negative on a reversing entry
    overpayment: Mapped[bool] = mapped_column(default=False)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("allocations.id"))
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=local_now)
    version: Mapped[int] = mapped_column(default=1)

    payment: Mapped[Payment] = relationship(back_populates="allocations")

    __mapper_args__ = {"version_id_col": version}


class Refund(Base):
    """Money paid back to a customer (from the advance balance or an order's prepayment)."""

    __tablename__ = "refunds"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    kind: Mapped[PaymentKind] = mapped_column(enum_column(PaymentKind))
    amount: Mapped[Kopecks]
    reason: Mapped[str] = mapped_column(String(500), default="")
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=local_now)
