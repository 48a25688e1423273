"""What the Excel documents are made of: frozen objects, money in kopecks (built by ``omnidesk.services.reports``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    inn: str = ""
    kpp: str = ""

    @property
    def requisites(self) -> str:
        parts = [f"ИНН {self.inn}" if self.inn else "", f"КПП {self.kpp}" if self.kpp else ""]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class ActRow:
    date: dt.date
    kind: str  # shipment, payment, refund
    document: str  # «Реализация товаров №10231 от 14.03.2025», «Оплата (п/п №417 от 10.03.2025)»
    details: str  # receipts with fiscal signs, the order paid, the reason
    debit: int
    credit: int


@dataclass(frozen=True, slots=True)
class ReconciliationAct:
    seller: Party
    buyer: Party
    customer_id: int
    date_from: dt.date
    date_to: dt.date
    opening: int  # > 0: the customer owes us; < 0: we owe the customer
    rows: tuple[ActRow, ...]

    @property
    def debit_turnover(self) -> int:
        return sum(r.debit for r in self.rows)

    @property
    def credit_turnover(self) -> int:
        return sum(r.credit for r in self.rows)

    @property
    def closing(self) -> int:
        return self.opening + self.debit_turnover - self.credit_turnover


@dataclass(frozen=True, slots=True)
class PaymentRow:
    id: int
    received_at: dt.datetime
    kind: str
    customer: str
    customer_inn: str
    payer: str
    document: str  # bank document number, or empty
    purpose: str
    amount: int
    allocated: int
    orders: str
    source: str


@dataclass(frozen=True, slots=True)
class PaymentsRegister:
    date_from: dt.date
    date_to: dt.date
    rows: tuple[PaymentRow, ...]

    @property
    def total(self) -> int:
        return sum(r.amount for r in self.rows)


@dataclass(frozen=True, slots=True)
class UnmatchedRow:
    line_id: int
    date: dt.date
    number: str
    amount: int
    payer: str
    payer_inn: str
    payer_account: str
    purpose: str
    explanation: str


@dataclass(frozen=True, slots=True)
class UnmatchedTransfers:
    date_from: dt.date | None
    date_to: dt.date | None
    rows: tuple[UnmatchedRow, ...]

    @property
    def total(self) -> int:
        return sum(r.amount for r in self.rows)
