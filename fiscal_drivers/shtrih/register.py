"""Shtrih-M register: the office workflow on top of :class:`Commands`, with exactly-once recovery."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from .. import ffd
from ..api import FiscalRegister
from ..errors import (
    DocumentNotFiscalisedError,
    FiscalError,
    FiscalStateUnknownError,
    FnStateError,
    LinkError,
    ModeError,
    ProtocolError,
    ReceiptClosedError,
    ShiftClosedError,
)
from ..link import Session, Timeouts, Transport
from ..link.transport import Trace
from ..model import (
    CashResult,
    Correction,
    DeviceInfo,
    DocumentResult,
    FiscalDocument,
    Person,
    Receipt,
    Recovery,
    Status,
)
from . import document as d
from . import protocol as p
from .commands import Commands
from .vat import DEFAULT_FAMILY, vat_table

MODE_SHIFT_OPEN, MODE_EXPIRED, MODE_CLOSED, MODE_DOCUMENT = 2, 3, 4, 8
NOT_CANCELLED = "чек НЕ пробит, но ККТ недоступна и открытый чек не аннулирован — аннулируйте его перед следующим"


class ShtrihRegister(FiscalRegister):
    """A Shtrih-M register on any pyserial URL.

    Options: ``baudrate``; ``password`` (sysadmin, 30); ``timeouts`` (:class:`Timeouts`);
    ``vat_family`` / ``vat_bytes`` (see :mod:`fiscal_drivers.shtrih.vat`); ``trace(direction, bytes)``.
    """

    def __init__(
        self, url: str, *, baudrate: int = 115200, password: int = p.ADMIN_PASSWORD, timeouts: Timeouts | None = None,
        vat_family: str = DEFAULT_FAMILY, vat_bytes: dict[int, int] | None = None, trace: Trace | None = None,
    ) -> None:
        self.vat_bytes = vat_table(vat_family, vat_bytes)
        self.timeouts = timeouts or Timeouts()
        self.transport = Transport(url, baudrate, trace)
        self.session = Session(self.transport, self.timeouts)
        self.commands = Commands(self.session, password)

    def close(self) -> None:
        self.transport.close()

    # -- state -------------------------------------------------------------------------------

    def status(self) -> Status:
        short = self.commands.short_status()
        fn = self.commands.fn_status()
        _, shift, _ = self.commands.shift_params()
        mode = short["mode"] & 0x0F
        return Status(
            mode=mode, submode=short["submode"], shift_open=bool(fn["shift_open"]), shift_expired=mode == MODE_EXPIRED,
            shift_number=shift, receipt_open=mode == MODE_DOCUMENT,
            paper_present=bool(short["flags"] & p.FLAG_RECEIPT_SENSOR) and short["submode"] not in (1, 2),
            fn_number=str(fn["fn_number"]), last_document_number=int(fn["last_fd"]),
        )

    def last_document_number(self) -> int:
        return int(self.commands.fn_status()["last_fd"])

    def device_info(self) -> DeviceInfo:
        kind = self.commands.device_type()
        full = self.commands.full_status()
        fn = self.commands.fn_status()
        return DeviceInfo(str(kind["name"]), str(full["serial"]), str(fn["fn_number"]), int(fn["last_fd"]))

    def read_document(self, fd_number: int) -> FiscalDocument:
        head = self.commands.find_document(fd_number)
        _, data = self.commands.read_document_tlv(fd_number)
        try:
            tags = ffd.decode_tags(data)
        except ValueError as exc:
            raise ProtocolError(f"документ ФД {fd_number} прочитан с ошибкой: {exc}") from None
        return FiscalDocument(fd_number, int(head["type"]), head["datetime"], int(head["fp"]), tags)

    # -- shift -------------------------------------------------------------------------------

    def open_shift(self, cashier: Person | None = None) -> DocumentResult:
        fn = self._reachable_status()
        try:
            for tlv in d.cashier_tlv(cashier):
                self.commands.receipt_tlv(tlv)
            self.commands.open_shift()
        except ModeError as exc:
            raise ModeError("смена уже открыта", exc.code) if fn["shift_open"] else exc from None
        except LinkError as exc:
            return self._settle(int(fn["last_fd"]), exc)
        return self._last_document()

    def close_shift(self, cashier: Person | None = None) -> DocumentResult:
        fn = self._reachable_status()
        try:
            for tlv in d.cashier_tlv(cashier):
                self.commands.receipt_tlv(tlv)
            self.commands.z_report()
        except ModeError as exc:
            raise self._mode_error(exc, fn) from None
        except LinkError as exc:
            return self._settle(int(fn["last_fd"]), exc)
        return self._last_document()

    def x_report(self) -> None:
        self.commands.x_report()

    def cash_in(self, amount: int) -> CashResult:
        return self._cash(p.CASH_IN, amount)

    def cash_out(self, amount: int) -> CashResult:
        return self._cash(p.CASH_OUT, amount)

    def _cash(self, cmd: int, amount: int) -> CashResult:
        if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
            raise ValueError("сумма внесения/выплаты — положительное целое число копеек")
        try:
            return CashResult(*self.commands.cash(cmd, amount))
        except ModeError as exc:
            raise self._mode_error(exc, self.commands.fn_status()) from None

    # -- receipts ----------------------------------------------------------------------------

    def print_receipt(self, receipt: Receipt) -> DocumentResult:
        if isinstance(receipt, Correction):
            return self.print_correction(receipt)
        receipt_type = p.RECEIPT_TYPE_BY_OPERATION[int(receipt.operation)]
        return self._print(receipt, lambda: self.commands.open_receipt(receipt_type))

    def print_correction(self, correction: Correction) -> DocumentResult:
        return self._print(correction, self.commands.open_correction)

    def _print(self, receipt: Receipt, open_document: Callable[[], None]) -> DocumentResult:
        d.validate(receipt, self.vat_bytes)
        try:
            fn = self.commands.fn_status()
            _, shift, _ = self.commands.shift_params()
        except LinkError as exc:  # nothing that could fiscalise has been sent yet
            raise DocumentNotFiscalisedError("чек НЕ пробит: нет связи с ККТ — повторите печать", exc) from exc
        before = int(fn["last_fd"])
        try:
            open_document()
        except ModeError as exc:
            raise self._mode_error(exc, fn) from None
        except LinkError as exc:
            raise self._abandon(exc) from exc
        try:
            self._fill(receipt)
        except LinkError as exc:
            raise self._abandon(exc) from exc
        except FiscalError:
            self._abandon(None)
            raise
        return self._close(receipt, before, shift)

    def _fill(self, receipt: Receipt) -> None:
        op = int(receipt.operation)
        for line in receipt.lines:
            self.commands.operation(**d.operation_fields(line, op, self.vat_bytes))
            self.commands.item_tlv(d.item_tlv(line))
        for chunk in d.receipt_tlvs(receipt):
            self.commands.receipt_tlv(chunk)

    def _close(self, receipt: Receipt, before: int, shift: int) -> DocumentResult:
        try:
            res = self.commands.close_receipt(d.payment_slots(receipt), int(receipt.tax_system))
        except LinkError as exc:
            return self._settle(before, exc, shift)
        except FiscalError:
            self._abandon(None)
            raise
        return DocumentResult(int(res["fd"]), int(res["fp"]), res["datetime"], shift, int(res["change"]))

    # -- recovery ----------------------------------------------------------------------------

    def cancel_open_document(self) -> bool:
        short = self.commands.short_status()
        if short["mode"] & 0x0F == MODE_DOCUMENT:
            try:
                self.commands.cancel_receipt()
            except (FnStateError, ReceiptClosedError):
                self.commands.cancel_fn_document()
            return True
        if self.commands.fn_status()["cur_doc"]:
            self.commands.cancel_fn_document()
            return True
        return False

    def recover(self, expected_last_fd: int | None = None) -> Recovery:
        fn = self._wait_reachable(expected_last_fd)
        cancelled = self.cancel_open_document()
        last = int(fn["last_fd"])
        fiscalised = None if expected_last_fd is None else last > expected_last_fd
        document = self.read_document(last) if fiscalised else None
        return Recovery(last, fiscalised, document, cancelled)

    def _settle(self, before: int, cause: LinkError, shift: int | None = None) -> DocumentResult:
        """After a link failure at a fiscalising command: was the document fiscalised?"""
        fn = self._wait_reachable(before)
        if int(fn["last_fd"]) > before:
            return self._last_document(shift, recovered=True)
        try:
            self.cancel_open_document()
        except FiscalError:
            raise DocumentNotFiscalisedError(NOT_CANCELLED, cause) from cause
        raise DocumentNotFiscalisedError(None, cause) from cause

    def _abandon(self, cause: LinkError | None) -> DocumentNotFiscalisedError:
        """Cancel our half-built receipt (best effort); nothing was fiscalised before FF45."""
        try:
            self._wait_reachable(None)
            self.cancel_open_document()
        except FiscalError:
            return DocumentNotFiscalisedError(NOT_CANCELLED, cause)
        return DocumentNotFiscalisedError(None, cause)

    def _wait_reachable(self, last_known_fd: int | None) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeouts.recovery
        while True:
            try:
                return self.commands.fn_status()
            except LinkError:
                if time.monotonic() >= deadline:
                    raise FiscalStateUnknownError(None, last_known_fd) from None
                time.sleep(min(0.05, self.timeouts.byte))

    def _last_document(self, shift: int | None = None, recovered: bool = False) -> DocumentResult:
        last = int(self.commands.fn_status()["last_fd"])
        head = self.commands.find_document(last)
        if shift is None:
            _, shift, _ = self.commands.shift_params()
        return DocumentResult(last, int(head["fp"]), head["datetime"], shift, 0, recovered)

    def _reachable_status(self) -> dict[str, Any]:
        try:
            return self.commands.fn_status()
        except LinkError as exc:
            raise DocumentNotFiscalisedError("документ НЕ сформирован: нет связи с ККТ — повторите", exc) from exc

    def _mode_error(self, exc: ModeError, fn: dict[str, Any]) -> FiscalError:
        if exc.code == 0x73 and not fn["shift_open"]:
            return ShiftClosedError("смена не открыта — откройте смену", exc.code)
        return exc
