"""Shtrih-M command codes and field codecs — pure, shared by the driver and the emulator."""

from __future__ import annotations

import datetime as dt
import struct
from typing import Any

from ..text import encode as fiscal_encode

# Command codes (reference/fiscal.md §1.4)
SHORT_STATUS, X_REPORT, Z_REPORT, CASH_IN, CASH_OUT = 0x10, 0x40, 0x41, 0x50, 0x51
CANCEL_RECEIPT, OPEN_RECEIPT, CONTINUE_PRINT, OPEN_SHIFT = 0x88, 0x8D, 0xB0, 0xE0
FN_STATUS, FN_CANCEL_DOC, FIND_FD, SEND_TLV = 0xFF01, 0xFF08, 0xFF0A, 0xFF0C
OPEN_CORRECTION, READ_FD_BEGIN, READ_FD_DATA, SHIFT_PARAMS = 0xFF35, 0xFF3A, 0xFF3B, 0xFF40
CLOSE_RECEIPT, OPERATION, ITEM_TLV = 0xFF45, 0xFF46, 0xFF4D
FULL_STATUS, DEVICE_TYPE, FN_NUMBER, FN_VALIDITY, OFD_STATUS = 0x11, 0xFC, 0xFF02, 0xFF03, 0xFF39
NO_PASSWORD = frozenset({DEVICE_TYPE})  # FCh is sent without a password

ADMIN_PASSWORD = 30
NO_VALUE5 = b"\xff" * 5  # "not given" for 5-byte sums
PAYMENT_SLOTS = 16  # FF45: #1 cash, #2–13 electronic, #14 prepayment, #15 credit, #16 counter-provision
SLOT_CASH, SLOT_ELECTRONIC, SLOT_PREPAYMENT, SLOT_CREDIT, SLOT_COUNTER = 0, 1, 13, 14, 15
RECEIPT_TYPE_BY_OPERATION = {1: 0, 2: 2, 3: 1, 4: 3}  # 1054 → 8Dh type
QTY_SCALE_FF46 = 1_000_000
#: TLV bytes per FF0C/FF4D: the FN takes 250, a v1 frame carries 255 − 2 (command) − 4 (password)
MAX_TLV_PER_COMMAND = 249


def u(value: int, size: int) -> bytes:
    """Unsigned little-endian integer of ``size`` bytes."""
    return int(value).to_bytes(size, "little")


def from_u(data: bytes) -> int:
    return int.from_bytes(data, "little")


def password(value: int) -> bytes:
    return u(value, 4)


def encode_datetime(moment: dt.datetime) -> bytes:
    """FN DATE_TIME: YY MM DD HH MM."""
    return bytes([moment.year % 100, moment.month, moment.day, moment.hour, moment.minute])


def decode_datetime(data: bytes) -> dt.datetime | None:
    if len(data) < 5 or not any(data[:5]):
        return None
    yy, mm, dd, hh, mi = data[:5]
    return dt.datetime(2000 + yy, mm, dd, hh, mi)


def encode_text(text: str, limit: int) -> bytes:
    """cp1251 with faithful stand-ins (× → x, ₽ → руб.), never "?"; cut at ``limit`` bytes."""
    return fiscal_encode(text, "cp1251")[:limit]


def decode_text(data: bytes) -> str:
    return data.rstrip(b"\0").decode("cp1251", errors="replace")


# ---- answer layouts ---------------------------------------------------------------------------

SHORT_STATUS_LAYOUT = "<BHBBBBBBBB3s"  # op, flags, mode, submode, ops_lo, batt, power, fp, eklz, ops_hi, rsv
FN_STATUS_LAYOUT = "<BBBBB5s16sI"  # life, cur_doc, doc_data, shift_open, warn, DATE_TIME, FN no, last FD
FLAG_RECEIPT_PAPER = 1 << 1
FLAG_RECEIPT_SENSOR = 1 << 7


def pack_short_status(op: int, flags: int, mode: int, submode: int, operations: int = 0) -> bytes:
    return struct.pack(
        SHORT_STATUS_LAYOUT, op, flags, mode, submode, operations & 0xFF, 0x9F, 0xE5, 0, 0, operations >> 8, b"\0\0\0"
    )


def unpack_short_status(fields: bytes) -> dict[str, int]:
    op, flags, mode, submode, *_ = struct.unpack_from(SHORT_STATUS_LAYOUT, fields)
    return {"operator": op, "flags": flags, "mode": mode, "submode": submode}


# 11h: op, fw ver (2 ASCII), build, fw date, hall, doc no, flags, mode, submode, port, FP ver, FP build,
# FP date, date, time, FP flags, serial (low 4 bytes), last shift, free FP records, rereg, rereg left, INN (46 bytes)
FULL_STATUS_LAYOUT = "<B2sH3sBHHBBB2sH3s3s3sBIHHBB6s"


