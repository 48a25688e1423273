"""The fiscal register as OmniDesk opens it: a real device by its port, or the built-in emulator.

This adapter is the only part of OmniDesk that knows ``fiscal_drivers``: it takes a
:class:`~omnidesk.core.receipts.ReceiptPlan` and prints it, and answers with its own small
results and one error type (:class:`RegisterError`, the device's words for the cashier).

``fiscal.url = emulator`` starts the software register of ``fiscal_drivers`` in this process,
with its fiscal storage journal and state kept beside OmniDesk's data, so it behaves like a
device that remembers its shift and documents across restarts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import fiscal_drivers as fd
from fiscal_drivers.emulator import Emulator
from fiscal_drivers.text import fiscal_text
from omnidesk.core.cashier import Cashier
from omnidesk.core.receipts import ReceiptPlan
from omnidesk.core.receipts.units import measure_code

EMULATOR = "emulator"
T = TypeVar("T")


class RegisterError(Exception):
    """The register refused or could not be reached; ``str()`` is the device's words."""


class RegisterBusy(RegisterError):
    """Another workstation holds the register (the built-in emulator's memory is locked)."""


class RegisterStateUnknown(RegisterError):
    """The register went silent mid-document: whether it fiscalised is known only after recovery."""


@dataclass(frozen=True)
class DeviceDocument:
    """A fiscalised document: its number, fiscal sign and time on the device."""

    fd_number: int
    fiscal_sign: int
    datetime: dt.datetime | None
    shift_number: int | None = None
    recovered: bool = False  # the answer was lost and the result read back from the fiscal storage


@dataclass(frozen=True)
class DeviceStatus:
    shift_open: bool
    shift_expired: bool
    shift_number: int
    paper_present: bool
    receipt_open: bool
    fn_number: str
    last_document_number: int


@dataclass(frozen=True)
class DeviceRecovery:
    """What the device says happened after ``expected_last`` (see ``FiscalRegister.recover``)."""

    fiscalised: bool | None
    document: DeviceDocument | None
    cancelled_open_document: bool


@dataclass(frozen=True)
class DeviceIdentity:
    name: str
    serial: str
    fn_number: str
    last_document_number: int


@dataclass(frozen=True)
class ArchiveLine:
    name: str
    quantity_milli: int
    price: int
    amount: int
    method: int  # 1214
    vat_code: int  # 1199
    subject: int  # 1212
    measure: int  # 2108


@dataclass(frozen=True)
class ArchiveDocument:
    """A receipt or correction read back from the FN archive (FF3A/FF3B), in OmniDesk's terms."""

    fd_number: int
    fiscal_sign: int
    datetime: dt.datetime | None
    is_correction: bool
    operation: int  # 1054
    total: int  # 1020
    cash: int  # 1031
    electronic: int  # 1081
    prepayment_offset: int  # 1215
    credit: int  # 1216
    cashier: str  # 1021
    lines: tuple[ArchiveLine, ...]


def _archive_document(doc: fd.FiscalDocument) -> ArchiveDocument | None:
    if doc.type not in (fd.DocumentType.RECEIPT, fd.DocumentType.CORRECTION):
        return None
    t = doc.tags
    lines = tuple(
        ArchiveLine(str(item.get(1030, "")), _milli(str(item.get(1023, "1"))), int(item.get(1079, 0)),
                    int(item.get(1043, 0)), int(item.get(1214, 0)), int(item.get(1199, 0)), int(item.get(1212, 0)),
                    int(item.get(2108, 0)))
        for item in t.get(1059, [])
    )
    moment = dt.datetime.fromtimestamp(int(t[1012])) if 1012 in t else doc.datetime
    return ArchiveDocument(doc.number, doc.fiscal_sign, moment, doc.type == fd.DocumentType.CORRECTION,
                           int(t.get(1054, 0)), int(t.get(1020, 0)), int(t.get(1031, 0)), int(t.get(1081, 0)),
                           int(t.get(1215, 0)), int(t.get(1216, 0)), str(t.get(1021, "")), lines)


