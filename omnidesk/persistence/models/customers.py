"""Customers: individuals, sole traders and companies, with their contacts."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from omnidesk.core.enums import CustomerKind

from ..base import Base, enum_column, local_now

if TYPE_CHECKING:
    from .orders import Order


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[CustomerKind] = mapped_column(enum_column(CustomerKind))
    name: Mapped[str] = mapped_column(String(255), index=True)
    inn: Mapped[str | None] = mapped_column(String(12), index=True)
    kpp: Mapped[str | None] = mapped_column(String(9))
    phone: Mapped[str | None] = mapped_column(String(32), index=True)
    email: Mapped[str | None] = mapped_column(String(255))
    crm_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    onec_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=local_now)

    contacts: Mapped[list[CustomerContact]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="CustomerContact.id"
    )
    orders: Mapped[list[Order]] = relationship(back_populates="customer")


class CustomerContact(Base):
    """Every phone and e-mail of a customer; ``Customer.phone``/``email`` hold the main ones."""

    __tablename__ = "customer_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # "phone" | "email"
    value: Mapped[str] = mapped_column(String(255), index=True)

    customer: Mapped[Customer] = relationship(back_populates="contacts")
