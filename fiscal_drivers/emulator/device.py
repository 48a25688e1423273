"""The emulated Shtrih-M register: modes, errors and the fiscal storage, one command at a time.

:meth:`Device.handle` takes a request payload (CMD + DATA) and returns the answer payload
(CMD + error + fields), exactly as the real device would put it in a frame.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import struct
import threading
import time
import zlib
from collections.abc import Callable
from typing import Any

from .. import ffd
from ..link.framing import command_bytes, command_of
from ..shtrih import protocol as p
from ..shtrih.vat import DEFAULT_FAMILY, vat_table
from .receipts import ReceiptCommands
from .storage import Storage

SHIFT_LIMIT = 24 * 3600
PASSWORDS = range(1, 31)


class DeviceFault(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(f"{code:02X}h")
        self.code = code


class Device(ReceiptCommands):
    """State machine of one register. Thread-safe: one command at a time."""

    def __init__(
        self, storage: Storage | None = None, *, fn_number: str = "9999078900012345", vat_family: str = DEFAULT_FAMILY,
        busy_rate: float = 0.0, paper_out: bool = False, seed: int | None = None, clock: Callable[[], float] = time.time,
        serial: str = "0012345678", inn: str = "7701234567",
    ) -> None:
        self.storage = storage or Storage()
        self.state = self.storage.restore()
        self.fn_number = fn_number
        self.serial, self.inn = serial, inn
        self.rate_by_byte = {byte: rate for rate, byte in vat_table(vat_family).items()}
        self.busy_rate = busy_rate
        self._paper_out = paper_out
        self._interrupted = False
        self.rng = random.Random(seed)
        self.clock = clock
        self.lock = threading.RLock()
        self._cursor: tuple[bytes, int] | None = None
        self.handlers: dict[int, Callable[[bytes], bytes]] = {
            p.SHORT_STATUS: self.short_status, p.FN_STATUS: self.fn_status, p.SHIFT_PARAMS: self.shift_params,
            p.OPEN_SHIFT: self.open_shift, p.X_REPORT: self.x_report, p.Z_REPORT: self.z_report,
            p.CASH_IN: self.cash_in, p.CASH_OUT: self.cash_out, p.CONTINUE_PRINT: self.continue_print,
            p.FIND_FD: self.find_fd, p.READ_FD_BEGIN: self.read_fd_begin, p.READ_FD_DATA: self.read_fd_data,
            p.FULL_STATUS: self.full_status, p.DEVICE_TYPE: self.device_type, p.FN_NUMBER: self.fn_number_answer,
            p.FN_VALIDITY: self.fn_validity, p.OFD_STATUS: self.ofd_status,
            **self.receipt_handlers(),
        }

    # -- dispatch ----------------------------------------------------------------------------

    def handle(self, payload: bytes) -> bytes:
        cmd = command_of(payload)
        head = command_bytes(cmd)
        with self.lock:
            try:
                handler = self.handlers.get(cmd)
                if handler is None:
                    raise DeviceFault(0x37)
                body = payload[len(head) :]
                fields = handler(body if cmd in p.NO_PASSWORD else self._password(body))
            except DeviceFault as fault:
                return head + bytes([fault.code])
            except (ValueError, IndexError, KeyError, struct.error):
                return head + b"\x33"
        return head + b"\0" + fields

    def _password(self, body: bytes) -> bytes:
        if len(body) < 4:
            raise DeviceFault(0x33)
        if p.from_u(body[:4]) not in PASSWORDS:
            raise DeviceFault(0x4F)
        return body[4:]

    # -- environment -------------------------------------------------------------------------

    def now(self) -> float:
        return self.clock() + self.state.clock_offset

    def advance_clock(self, seconds: float) -> None:
        with self.lock:
            self.state.clock_offset += seconds
            self.storage.save(self.state)

    @property
    def paper_out(self) -> bool:
        return self._paper_out

    @paper_out.setter
    def paper_out(self, value: bool) -> None:
        with self.lock:
            if self._paper_out and not value and self._interrupted:
                self.state.submode = 3  # paper loaded mid-document: waiting for B0h
                self._interrupted = False
                self.storage.save(self.state)
            self._paper_out = value

    def power_on(self) -> None:
        """Restart after a power cut: RAM is gone, non-volatile memory is reloaded."""
        with self.lock:
            self.state = self.storage.restore()
            self._cursor = None

    # -- guards ------------------------------------------------------------------------------

    def mode(self) -> int:
        st = self.state
        if st.open_doc is not None:
            return 0x08 | (st.open_doc.get("type", 0) << 4)
        if st.shift_open:
            return 3 if self.now() - st.shift_opened_at > SHIFT_LIMIT else 2
        return 4

    def require_shift(self) -> None:
        mode = self.mode() & 0x0F
        if mode == 8:
            raise DeviceFault(0x4A)
        if mode == 3:
            raise DeviceFault(0x4E)
        if mode == 4:
            raise DeviceFault(0x73)

    def require_printer(self) -> None:
        if self._paper_out:
            self._interrupted = self.state.open_doc is not None
            raise DeviceFault(0x6B)
        if self.state.submode == 3:
            raise DeviceFault(0x58)
        if self.busy_rate and self.rng.random() < self.busy_rate:
            raise DeviceFault(0x50)

    # -- status ------------------------------------------------------------------------------

    def short_status(self, body: bytes) -> bytes:
        flags = p.FLAG_RECEIPT_PAPER | (0 if self._paper_out else p.FLAG_RECEIPT_SENSOR)
        submode = 1 if self._paper_out else self.state.submode
        return p.pack_short_status(30, flags, self.mode(), submode, self.state.doc_counter)

    def fn_status(self, body: bytes) -> bytes:
        st = self.state
        cur = 0 if st.open_doc is None else (0x14 if st.open_doc["kind"] == "correction" else 0x04)
        return p.pack_fn_status(
            life=0x03, cur_doc=cur, shift_open=st.shift_open, moment=self.moment(), fn_number=self.fn_number,
            last_fd=st.last_fd,
        )

    def full_status(self, body: bytes) -> bytes:
        """11h, the status an independent client reads first (serial number, mode, date and time)."""
        return p.pack_full_status(
            mode=self.mode(), submode=1 if self._paper_out else self.state.submode, doc_counter=self.state.doc_counter,
            moment=dt.datetime.fromtimestamp(int(self.now())), serial=int(self.serial), last_shift=self.state.shift_number,
            inn=self.inn,
        )

    def device_type(self, body: bytes) -> bytes:
        return p.pack_device_type()

    def fn_number_answer(self, body: bytes) -> bytes:
        return self.fn_number.encode("ascii")

    def fn_validity(self, body: bytes) -> bytes:
        """FF03: valid until (YY MM DD), re-registrations done and left."""
        return bytes([30, 12, 31, 1, 11])

    def ofd_status(self, body: bytes) -> bytes:
        """FF39: this register keeps no OFD queue — every document counts as delivered."""
        return bytes([0, 0]) + struct.pack("<HI", 0, 0) + b"\0" * 5

    def shift_params(self, body: bytes) -> bytes:
        st = self.state
        return struct.pack("<BHH", int(st.shift_open), st.shift_number, st.receipts_in_shift + 1)

    def moment(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(int(self.now()) // 60 * 60)

    def continue_print(self, body: bytes) -> bytes:
        if self.state.submode == 3:
            self.state.submode = 0
            self.storage.save(self.state)
        return bytes([30])

    # -- shift, reports, cash ----------------------------------------------------------------

    def open_shift(self, body: bytes) -> bytes:
        mode = self.mode() & 0x0F
        if mode != 4:
            raise DeviceFault({8: 0x4A, 3: 0x4E}.get(mode, 0x73))
        self.require_printer()
        st = self.state
        st.shift_open, st.shift_number, st.shift_opened_at, st.receipts_in_shift = True, st.shift_number + 1, self.now(), 0
        self.fiscalise(ffd.DocumentType.SHIFT_OPEN, {1038: st.shift_number, **self._take_pending()})
        return b""

    def z_report(self, body: bytes) -> bytes:
        mode = self.mode() & 0x0F
        if mode in (8, 4):
            raise DeviceFault(0x4A if mode == 8 else 0x73)
        self.require_printer()
        self.state.shift_open = False
        self.fiscalise(ffd.DocumentType.SHIFT_CLOSE, {1038: self.state.shift_number, **self._take_pending()})
        return bytes([30])

    def x_report(self, body: bytes) -> bytes:
        mode = self.mode() & 0x0F
        if mode in (8, 3):
            raise DeviceFault(0x4A if mode == 8 else 0x4E)
        self.require_printer()
        self.state.doc_counter += 1
        self.storage.save(self.state)
        return bytes([30])

    def cash_in(self, body: bytes) -> bytes:
        return self._cash(body, +1)

    def cash_out(self, body: bytes) -> bytes:
        return self._cash(body, -1)

    def _cash(self, body: bytes, sign: int) -> bytes:
        self.require_shift()
        amount = p.from_u(body[:5])
        if len(body) < 5 or amount == 0:
            raise DeviceFault(0x33)
        if sign < 0 and amount > self.state.cash:
            raise DeviceFault(0x46)
        self.require_printer()
        self.state.cash += sign * amount
        self.state.doc_counter += 1
        self.storage.save(self.state)
        return struct.pack("<BH", 30, self.state.doc_counter & 0xFFFF)

    def _take_pending(self) -> dict[int, Any]:
        tags = {int(k): v for k, v in self.state.pending_tags.items()}
        self.state.pending_tags = {}
        return tags

    # -- fiscal storage ----------------------------------------------------------------------

    def fiscalise(self, doc_type: int, tags: dict[int, Any]) -> dict[str, Any]:
        """Commit a fiscal document to the journal (atomically with the state)."""
        st = self.state
        st.last_fd += 1
        st.doc_counter += 1
        stamp = int(self.now()) // 60 * 60
        base = {1040: st.last_fd, 1012: stamp, 1038: st.shift_number, 1209: 4}
        body = json.dumps({**base, **tags}, ensure_ascii=False, sort_keys=True, default=str)
        sign = zlib.crc32(body.encode("utf-8") + self.fn_number.encode()) & 0xFFFFFFFF
        all_tags = {**base, 1077: sign, **tags}
        document = {
            "number": st.last_fd, "type": int(doc_type), "datetime": dt.datetime.fromtimestamp(stamp).isoformat(),
            "fiscal_sign": sign, **{str(k): v for k, v in all_tags.items()},
        }
        self.storage.commit(document, st)
        return document

    def find_fd(self, body: bytes) -> bytes:
        doc = self._document(body)
        moment = p.encode_datetime(dt.datetime.fromtimestamp(doc["1012"]))
        head = struct.pack("<BB5sII", doc["type"], 0, moment, doc["number"], doc["fiscal_sign"])
        if doc["type"] in (ffd.DocumentType.RECEIPT, ffd.DocumentType.CORRECTION):
            head += bytes([doc["1054"]]) + p.u(doc["1020"], 5)
        return head

    def read_fd_begin(self, body: bytes) -> bytes:
        doc = self._document(body)
        data = ffd.encode_tags(journal_tags(doc))
        self._cursor = (data, 0)
        return struct.pack("<HH", doc["type"], len(data))

    def read_fd_data(self, body: bytes) -> bytes:
        if self._cursor is None or self._cursor[1] >= len(self._cursor[0]):
            self._cursor = None
            raise DeviceFault(0x08)
        data, pos = self._cursor
        self._cursor = (data, pos + 200)
        return data[pos : pos + 200]

    def _document(self, body: bytes) -> dict[str, Any]:
        doc = self.storage.find(p.from_u(body[:4])) if len(body) >= 4 else None
        if doc is None:
            raise DeviceFault(0x08)
        return doc


def journal_tags(document: dict[str, Any]) -> dict[int, Any]:
    """The numeric tags of a journal entry with int keys (nested ones too)."""

    def convert(value: Any) -> Any:
        if isinstance(value, dict):
            return {int(k): convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v) for v in value]
        return value

    return {int(k): convert(v) for k, v in document.items() if k.isdigit()}
