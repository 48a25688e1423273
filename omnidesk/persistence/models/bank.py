"""Bank statements: each imported file, each of its documents, and payer accounts seen before.

A document is stored once, ever: ``bank_lines.document_key`` is unique (account, date, number,
amount, payer account, purpose hash), so an overlapping statement imports only what is new.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from omnidesk.core.enums import BankLineStatus

from ..base import Base, Kopecks, enum_column, local_now


class BankStatement(Base):
    """One imported statement file with its totals over every account section."""

    __tablename__ = "bank_statements"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255), default="")
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    format_name: Mapped[str] = mapped_column(String(64), default="")
    accounts: Mapped[str] = mapped_column(String(255), default="")  # our accounts, comma-separated
    date_from: Mapped[dt.date | None] = mapped_column(Date)
    date_to: Mapped[dt.date | None] = mapped_column(Date)
    opening: Mapped[Kopecks] = mapped_column(default=0)  # kopecks, summed over the account sections
    incoming: Mapped[Kopecks] = mapped_column(default=0)
    outgoing: Mapped[Kopecks] = mapped_column(default=0)
    closing: Mapped[Kopecks] = mapped_column(default=0)
    documents: Mapped[int] = mapped_column(default=0)
    imported: Mapped[int] = mapped_column(default=0)
    duplicates: Mapped[int] = mapped_column(default=0)
    outgoing_skipped: Mapped[int] = mapped_column(default=0)
    imported_at: Mapped[dt.datetime] = mapped_column(default=local_now)
    imported_by: Mapped[str] = mapped_column(String(64), default="")

    lines: Mapped[list[BankLine]] = relationship(back_populates="statement", order_by="BankLine.id")


class BankLine(Base):
    """One document of a statement and what became of it."""

    __tablename__ = "bank_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("bank_statements.id"), index=True)
    document_key: Mapped[str] = mapped_column(String(128), unique=True)
    account: Mapped[str] = mapped_column(String(34), default="")  # our account
    doc_date: Mapped[dt.date] = mapped_column(Date, index=True)
    number: Mapped[str] = mapped_column(String(32), default="")
    amount: Mapped[Kopecks]  # kopecks
    payer_name: Mapped[str] = mapped_column(String(255), default="")
    payer_inn: Mapped[str] = mapped_column(String(12), default="")
    payer_kpp: Mapped[str] = mapped_column(String(9), default="")
    payer_account: Mapped[str] = mapped_column(String(34), default="")
    purpose: Mapped[str] = mapped_column(String(1000), default="")
    status: Mapped[BankLineStatus] = mapped_column(enum_column(BankLineStatus), index=True)
    explanation: Mapped[str] = mapped_column(String(1000), default="")
    suggestions: Mapped[str] = mapped_column(Text, default="[]")  # JSON, ranked best first
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    reviewed_by: Mapped[str] = mapped_column(String(64), default="")
    reviewed_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=local_now)
    version: Mapped[int] = mapped_column(default=1)

    statement: Mapped[BankStatement] = relationship(back_populates="lines")

    __mapper_args__ = {"version_id_col": version}


class PayerAccount(Base):
    """A bank account a customer has paid from: it identifies them next time."""

    __tablename__ = "payer_accounts"
    __table_args__ = (UniqueConstraint("account", "customer_id", name="uq_payer_accounts_account_customer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    account: Mapped[str] = mapped_column(String(34), index=True)
    first_line_id: Mapped[int | None] = mapped_column(ForeignKey("bank_lines.id"))
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=local_now)
