"""One error root for the package and the table of device error codes.

Every exception raised by ``fiscal_drivers`` is a :class:`FiscalError`. It carries
``code`` (the device's one-byte error code, or ``None`` for link and client errors)
and ``message`` — Russian text a cashier can act on.

Device codes are data: :data:`DEVICE_ERRORS` maps a code to (exception class,
message). One byte covers both FN (fiscal storage) and KKT codes
(reference/fiscal.md §1.7).
"""

from __future__ import annotations


class FiscalError(Exception):
    """Root of every error raised by the fiscal drivers."""

    default_message = "ошибка ККТ"

    def __init__(self, message: str | None = None, code: int | None = None) -> None:
        self.message = message or self.default_message
        self.code = code
        super().__init__(self.message if code is None else f"{self.message} (код {code:02X}h)")


# --- link and client side -------------------------------------------------------------------


class LinkError(FiscalError):
    """The device did not answer as the protocol requires."""

    default_message = "нет связи с ККТ — проверьте кабель и питание"


class LinkTimeout(LinkError):
    """No answer within the timeout after every allowed retry."""

    default_message = "ККТ не отвечает — проверьте кабель и питание"


class AnswerLost(LinkError):
    """The device accepted a command but its answer was lost (e.g. power loss).

    The command may or may not have been executed: compare the last fiscal
    document number before deciding anything.
    """

    default_message = "ККТ приняла команду, но ответ потерян (сбой питания?)"


class ProtocolError(LinkError):
    """The device answered with bytes that do not fit the expected layout."""

    default_message = "непонятный ответ ККТ"


class DeviceInUse(FiscalError):
    """Another program (another workstation) holds the register."""

    default_message = "ККТ занята другим рабочим местом"


class FiscalStateUnknownError(LinkError):
    """The device stayed unreachable: nobody can tell yet whether a document was fiscalised."""

    default_message = "нет связи с ККТ: неизвестно, пробит ли документ — проверьте номер последнего ФД"

    def __init__(self, message: str | None = None, last_known_fd: int | None = None) -> None:
        super().__init__(message)
        self.last_known_fd = last_known_fd


class InvalidDocumentError(FiscalError):
    """The receipt is wrong before anything reaches the device."""

    default_message = "чек составлен неверно"


class DocumentNotFiscalisedError(FiscalError):
    """The document was definitely NOT fiscalised; any open document was cancelled.

    Safe to print again. ``cause`` holds the underlying error.
    """

    fiscalised = False
    default_message = "чек НЕ пробит: связь с ККТ прервалась до фискализации, открытый чек аннулирован — повторите печать"

    def __init__(self, message: str | None = None, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.cause = cause


# --- device errors ----------------------------------------------------------------------------


class DeviceError(FiscalError):
    """The device answered with a non-zero error code."""


class FnError(DeviceError):
    """The fiscal storage (ФН) refused or failed."""


class FnStateError(FnError):
    pass


class NoDataError(FnError):
    pass


class TlvTooLargeError(FnError):
    pass


class BadParametersError(DeviceError):
    pass


class NotSupportedError(DeviceError):
    pass


class PaymentsBelowTotalError(DeviceError):
    pass


class NotEnoughCashError(DeviceError):
    pass


class ReceiptOpenError(DeviceError):
    pass


class ReceiptClosedError(DeviceError):
    pass


class ShiftExpiredError(DeviceError):
    pass


class ShiftClosedError(DeviceError):
    pass


class WrongPasswordError(DeviceError):
    pass


class PrinterBusyError(DeviceError):
    pass


class WaitingForContinueError(DeviceError):
    pass


class PaperOutError(DeviceError):
    pass


class ModeError(DeviceError):
    pass


class OperationError(DeviceError):
    pass


class MarkingError(DeviceError):
    pass


#: code → (exception class, message for the cashier)
DEVICE_ERRORS: dict[int, tuple[type[DeviceError], str]] = {
    0x01: (FnError, "ФН: неизвестная команда или неверный формат"),
    0x02: (FnStateError, "ФН: неверное состояние — аннулируйте открытый документ"),
    0x03: (FnError, "отказ фискального накопителя"),
    0x04: (FnError, "отказ криптографического сопроцессора ФН"),
    0x07: (FnError, "ФН: неверные дата или время — проверьте часы ККТ"),
    0x08: (NoDataError, "ФН: запрошенных данных нет"),
    0x09: (FnError, "ФН: некорректное значение параметров"),
    0x10: (TlvTooLargeError, "ФН: превышен размер данных TLV"),
    0x11: (FnError, "нет связи с ОФД"),
    0x12: (FnError, "ресурс ФН исчерпан — замените фискальный накопитель"),
    0x14: (FnError, "память ФН переполнена — передайте документы в ОФД"),
    0x16: (ShiftExpiredError, "смена превысила 24 часа — снимите Z-отчёт"),
    0x17: (FnError, "время ККТ расходится с ФН более чем на 5 минут"),
    0x2F: (FnError, "ФН не отвечает (тайм-аут)"),
    0x30: (FnError, "ФН не отвечает"),
    0x33: (BadParametersError, "некорректные параметры команды: реквизит недопустим или неверен"),
    0x35: (NotSupportedError, "некорректная настройка ККТ"),
    0x37: (NotSupportedError, "команда не поддерживается этой ККТ"),
    0x45: (PaymentsBelowTotalError, "сумма оплат меньше итога чека"),
    0x46: (NotEnoughCashError, "в кассе не хватает наличных"),
    0x4A: (ReceiptOpenError, "открыт чек — закройте или аннулируйте его"),
    0x4E: (ShiftExpiredError, "смена превысила 24 часа — снимите Z-отчёт"),
    0x4F: (WrongPasswordError, "неверный пароль кассира"),
    0x50: (PrinterBusyError, "ККТ печатает предыдущий документ — подождите"),
    0x55: (ReceiptClosedError, "чек уже закрыт — операция невозможна"),
    0x58: (WaitingForContinueError, "ККТ ждёт команду продолжения печати"),
    0x5E: (OperationError, "некорректная операция"),
    0x5F: (OperationError, "отрицательный итог чека"),
    0x6B: (PaperOutError, "нет бумаги — заправьте чековую ленту"),
    0x72: (ModeError, "команда не поддерживается в этом подрежиме ККТ"),
    0x73: (ModeError, "команда не поддерживается в этом режиме ККТ"),
    0x8E: (OperationError, "нулевой итог чека"),
    **{code: (MarkingError, "ошибка проверки кода маркировки") for code in range(0xA0, 0xA6)},
}


def device_error(code: int, message: str | None = None) -> DeviceError:
    """Build the typed exception for a device error code."""
    cls, text = DEVICE_ERRORS.get(code, (DeviceError, "ошибка ККТ"))
    return cls(message or text, code)
