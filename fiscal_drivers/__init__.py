"""Stand-alone fiscal register drivers (standard library + pyserial).

The app uses one facade::

    from fiscal_drivers import open_register, Receipt, Line, Payments, Operation

    with open_register("/dev/ttyACM0", baudrate=115200) as kkt:
        result = kkt.print_receipt(receipt)

``url`` is anything :func:`serial.serial_for_url` takes (``/dev/ttyACM0``, ``COM3``,
``socket://192.168.137.111:7778``, ``rfc2217://…``). A software register speaking the same
protocol runs with ``python -m fiscal_drivers.emulator --pty``.
"""

from __future__ import annotations

from typing import Any

from .api import FiscalRegister
from .errors import DEVICE_ERRORS, DeviceInUse, DocumentNotFiscalisedError, FiscalError, FiscalStateUnknownError
from .ffd import CorrectionType, DocumentType, Operation, PaymentMethod, PaymentSubject, TaxSystem, VatRate
from .link.session import Timeouts
from .model import (
    QUANTITY_SCALE,
    CashResult,
    Correction,
    DeviceInfo,
    DocumentResult,
    FiscalDocument,
    Line,
    Payments,
    Person,
    Receipt,
    Recovery,
    Status,
)

PROTOCOLS = ("shtrih",)


def open_register(url: str, protocol: str = "shtrih", **options: Any) -> FiscalRegister:
    """Open a register on ``url``; options go to the driver (e.g. ``ShtrihRegister``)."""
    if protocol == "shtrih":
        from .shtrih import ShtrihRegister

        return ShtrihRegister(url, **options)
    raise ValueError(f"unknown fiscal protocol {protocol!r}; known: {', '.join(PROTOCOLS)}")


__all__ = [
    "DEVICE_ERRORS", "QUANTITY_SCALE", "CashResult", "Correction", "CorrectionType", "DeviceInUse", "DeviceInfo",
    "DocumentNotFiscalisedError",
    "DocumentResult", "DocumentType", "FiscalDocument", "FiscalError", "FiscalRegister", "FiscalStateUnknownError",
    "Line", "Operation", "PaymentMethod", "PaymentSubject", "Payments", "Person", "Receipt", "Recovery", "Status",
    "TaxSystem", "Timeouts", "VatRate", "open_register",
]
