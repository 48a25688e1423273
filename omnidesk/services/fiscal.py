"""The fiscal journal: every receipt printed exactly once, none lost, whatever happens on the way.

Printing is two-phase and persisted. Before the first byte goes to the device the receipt is
saved as *pending* together with the device's last fiscal document number. The result (document
number, fiscal sign, time) is saved in the transaction that marks it *printed*. If anything breaks
in between (a crash, power loss, a dropped link), :meth:`FiscalJournal.recover` asks the device
whether a document was fiscalised after the noted number and reads it back: the receipt is then
marked printed, or failed (safe to print again). Nothing is printed while a receipt is pending.

Several workstations may share a register: each holds the register's lock (:mod:`.register_lock`)
while it claims a receipt (its row locked, its status read again), prints and records it, and while it
recovers — so a pending receipt it finds was left by a workstation that is gone, and the document after
``fd_before`` is the receipt's (settling compares its content). A receipt another workstation printed
meanwhile is skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select

from omnidesk.core.cashier import Cashier
from omnidesk.core.enums import ReceiptStatus
from omnidesk.core.errors import Busy, Conflict, InvalidInput, NotFound, OmniDeskError
from omnidesk.core.receipts import ReceiptPlan
from omnidesk.core.receipts.tax import TaxSystem, check_tax_system
from omnidesk.core.receipts.units import measure_code
from omnidesk.integrations.fiscal import (
    DeviceDocument,
    RegisterBusy,
    RegisterConnection,
    RegisterError,
    RegisterStateUnknown,
)
from omnidesk.persistence.models import Receipt

from . import audit
from .auth import Actor, permit
from .receipts import ReceiptView, get_receipt, plan_of, view
from .register_lock import BUSY, register_lock
from .uow import Database


class FiscalDeviceError(OmniDeskError):
    """The register refused or could not be reached; the message is for the cashier."""


@dataclass(frozen=True)
class RegisterState:
    description: str
    shift_open: bool
    shift_expired: bool
    shift_number: int
    paper_present: bool
    receipt_open: bool
    fn_number: str
    last_document_number: int
    pending: int  # receipts waiting for recovery
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class PrintRun:
    printed: tuple[ReceiptView, ...]
    error: str | None  # why printing stopped, in the device's words
    remaining: int  # owed receipts not printed


@dataclass(frozen=True)
class RecoveryReport:
    printed: tuple[int, ...]  # receipt ids found fiscalised on the device
    failed: tuple[int, ...]  # receipt ids found not fiscalised: safe to print again
    cancelled_open_document: bool


T = TypeVar("T")


def _message(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


class FiscalJournal:
    """Prints stored receipts on one register. Use it from one thread (one queue per device)."""

    def __init__(self, db: Database, connect: Callable[[], RegisterConnection], actor: Actor, *,
                 cashier: Callable[[], Cashier] | None = None, tax_system: Callable[[], TaxSystem] | None = None) -> None:
        self.db = db
        self.actor = actor
        self._connect = connect
        self._connection: RegisterConnection | None = None
        self._cashier = cashier or (lambda: Cashier(self.actor.name, self.actor.position, self.actor.inn or None))
        self._tax_system = tax_system or (lambda: TaxSystem.OSN)
        self._fn_number: str | None = None
        self._held = False

    # --- the device -----------------------------------------------------------
    @property
    def connection(self) -> RegisterConnection:
        if self._connection is None:
            try:
                self._connection = self._connect()
            except RegisterBusy as exc:
                raise Busy(BUSY) from exc
            except (OSError, RegisterError) as exc:
                raise FiscalDeviceError(f"нет связи с ККТ: {_message(exc)}") from exc
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    @contextmanager
    def _holding(self) -> Iterator[None]:
        """This workstation alone at the register, connected to it only meanwhile (re-entrant)."""
        if self._held:
            yield
            return
        with register_lock(self.db):
            self._held = True
            try:
                yield
            finally:
                self._held = False
                self.close()  # a register (or its TCP port) serves one workstation at a time

    def _device(self, action: str, call: Callable[[RegisterConnection], T]) -> T:
        with self._holding():
            try:
                return call(self.connection)
            except RegisterError as exc:
                raise FiscalDeviceError(f"{action}: {_message(exc)}") from exc

    def status(self) -> RegisterState:
        with self._holding():
            return self._status()

    def _status(self) -> RegisterState:
        status = self._device("состояние ККТ", lambda r: r.status())
        with self.db.read() as session:
            pending = len(session.scalars(select(Receipt.id).where(Receipt.status == ReceiptStatus.PENDING)).all())
        warnings = []
        if not status.paper_present:
            warnings.append("нет бумаги — вставьте рулон")
        if status.shift_expired:
            warnings.append("смена превысила 24 часа — снимите Z-отчёт")
        elif not status.shift_open:
            warnings.append("смена закрыта — откройте смену")
        if pending:
            warnings.append(f"{pending} чек(а) ждут сверки с ККТ")
        return RegisterState(self.connection.description, status.shift_open, status.shift_expired,
                             status.shift_number, status.paper_present, status.receipt_open, status.fn_number,
                             status.last_document_number, pending, tuple(warnings))

    # --- exactly-once printing ------------------------------------------------
    def recover(self) -> RecoveryReport:
        """Settle every pending receipt against the device before anything else is printed."""
        with self._holding():
            return self._recover()

    def _recover(self) -> RecoveryReport:
        printed, failed, cancelled = [], [], False
        with self.db.read() as session:
            pending = [(r.id, r.fd_before, plan_of(r)) for r in session.scalars(
                select(Receipt).where(Receipt.status == ReceiptStatus.PENDING).order_by(Receipt.id))]
        for receipt_id, fd_before, plan in pending:
            found = self._device("сверка с ККТ", lambda r, last=fd_before, p=plan: r.settle(last, p))
            cancelled = cancelled or found.cancelled_open_document
            if found.fiscalised and found.document is not None:
                self._mark_printed(receipt_id, found.document)
                printed.append(receipt_id)
            else:
                self._mark_failed(receipt_id, "связь с ККТ прервалась до закрытия чека; чек не пробит — можно печатать снова")
                failed.append(receipt_id)
        if not pending:
            found = self._device("сверка с ККТ", lambda r: r.recover(None))
            cancelled = found.cancelled_open_document
        return RecoveryReport(tuple(printed), tuple(failed), cancelled)

    def print_receipt(self, receipt_id: int) -> ReceiptView:
        """Print one owed receipt; raises FiscalDeviceError with the device's words if it did not print."""
        printed = self._print(receipt_id, skip_taken=False)
        assert printed is not None
        return printed

    def _print(self, receipt_id: int, *, skip_taken: bool) -> ReceiptView | None:
        permit(self.actor, "receipt.print")
        cashier, tax_system = self._cashier(), self._tax_system()
        owed = get_receipt(self.db, receipt_id).plan
        check_tax_system(owed, tax_system)
        for line in owed.lines:
            measure_code(line.unit)  # a unit outside the FFD table is refused before the device is touched
        with self._holding():
            if self._has_pending():
                self._recover()
            self._ensure_shift()
            plan = self._begin(receipt_id, skip_taken=skip_taken, cashier=cashier, tax_system=tax_system)
            if plan is None:
                return None  # printed (or being printed) by another workstation
            return self._send(receipt_id, plan, cashier, tax_system)

    def _send(self, receipt_id: int, plan: ReceiptPlan, cashier: Cashier, tax_system: TaxSystem) -> ReceiptView:
        try:
            result = self.connection.print(plan, cashier, tax_system.code)
        except RegisterStateUnknown as exc:
            raise FiscalDeviceError(f"ККТ не ответила, состояние чека неизвестно — он будет сверен при "
                                    f"следующей печати: {_message(exc)}") from exc
        except RegisterError as exc:
            self._mark_failed(receipt_id, _message(exc))
            raise FiscalDeviceError(f"чек не напечатан: {_message(exc)}") from exc
        return self._mark_printed(receipt_id, result)

    def print_owed(self) -> PrintRun:
        """Print every owed receipt, oldest first; stop at the first one the device refuses."""
        if self._has_pending():
            self.recover()  # a receipt it finds not fiscalised becomes owed again and is printed below
        with self.db.read() as session:  # each is claimed again before printing: another may print it first
            owed = session.scalars(
                select(Receipt.id).where(Receipt.status.in_((ReceiptStatus.PLANNED, ReceiptStatus.FAILED)),
                                         Receipt.door_driver_id.is_(None),  # the driver's register prints those
                                         Receipt.door_status.is_(None))  # replaced by a correction
                .order_by(Receipt.id)
            ).all()
        printed = []
        for receipt_id in owed:
            try:
                done = self._print(receipt_id, skip_taken=True)
            except (FiscalDeviceError, InvalidInput) as exc:  # the device's refusal, or ours before printing
                return PrintRun(tuple(printed), str(exc), self._owed_count())
            if done is not None:
                printed.append(done)
        return PrintRun(tuple(printed), None, 0)

    def _owed_count(self) -> int:
        with self.db.read() as session:
            return len(session.scalars(select(Receipt.id).where(
                Receipt.status.in_((ReceiptStatus.PLANNED, ReceiptStatus.FAILED)), Receipt.door_driver_id.is_(None),
                Receipt.door_status.is_(None))).all())

    def _has_pending(self) -> bool:
        with self.db.read() as session:
            return session.scalar(select(Receipt.id).where(Receipt.status == ReceiptStatus.PENDING).limit(1)) is not None

    def _ensure_shift(self) -> None:
        status = self._device("состояние ККТ", lambda r: r.status())
        if status.shift_expired:
            raise FiscalDeviceError("смена превысила 24 часа — снимите Z-отчёт и откройте новую смену")
        if not status.shift_open:
            self.open_shift()

    def _begin(self, receipt_id: int, *, skip_taken: bool = False, cashier: Cashier | None = None,
               tax_system: TaxSystem = TaxSystem.OSN) -> ReceiptPlan | None:
        """Claim the receipt (its row locked, its status read again), mark it pending with the device's last
        document number; the plan to print (None when ``skip_taken`` and it is no longer owed)."""
        with self.db.unit_of_work() as session:
            receipt = session.scalars(select(Receipt).where(Receipt.id == receipt_id).with_for_update()).first()
            if receipt is None:
                raise NotFound(f"чек {receipt_id} не найден")
            if skip_taken and receipt.status not in (ReceiptStatus.PLANNED, ReceiptStatus.FAILED):
                return None
            if receipt.status is ReceiptStatus.PRINTED:
                raise InvalidInput(f"чек {receipt_id} уже напечатан (ФД №{receipt.fd_number}) — повторно не печатается")
            if receipt.status is ReceiptStatus.PENDING:
                raise Conflict(f"чек {receipt_id} уже печатается на другом рабочем месте")
            if receipt.door_status is not None:
                raise InvalidInput(f"чек {receipt_id} не печатается: {receipt.error or 'вместо него чек коррекции'}")
            if receipt.door_driver_id is not None:
                raise InvalidInput(f"чек {receipt_id} пробивается у двери на ККТ водителя, не в офисе: "
                                   "прочитайте ККТ водителя (omnidesk handover read-register)")
            last = self._device("номер последнего документа", lambda r: r.last_document_number())
            receipt.status = ReceiptStatus.PENDING
            receipt.fd_before = last
            receipt.error = None
            receipt.device = self.connection.description
            if cashier is not None:
                receipt.cashier_name, receipt.cashier_inn = cashier.tag_1021, cashier.inn
            receipt.tax_system = tax_system.code
            audit.record(session, self.actor.author, "receipt.print.begin", "receipt", receipt.id, fd_before=last)
            return plan_of(receipt)

    def _mark_printed(self, receipt_id: int, document: DeviceDocument) -> ReceiptView:
        with self.db.unit_of_work() as session:
            receipt = _stored(session.get(Receipt, receipt_id), receipt_id)
            receipt.status = ReceiptStatus.PRINTED
            receipt.fd_number = document.fd_number
            receipt.fiscal_sign = str(document.fiscal_sign)
            receipt.printed_at = document.datetime or dt.datetime.now()
            receipt.shift_number = document.shift_number
            receipt.fn_number = self._device_fn()
            receipt.error = None
            audit.record(session, self.actor.author, "receipt.print.done", "receipt", receipt.id,
                         fd_number=document.fd_number, fiscal_sign=str(document.fiscal_sign),
                         recovered=document.recovered)
            return view(session, receipt)

    def _device_fn(self) -> str | None:
        """The FN number of the connected register (read once per connection)."""
        if self._fn_number is None:
            try:
                self._fn_number = self.connection.status().fn_number
            except (RegisterError, FiscalDeviceError):
                return None
        return self._fn_number

    def _mark_failed(self, receipt_id: int, error: str) -> None:
        with self.db.unit_of_work() as session:
            receipt = _stored(session.get(Receipt, receipt_id), receipt_id)
            receipt.status = ReceiptStatus.FAILED
            receipt.error = error[:500]
            audit.record(session, self.actor.author, "receipt.print.failed", "receipt", receipt.id, error=error)

    # --- shift and cash drawer ---------------------------------------------------
    def open_shift(self) -> DeviceDocument:
        permit(self.actor, "shift.open")
        cashier = self._cashier()
        result = self._device("открытие смены", lambda r: r.open_shift(cashier))
        self._log("shift.open", fd_number=result.fd_number, shift=result.shift_number)
        return result

    def close_shift(self) -> DeviceDocument:
        permit(self.actor, "shift.close")
        cashier = self._cashier()
        result = self._device("Z-отчёт", lambda r: r.close_shift(cashier))
        self._log("shift.close", fd_number=result.fd_number, shift=result.shift_number)
        return result

    def x_report(self) -> None:
        permit(self.actor, "shift.x_report")
        self._device("X-отчёт", lambda r: r.x_report())
        self._log("shift.x_report")

    def cash_in(self, amount: int) -> None:
        self._cash("внесение", amount, lambda r: r.cash_in(amount))

    def cash_out(self, amount: int) -> None:
        self._cash("выплата", amount, lambda r: r.cash_out(amount))

    def _cash(self, what: str, amount: int, call: Callable[[RegisterConnection], None]) -> None:
        permit(self.actor, "cash.in" if what == "внесение" else "cash.out")
        if amount <= 0:
            raise InvalidInput("сумма должна быть больше нуля")
        self._device(what, call)
        self._log(f"cash.{'in' if what == 'внесение' else 'out'}", amount=amount)

    def _log(self, action: str, **details) -> None:
        with self.db.unit_of_work() as session:
            audit.record(session, self.actor.author, action, "register", None, **details)


def _stored(receipt: Receipt | None, receipt_id: int) -> Receipt:
    if receipt is None:
        raise NotFound(f"чек {receipt_id} не найден")
    return receipt
