"""Fiscal receipts: planned, pending at the device, printed (then immutable) or failed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from omnidesk.core.enums import PaymentSubject, ReceiptStatus
from omnidesk.core.vat import VatRate

from ..base import Base, Kopecks, enum_column, local_now


class Receipt(Base):
    __tablename__ = "receipts"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[ReceiptStatus] = mapped_column(enum_column(ReceiptStatus), index=True)
    kind: Mapped[str] = mapped_column(String(24), default="")  # prepayment, advance, final, …
    operation: Mapped[int]  # tag 1054: 1 income, 2 income return
    tax_system: Mapped[int] = mapped_column(default=1)  # tag 1055 bitmask
    reason: Mapped[str] = mapped_column(String(500), default="")  # why it is owed, for the cashier
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    buyer_contact: Mapped[str | None] = mapped_column(String(64))  # tag 1008
    buyer_name: Mapped[str | None] = mapped_column(String(256))  # 1256 {1227}
    buyer_inn: Mapped[str | None] = mapped_column(String(12))  # 1256 {1228}
    cashier_name: Mapped[str | None] = mapped_column(String(64))  # 1021, as printed
    cashier_inn: Mapped[str | None] = mapped_column(String(12))  # 1203
    fn_number: Mapped[str | None] = mapped_column(String(16))  # the FN that holds the document
    # the driver whose register prints it at the door (drivers.id; no FK: SQLite cannot add one in place)
    door_driver_id: Mapped[int | None] = mapped_column(index=True)
    # matched | missing | wrong_amount (a door receipt read back) | corrected (replaced by a correction)
    door_status: Mapped[str | None] = mapped_column(String(24))
    total: Mapped[Kopecks]  # tag 1020, kopecks
    cash: Mapped[Kopecks] = mapped_column(default=0)  # 1031
    electronic: Mapped[Kopecks] = mapped_column(default=0)  # 1081
    prepayment_offset: Mapped[Kopecks] = mapped_column(default=0)  # 1215
    credit: Mapped[Kopecks] = mapped_column(default=0)  # 1216
    correction_type: Mapped[int | None]  # 1173: 0 self-initiated, 1 by order
    correction_date: Mapped[dt.date | None]  # 1178
    correction_doc: Mapped[str | None] = mapped_column(String(32))  # 1179
    fd_before: Mapped[int | None]  # the device's last document number just before printing
    fd_number: Mapped[int | None]
    fiscal_sign: Mapped[str | None] = mapped_column(String(16))
    printed_at: Mapped[dt.datetime | None]
    shift_number: Mapped[int | None]
    device: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(default=local_now)
    version: Mapped[int] = mapped_column(default=1)

    lines: Mapped[list[ReceiptLine]] = relationship(
        back_populates="receipt", cascade="all, delete-orphan", order_by="ReceiptLine.id"
    )
    links: Mapped[list[ReceiptLink]] = relationship(back_populates="receipt", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class ReceiptLine(Base):
    __tablename__ = "receipt_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id"), index=True)
    name: Mapped[str] = mapped_column(String(128))  # tag 1030
    quantity_milli: Mapped[int]  # tag 1023 × 1000
    price: Mapped[Kopecks]  # tag 1079
    amount: Mapped[Kopecks]  # tag 1043
    vat_rate: Mapped[VatRate] = mapped_column(enum_column(VatRate, 8))  # tag 1199
    payment_method: Mapped[int]  # tag 1214
    payment_subject: Mapped[PaymentSubject] = mapped_column(enum_column(PaymentSubject, 4))  # 1212
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"))
    unit: Mapped[str] = mapped_column(String(16), default="шт", server_default="шт")  # tag 2108 by name

    receipt: Mapped[Receipt] = relationship(back_populates="lines")


class ReceiptLink(Base):
    """Which orders and payments a receipt settles."""

    __tablename__ = "receipt_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"), index=True)

    receipt: Mapped[Receipt] = relationship(back_populates="links")