def _milli(text: str) -> int:
    whole, _, frac = text.partition(".")
    return int(whole) * 1000 + int((frac + "000")[:3])


def as_printed(name: str) -> str:
    """An item name as the register stores it (cp1251 stand-ins: × → x, — → -, ₽ → руб.)."""
    return fiscal_text(name, "cp1251")


def _words(exc: BaseException) -> str:
    text = getattr(exc, "message", None) or str(exc)
    return text or type(exc).__name__


class RegisterConnection:
    """One open register (and the emulator behind it, when configured)."""

    def __init__(self, url: str, protocol: str = "shtrih", *, emulator_dir: Path | None = None,
                 emulator_lock_wait: float = 30.0, **options: Any) -> None:
        self.url = url
        self._emulator: Emulator | None = None
        target = url
        try:
            if url == EMULATOR:
                directory = emulator_dir or Path(".")
                directory.mkdir(parents=True, exist_ok=True)
                self._emulator = Emulator(journal=str(directory / "fn.jsonl"), state=str(directory / "kkt.json"),
                                          lock_wait=emulator_lock_wait).start()
                target = self._emulator.url
            self._register = fd.open_register(target, protocol, **options)
        except fd.DeviceInUse as exc:
            self._stop_emulator()
            raise RegisterBusy(_words(exc)) from exc
        except (OSError, fd.FiscalError) as exc:
            self._stop_emulator()
            raise RegisterError(_words(exc)) from exc
        except BaseException:
            self._stop_emulator()
            raise

    @property
    def description(self) -> str:
        return "эмулятор ККТ" if self._emulator else self.url

    def _call(self, call: Callable[[fd.FiscalRegister], T]) -> T:
        try:
            return call(self._register)
        except fd.FiscalStateUnknownError as exc:
            raise RegisterStateUnknown(_words(exc)) from exc
        except fd.FiscalError as exc:
            raise RegisterError(_words(exc)) from exc

    # --- documents ------------------------------------------------------------------
    def print(self, plan: ReceiptPlan, cashier: Cashier | None, tax_system: int = 0x01) -> DeviceDocument:
        """Print the plan; a result only if it was fiscalised exactly once (see ``FiscalRegister``)."""
        document = to_driver(plan, cashier, tax_system)
        if isinstance(document, fd.Correction):
            correction = document
            return _document(self._call(lambda r: r.print_correction(correction)))
        return _document(self._call(lambda r: r.print_receipt(document)))

    def open_shift(self, cashier: Cashier) -> DeviceDocument:
        return _document(self._call(lambda r: r.open_shift(_person(cashier))))

    def close_shift(self, cashier: Cashier) -> DeviceDocument:
        return _document(self._call(lambda r: r.close_shift(_person(cashier))))

    def x_report(self) -> None:
        self._call(lambda r: r.x_report())

    def cash_in(self, amount: int) -> None:
        self._call(lambda r: r.cash_in(amount))

    def cash_out(self, amount: int) -> None:
        self._call(lambda r: r.cash_out(amount))

    # --- state ----------------------------------------------------------------------
    def status(self) -> DeviceStatus:
        s = self._call(lambda r: r.status())
        return DeviceStatus(s.shift_open, s.shift_expired, s.shift_number, s.paper_present, s.receipt_open,
                            s.fn_number, s.last_document_number)

    def last_document_number(self) -> int:
        return self._call(lambda r: r.last_document_number())

    def identity(self) -> DeviceIdentity:
        info = self._call(lambda r: r.device_info())
        return DeviceIdentity(info.name, info.serial, info.fn_number, info.last_document_number)

    def read_receipts(self, after: int) -> list[ArchiveDocument]:
        """Every receipt and correction after FD ``after``, read back from the FN archive, oldest first."""
        documents = self._call(lambda r: r.read_documents(after))
        return [doc for doc in map(_archive_document, documents) if doc is not None]

    def recover(self, expected_last: int | None) -> DeviceRecovery:
        found = self._call(lambda r: r.recover(expected_last))
        document = None
        if found.document is not None:
            document = DeviceDocument(found.document.number, found.document.fiscal_sign, found.document.datetime,
                                      recovered=True)
        return DeviceRecovery(found.fiscalised, document, found.cancelled_open_document)

    def settle(self, fd_before: int, plan: ReceiptPlan) -> DeviceRecovery:
        """Was ``plan`` fiscalised after document ``fd_before``? Reads document ``fd_before + 1`` (and, should
        another program have printed in between, the next few) and compares what it says with the plan."""
        found = self._call(lambda r: r.recover(fd_before))  # also cancels a document left open
        if not found.fiscalised:
            return DeviceRecovery(False, None, found.cancelled_open_document)
        for number in range(fd_before + 1, min(found.last_document_number, fd_before + SETTLE_SCAN) + 1):
            document = self._call(lambda r, n=number: r.read_document(n))
            if _is_document_of(document, plan):
                return DeviceRecovery(True, DeviceDocument(document.number, document.fiscal_sign, document.datetime,
                                                           recovered=True), found.cancelled_open_document)
        return DeviceRecovery(False, None, found.cancelled_open_document)

    def close(self) -> None:
        try:
            self._register.close()
        finally:
            self._stop_emulator()

    def _stop_emulator(self) -> None:
        if self._emulator is not None:
            self._emulator.stop()
            self._emulator = None


