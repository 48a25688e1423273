"""The product catalogue."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from omnidesk.core.enums import PaymentSubject
from omnidesk.core.vat import VatRate

from ..base import Base, Kopecks, enum_column


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    category: Mapped[str] = mapped_column(String(64), default="")
    price: Mapped[Kopecks]  # kopecks, VAT included
    vat_rate: Mapped[VatRate] = mapped_column(enum_column(VatRate, 8))
    payment_subject: Mapped[PaymentSubject] = mapped_column(enum_column(PaymentSubject, 4))
    weight_g: Mapped[int] = mapped_column(default=0)
    volume_cm3: Mapped[int] = mapped_column(default=0)
    marked: Mapped[bool] = mapped_column(default=False)
    unit: Mapped[str] = mapped_column(String(16), default="шт")