def pack_full_status(
    *, mode: int, submode: int, doc_counter: int, moment: dt.datetime, serial: int, last_shift: int, inn: str,
) -> bytes:
    date = bytes([moment.day, moment.month, moment.year % 100])
    clock = bytes([moment.hour, moment.minute, moment.second])
    return struct.pack(
        FULL_STATUS_LAYOUT, 30, b"C.", 7011, b"\x10\x01\x19", 1, doc_counter & 0xFFFF, FLAG_RECEIPT_PAPER
        | FLAG_RECEIPT_SENSOR, mode, submode, 0, b"C.", 7011, b"\x10\x01\x19", date, clock, 0, serial,
        last_shift, 2000, 1, 11, int(inn or 0).to_bytes(6, "little"),
    )


def unpack_full_status(fields: bytes) -> dict[str, object]:
    (op, ver, build, _fwd, _hall, doc_no, flags, mode, submode, _port, _fpv, _fpb, _fpd, date, clock, _fpf, serial,
     last_shift, _free, _rereg, _left, inn) = struct.unpack_from(FULL_STATUS_LAYOUT, fields)
    day, month, year = date
    return {
        "operator": op, "firmware": ver.decode("ascii", "replace"), "build": build, "doc_counter": doc_no,
        "flags": flags, "mode": mode, "submode": submode, "serial": f"{serial:010d}", "last_shift": last_shift,
        "inn": str(int.from_bytes(inn, "little")), "date": (2000 + year, month, day), "time": tuple(clock),
    }


def pack_device_type(name: str = "ШТРИХ-М-01Ф") -> bytes:
    """FCh: type 0 (ККТ), subtype 0, protocol 1.0, model 0x19, language 0 (Russian), name in cp1251."""
    return bytes([0, 0, 1, 0, 0x19, 0]) + name.encode("cp1251")


def unpack_device_type(fields: bytes) -> dict[str, object]:
    if len(fields) < 6:
        raise ValueError("FCh too short")
    return {
        "type": fields[0], "subtype": fields[1], "protocol": fields[2], "subprotocol": fields[3],
        "model": fields[4], "language": fields[5], "name": decode_text(fields[6:]),
    }


def pack_fn_status(
    *, life: int, cur_doc: int, shift_open: bool, moment: dt.datetime, fn_number: str, last_fd: int
) -> bytes:
    return struct.pack(
        FN_STATUS_LAYOUT, life, cur_doc, 0, int(shift_open), 0, encode_datetime(moment), fn_number.encode("ascii"), last_fd
    )


def unpack_fn_status(fields: bytes) -> dict[str, Any]:
    life, cur_doc, _, shift_open, warn, moment, fn_no, last_fd = struct.unpack_from(FN_STATUS_LAYOUT, fields)
    return {
        "life": life, "cur_doc": cur_doc, "shift_open": bool(shift_open), "warnings": warn,
        "datetime": decode_datetime(moment), "fn_number": fn_no.decode("ascii"), "last_fd": last_fd,
    }


def pack_operation(
    *, password_value: int, op: int, qty: int, price: int, amount: int | None, rate: int, method: int, subject: int,
    name: str, department: int = 1,
) -> bytes:
    """FF46 request body (after the command bytes); ``qty`` in millionths."""
    return (
        password(password_value) + bytes([op]) + u(qty, 6) + u(price, 5)
        + (NO_VALUE5 if amount is None else u(amount, 5)) + NO_VALUE5
        + bytes([rate, department, method, subject]) + encode_text(name, 128)
    )


OPERATION_HEAD = 4 + 1 + 6 + 5 + 5 + 5 + 4  # bytes before the name


def unpack_operation(data: bytes) -> dict[str, Any]:
    if len(data) < OPERATION_HEAD:
        raise ValueError("FF46 too short")
    amount = data[16:21]
    return {
        "op": data[4], "qty": from_u(data[5:11]), "price": from_u(data[11:16]),
        "amount": None if amount == NO_VALUE5 else from_u(amount),
        "rate": data[26], "department": data[27], "method": data[28], "subject": data[29],
        "name": decode_text(data[30:]),
    }


def pack_close(*, password_value: int, payments: list[int], tax_system: int, text: str = "") -> bytes:
    """FF45 request body: 16 payment sums, rounding, 6 tax sums (zeros: the device computes VAT), taxsys, text."""
    if len(payments) != PAYMENT_SLOTS:
        raise ValueError("FF45 needs 16 payment sums")
    return (
        password(password_value) + b"".join(u(p, 5) for p in payments) + b"\0" + b"\0" * 30
        + bytes([tax_system]) + encode_text(text, 64)
    )


CLOSE_HEAD = 4 + 80 + 1 + 30 + 1


def unpack_close(data: bytes) -> dict[str, Any]:
    if len(data) < CLOSE_HEAD:
        raise ValueError("FF45 too short")
    payments = [from_u(data[4 + 5 * i : 9 + 5 * i]) for i in range(PAYMENT_SLOTS)]
    return {"payments": payments, "rounding": data[84], "tax_system": data[115], "text": decode_text(data[116:])}
