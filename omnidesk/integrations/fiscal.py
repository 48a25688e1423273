"""The fiscal register as OmniDesk opens it: a real device by its port, or the built-in emulator.

``fiscal.url = emulator`` starts the software register of ``fiscal_drivers`` in this process,
with its fiscal storage journal and state kept beside OmniDesk's data, so it behaves like a
device that remembers its shift and documents across restarts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import fiscal_drivers as fd
from fiscal_drivers.emulator import Emulator

EMULATOR = "emulator"


@dataclass(frozen=True)
class FiscalLine:
    name: str
    quantity_milli: int
    price: int
    vat_code: int  # 1199
    method: int  # 1214
    subject: int  # 1212


@dataclass(frozen=True)
class FiscalDocumentRequest:
    """Everything the device needs to print one receipt (built from a stored receipt)."""

    operation: int
    lines: Sequence[FiscalLine]
    cash: int
    electronic: int
    prepayment: int
    credit: int
    buyer_contact: str | None
    cashier: str
    correction_type: int | None = None
    correction_date: object = None
    correction_doc: str | None = None


class RegisterConnection:
    """One open register (and the emulator behind it, when configured)."""

    def __init__(self, url: str, protocol: str = "shtrih", *, emulator_dir: Path | None = None, **options) -> None:
        self.url = url
        self._emulator: Emulator | None = None
        target = url
        if url == EMULATOR:
            directory = emulator_dir or Path(".")
            directory.mkdir(parents=True, exist_ok=True)
            self._emulator = Emulator(journal=str(directory / "fn.jsonl"), state=str(directory / "kkt.json")).start()
            target = self._emulator.url
        try:
            self.register = fd.open_register(target, protocol, **options)
        except BaseException:
            self._stop_emulator()
            raise

    @property
    def description(self) -> str:
        return "эмулятор ККТ" if self._emulator else self.url

    def print(self, request: FiscalDocumentRequest) -> fd.DocumentResult:
        document = to_driver(request)
        if isinstance(document, fd.Correction):
            return self.register.print_correction(document)
        return self.register.print_receipt(document)

    def close(self) -> None:
        try:
            self.register.close()
        finally:
            self._stop_emulator()

    def _stop_emulator(self) -> None:
        if self._emulator is not None:
            self._emulator.stop()
            self._emulator = None


def to_driver(request: FiscalDocumentRequest) -> fd.Receipt:
    lines = tuple(
        fd.Line(name=line.name, price=line.price, quantity=line.quantity_milli, vat=fd.VatRate(line.vat_code),
                method=fd.PaymentMethod(line.method), subject=fd.PaymentSubject(line.subject))
        for line in request.lines
    )
    common = dict(
        operation=fd.Operation(request.operation), lines=lines,
        payments=fd.Payments(cash=request.cash, electronic=request.electronic, prepayment=request.prepayment,
                             credit=request.credit),
        cashier=fd.Person(name=request.cashier) if request.cashier else None,
        buyer_contact=request.buyer_contact,
    )
    if request.correction_type is None:
        return fd.Receipt(**common)
    return fd.Correction(**common, correction_type=fd.CorrectionType(request.correction_type),
                         corrected_date=request.correction_date, order_number=request.correction_doc)