SETTLE_SCAN = 20  # documents after fd_before that settling looks at


def _is_document_of(document: fd.FiscalDocument, plan: ReceiptPlan) -> bool:
    """The fiscal storage's document says what the plan says: receipt or correction, operation and sums."""
    tags = document.tags
    kind = fd.DocumentType.CORRECTION if plan.correction is not None else fd.DocumentType.RECEIPT
    return (document.type == int(kind) and tags.get(1054) == int(plan.operation) and tags.get(1020) == plan.total
            and tags.get(1031, 0) == plan.cash and tags.get(1081, 0) == plan.electronic)


def _document(result: fd.DocumentResult) -> DeviceDocument:
    return DeviceDocument(result.fd_number, result.fiscal_sign, result.datetime, result.shift_number,
                          result.recovered)


def _person(cashier: Cashier) -> fd.Person:
    return fd.Person(name=cashier.tag_1021, inn=cashier.inn)


def to_driver(plan: ReceiptPlan, cashier: Cashier | None = None, tax_system: int = 0x01) -> fd.Receipt:
    """The plan in the driver's terms: a receipt, or a correction receipt when the plan corrects."""
    lines = tuple(
        fd.Line(name=line.name, price=line.price, quantity=line.quantity_milli, vat=fd.VatRate(line.vat.ffd_code),
                method=fd.PaymentMethod(int(line.method)), subject=fd.PaymentSubject(line.subject.value),
                measure=measure_code(line.unit), total=line.amount)
        for line in plan.lines
    )
    operation = fd.Operation(int(plan.operation))
    payments = fd.Payments(cash=plan.cash, electronic=plan.electronic, prepayment=plan.prepayment_offset,
                           credit=plan.credit)
    common: dict[str, Any] = dict(
        operation=operation, lines=lines, payments=payments, cashier=_person(cashier) if cashier else None,
        buyer_contact=plan.buyer_contact, tax_system=fd.TaxSystem(tax_system),
        buyer=fd.Person(name=plan.buyer_name, inn=plan.buyer_inn) if plan.buyer_name else None,
    )
    if plan.correction is None:
        return fd.Receipt(**common)
    return fd.Correction(**common,
                         correction_type=fd.CorrectionType(int(plan.correction.type)),
                         corrected_date=plan.correction.date, order_number=plan.correction.document_number)
