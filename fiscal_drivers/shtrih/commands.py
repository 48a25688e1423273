"""Typed Shtrih-M commands over a :class:`~fiscal_drivers.link.Session`.

Each method builds a request, executes it and returns parsed fields; a non-zero error
byte becomes its typed exception from :data:`fiscal_drivers.errors.DEVICE_ERRORS`.
"Printer busy" (50h) is retried until ``timeouts.busy``; "waiting for continue" (58h) is
answered with B0h and the command retried once.
"""

from __future__ import annotations

import struct
import time
from typing import Any

from ..errors import PrinterBusyError, ProtocolError, device_error
from ..link.framing import command_bytes
from ..link.session import Session
from . import protocol as p

BUSY, WAITING_CONTINUE = 0x50, 0x58


class Commands:
    def __init__(self, session: Session, password: int = p.ADMIN_PASSWORD) -> None:
        self.session = session
        self.password = password

    # -- core --------------------------------------------------------------------------------

    def call(self, cmd: int, body: bytes = b"", *, with_password: bool = True) -> bytes:
        """Execute ``cmd``; return the answer fields after CMD and the error byte."""
        head = command_bytes(cmd)
        payload = head + (p.password(self.password) if with_password else b"") + body
        deadline = time.monotonic() + self.session.timeouts.busy
        pause, continued = 0.005, False
        while True:
            answer = self.session.execute(payload)
            if len(answer) < len(head) + 1:
                raise ProtocolError(f"короткий ответ ККТ на команду {cmd:02X}h")
            code = answer[len(head)]
            if code == 0:
                return answer[len(head) + 1 :]
            if code == BUSY and time.monotonic() < deadline:
                time.sleep(pause)
                pause = min(pause * 2, 0.5)
                continue
            if code == WAITING_CONTINUE and not continued:
                continued = True
                self.continue_print()
                continue
            if code == BUSY:
                raise PrinterBusyError(None, BUSY) from None
            raise device_error(code)

    def _unpack(self, layout: str, fields: bytes, what: str) -> tuple:
        try:
            return struct.unpack_from(layout, fields)
        except struct.error:
            raise ProtocolError(f"неверный формат ответа ККТ: {what}") from None

    # -- status ------------------------------------------------------------------------------

    def short_status(self) -> dict[str, int]:
        fields = self.call(p.SHORT_STATUS)
        self._unpack(p.SHORT_STATUS_LAYOUT, fields, "10h")
        return p.unpack_short_status(fields)

    def fn_status(self) -> dict[str, Any]:
        fields = self.call(p.FN_STATUS)
        self._unpack(p.FN_STATUS_LAYOUT, fields, "FF01h")
        return p.unpack_fn_status(fields)

    def full_status(self) -> dict[str, object]:
        """11h: serial number, mode, document counter, date and time."""
        fields = self.call(p.FULL_STATUS)
        self._unpack(p.FULL_STATUS_LAYOUT, fields, "11h")
        return p.unpack_full_status(fields)

    def device_type(self) -> dict[str, object]:
        """FCh (no password): type, protocol, model and the device's name."""
        try:
            return p.unpack_device_type(self.call(p.DEVICE_TYPE, with_password=False))
        except ValueError:
            raise ProtocolError("неверный формат ответа ККТ: FCh") from None

    def shift_params(self) -> tuple[bool, int, int]:
        """(shift open, shift number, next receipt number)."""
        is_open, shift, receipt = self._unpack("<BHH", self.call(p.SHIFT_PARAMS), "FF40h")
        return bool(is_open), shift, receipt

    def continue_print(self) -> None:
        self.call(p.CONTINUE_PRINT)

    # -- shift and reports -------------------------------------------------------------------

    def open_shift(self) -> None:
        self.call(p.OPEN_SHIFT)

    def x_report(self) -> None:
        self.call(p.X_REPORT)

    def z_report(self) -> None:
        self.call(p.Z_REPORT)

    def cash(self, cmd: int, amount: int) -> tuple[int, int]:
        """50h/51h → (operator, document counter)."""
        return self._unpack("<BH", self.call(cmd, p.u(amount, 5)), f"{cmd:02X}h")

    # -- receipts ----------------------------------------------------------------------------

    def open_receipt(self, receipt_type: int) -> None:
        self.call(p.OPEN_RECEIPT, bytes([receipt_type]))

    def open_correction(self) -> None:
        self.call(p.OPEN_CORRECTION)

    def operation(self, **fields: object) -> None:
        """FF46; fields as :func:`protocol.pack_operation` takes them (without the password)."""
        body = p.pack_operation(password_value=self.password, **fields)  # type: ignore[arg-type]
        self.call(p.OPERATION, body[4:])

    def item_tlv(self, tlv: bytes) -> None:
        self.call(p.ITEM_TLV, tlv)

    def receipt_tlv(self, tlv: bytes) -> None:
        self.call(p.SEND_TLV, tlv)

    def close_receipt(self, payments: list[int], tax_system: int) -> dict[str, Any]:
        """FF45 → change, fd, fp and (extended answer) the date-time."""
        body = p.pack_close(password_value=self.password, payments=payments, tax_system=tax_system)
        fields = self.call(p.CLOSE_RECEIPT, body[4:])
        change, fd, fp = self._unpack("<5sII", fields, "FF45h")
        return {"change": p.from_u(change), "fd": fd, "fp": fp, "datetime": p.decode_datetime(fields[13:18])}

    def cancel_receipt(self) -> None:
        self.call(p.CANCEL_RECEIPT)

    def cancel_fn_document(self) -> None:
        self.call(p.FN_CANCEL_DOC)

    # -- fiscal storage ----------------------------------------------------------------------

    def find_document(self, fd: int) -> dict[str, Any]:
        """FF0A → type, OFD ack, date-time, FD number, fiscal sign."""
        fields = self.call(p.FIND_FD, p.u(fd, 4))
        doc_type, ack, moment, number, sign = self._unpack("<BB5sII", fields, "FF0Ah")
        return {"type": doc_type, "ack": ack, "datetime": p.decode_datetime(moment), "fd": number, "fp": sign}

    def read_document_tlv(self, fd: int) -> tuple[int, bytes]:
        """FF3A then FF3B until the announced length is read → (document type, TLV bytes)."""
        doc_type, length = self._unpack("<HH", self.call(p.READ_FD_BEGIN, p.u(fd, 4)), "FF3Ah")
        data = b""
        while len(data) < length:
            chunk = self.call(p.READ_FD_DATA)
            if not chunk:
                raise ProtocolError("ККТ вернула пустой блок документа")
            data += chunk
        return doc_type, data[:length]
