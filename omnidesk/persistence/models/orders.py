"""Customer orders, their lines and delivery details."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from omnidesk.core.enums import OrderSource, OrderStatus, PaymentSubject
from omnidesk.core.vat import VatRate

from ..base import Base, Kopecks, enum_column, local_now

if TYPE_CHECKING:
    from .customers import Customer
    from .logistics import Depot


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (Index("ix_orders_delivery", "delivery_date", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    status: Mapped[OrderStatus] = mapped_column(enum_column(OrderStatus))
    created_at: Mapped[dt.datetime] = mapped_column(default=local_now)
    total: Mapped[Kopecks] = mapped_column(default=0)  # kopecks: the sum of the lines
    refused_total: Mapped[Kopecks] = mapped_column(default=0)  # refused at the door
    returned_total: Mapped[Kopecks] = mapped_column(default=0)  # brought back after delivery
    # delivery
    delivery_date: Mapped[dt.date | None]
    window_start: Mapped[int | None]  # minutes from midnight
    window_end: Mapped[int | None]
    address: Mapped[str] = mapped_column(String(500), default="")
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    weight_g: Mapped[int] = mapped_column(default=0)
    volume_cm3: Mapped[int] = mapped_column(default=0)
    source: Mapped[OrderSource] = mapped_column(enum_column(OrderSource), default=OrderSource.OWN_WAREHOUSE)
    supplier_depot_id: Mapped[int | None] = mapped_column(ForeignKey("depots.id"))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    comment: Mapped[str] = mapped_column(String(1000), default="")
    crm_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    onec_id: Mapped[str | None] = mapped_column(String(64), unique=True)

    customer: Mapped[Customer] = relationship(back_populates="orders")
    supplier_depot: Mapped[Depot | None] = relationship()
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.line_no"
    )


class OrderLine(Base):
    __tablename__ = "order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    line_no: Mapped[int]
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    name: Mapped[str] = mapped_column(String(255))
    quantity_milli: Mapped[int]  # thousandths of a unit: 2 pcs = 2000, 1.5 m = 1500
    price: Mapped[Kopecks]  # kopecks per unit, VAT included
    amount: Mapped[Kopecks]  # kopecks for the line
    vat_rate: Mapped[VatRate] = mapped_column(enum_column(VatRate, 8))
    payment_subject: Mapped[PaymentSubject] = mapped_column(enum_column(PaymentSubject, 4))
    unit: Mapped[str] = mapped_column(String(16), default="шт")
    weight_g: Mapped[int] = mapped_column(default=0)  # for the whole line
    volume_cm3: Mapped[int] = mapped_column(default=0)
    marked: Mapped[bool] = mapped_column(default=False)
    delivered_milli: Mapped[int | None]  # delivery outcome: accepted at the door
    refused_milli: Mapped[int | None]  # delivery outcome: refused at the door
    returned_milli: Mapped[int] = mapped_column(default=0)  # brought back later

    order: Mapped[Order] = relationship(back_populates="lines")
