"""The interface every register driver offers. Amounts are kopecks, results plain dataclasses."""

from __future__ import annotations

import abc

from .model import (
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


class FiscalRegister(abc.ABC):
    """A fiscal register (ККТ).

    Exactly-once printing: save the receipt as pending, note :meth:`last_document_number`,
    call :meth:`print_receipt`. It returns a result only for a document fiscalised exactly
    once (``result.recovered`` when the answer was lost and read back from the FN); it raises
    :class:`~fiscal_drivers.errors.DocumentNotFiscalisedError` or a device error when the
    document was NOT fiscalised (any open receipt is cancelled — safe to print again); and
    :class:`~fiscal_drivers.errors.FiscalStateUnknownError` only when the device stayed
    unreachable — then call :meth:`recover` with the noted number once it is back.
    """

    @abc.abstractmethod
    def status(self) -> Status: ...

    @abc.abstractmethod
    def open_shift(self, cashier: Person | None = None) -> DocumentResult: ...

    @abc.abstractmethod
    def x_report(self) -> None: ...

    @abc.abstractmethod
    def close_shift(self, cashier: Person | None = None) -> DocumentResult: ...

    @abc.abstractmethod
    def print_receipt(self, receipt: Receipt) -> DocumentResult: ...

    @abc.abstractmethod
    def print_correction(self, correction: Correction) -> DocumentResult: ...

    @abc.abstractmethod
    def cancel_open_document(self) -> bool:
        """Cancel a receipt left open on the device; True if there was one."""

    @abc.abstractmethod
    def cash_in(self, amount: int) -> CashResult: ...

    @abc.abstractmethod
    def cash_out(self, amount: int) -> CashResult: ...

    @abc.abstractmethod
    def last_document_number(self) -> int: ...

    @abc.abstractmethod
    def read_document(self, fd_number: int) -> FiscalDocument: ...

    @abc.abstractmethod
    def device_info(self) -> DeviceInfo:
        """The register's name, serial number, FN number and last document number."""

    def read_documents(self, after: int = 0) -> list[FiscalDocument]:
        """Every fiscal document after number ``after`` read back from the FN archive, oldest first."""
        last = self.last_document_number()
        return [self.read_document(number) for number in range(after + 1, last + 1)]

    @abc.abstractmethod
    def recover(self, expected_last_fd: int | None = None) -> Recovery:
        """After a crash or link loss: wait for the device, cancel any open receipt, and tell
        whether a document was fiscalised since ``expected_last_fd``."""

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> FiscalRegister:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
