"""Plain dataclasses of the public API. Money is integer kopecks; quantity is integer thousandths."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .ffd import CorrectionType, Operation, PaymentMethod, PaymentSubject, TaxSystem, VatRate

QUANTITY_SCALE = 1000  # Line.quantity is in thousandths: 1 piece = 1000, 1.5 m = 1500


@dataclass(frozen=True, kw_only=True)
class Line:
    """One item: price in kopecks per unit, quantity in thousandths of a unit."""

    name: str
    price: int
    quantity: int = QUANTITY_SCALE
    vat: VatRate = VatRate.VAT22
    method: PaymentMethod = PaymentMethod.FULL
    subject: PaymentSubject = PaymentSubject.GOODS
    measure: int = 0  # tag 2108; 0 = штуки
    marking_code: str | None = None  # tag 2000
    total: int | None = None  # tag 1043 when it differs from price × quantity (the device accepts ±1 kopeck)

    @property
    def computed(self) -> int:
        """price × quantity in kopecks, rounded half up (what the device computes)."""
        return (self.price * self.quantity + QUANTITY_SCALE // 2) // QUANTITY_SCALE

    @property
    def amount(self) -> int:
        """Line total in kopecks: the given ``total``, else what the device computes."""
        return self.computed if self.total is None else self.total


@dataclass(frozen=True, kw_only=True)
class Payments:
    """Payment by kind, kopecks. Cash may exceed what is owed (the device gives change)."""

    cash: int = 0  # 1031
    electronic: int = 0  # 1081
    prepayment: int = 0  # 1215, зачёт аванса
    credit: int = 0  # 1216
    counter_provision: int = 0  # 1217

    @property
    def total(self) -> int:
        return self.cash + self.electronic + self.prepayment + self.credit + self.counter_provision


@dataclass(frozen=True, kw_only=True)
class Person:
    """A cashier (1021/1203) or a buyer (1227/1228)."""

    name: str
    inn: str | None = None


@dataclass(frozen=True, kw_only=True)
class Receipt:
    """A cash receipt (кассовый чек)."""

    operation: Operation
    lines: tuple[Line, ...]
    payments: Payments
    tax_system: TaxSystem = TaxSystem.OSN
    cashier: Person | None = None
    buyer_contact: str | None = None  # 1008: +7… or e-mail
    buyer: Person | None = None  # 1256 {1227, 1228}

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)


@dataclass(frozen=True, kw_only=True)
class Correction(Receipt):
    """An FFD 1.2 correction receipt: 1173 and 1174 {1178 date, 1179 order number}."""

    correction_type: CorrectionType = CorrectionType.SELF
    corrected_date: dt.date
    order_number: str | None = None


@dataclass(frozen=True)
class DocumentResult:
    """What the device returns for a fiscalised document."""

    fd_number: int
    fiscal_sign: int
    datetime: dt.datetime | None
    shift_number: int
    change: int = 0
    recovered: bool = False  # True: the answer was lost and the result was read back from the FN


@dataclass(frozen=True)
class Status:
    mode: int  # low nibble of the mode byte (2 shift open, 3 expired, 4 closed, 8 document open …)
    submode: int  # 0 paper OK, 1/2 paper out, 3 waiting for continue, 5 printing
    shift_open: bool
    shift_expired: bool
    shift_number: int
    receipt_open: bool
    paper_present: bool
    fn_number: str
    last_document_number: int


@dataclass(frozen=True)
class DeviceInfo:
    """Who the register is (FCh, 11h, FF01): what a client reads when it connects."""

    name: str
    serial: str
    fn_number: str
    last_document_number: int


@dataclass(frozen=True)
class FiscalDocument:
    """A document read back from the fiscal storage."""

    number: int
    type: int
    datetime: dt.datetime | None
    fiscal_sign: int
    tags: dict[int, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Recovery:
    """What :meth:`FiscalRegister.recover` found."""

    last_document_number: int
    fiscalised: bool | None  # None when no expected number was given
    document: FiscalDocument | None
    cancelled_open_document: bool


@dataclass(frozen=True)
class CashResult:
    operator: int
    document_counter: int
