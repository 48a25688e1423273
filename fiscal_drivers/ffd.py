"""FFD 1.2 values (reference/fiscal.md §3) and the TLV codec the fiscal storage uses.

TLV: ``tag u16 LE, length u16 LE, value``. Value kinds by tag (:data:`TAG_KINDS`):

* ``byte``   — one unsigned byte (1054, 1055, 1199, 1212, 1214, 1173, 2108)
* ``vln``    — money in kopecks, little-endian, minimal length ≤ 6
* ``fvln``   — quantity: first byte = decimal places, then little-endian integer;
  decoded to a decimal string such as ``"2"`` or ``"1.5"`` (never a float)
* ``u32``    — little-endian 4 bytes (FD number, shift number, fiscal sign …)
* ``time``   — UnixTime, 4 bytes (1012, 1178)
* ``str``    — text in CP866, as the FN stores it
* ``stlv``   — nested TLV; decoded to a dict, or to a list for repeatable tags (1059)
"""

from __future__ import annotations

import enum
import struct
from typing import Any

from .text import encode as encode_text


class Operation(enum.IntEnum):
    """Tag 1054, признак расчёта."""

    INCOME = 1
    INCOME_RETURN = 2
    EXPENSE = 3
    EXPENSE_RETURN = 4


class TaxSystem(enum.IntEnum):
    """Tag 1055, система налогообложения (one bit)."""

    OSN = 0x01
    USN_INCOME = 0x02
    USN_INCOME_EXPENSE = 0x04
    ESHN = 0x10
    PSN = 0x20


class VatRate(enum.IntEnum):
    """Tag 1199, ставка НДС (11 and 12 from 2026: приказ ЕД-7-20/1050@)."""

    VAT20 = 1
    VAT10 = 2
    VAT20_120 = 3
    VAT10_110 = 4
    VAT0 = 5
    NO_VAT = 6
    VAT5 = 7
    VAT7 = 8
    VAT5_105 = 9
    VAT7_107 = 10
    VAT22 = 11
    VAT22_122 = 12


class PaymentMethod(enum.IntEnum):
    """Tag 1214, способ расчёта."""

    PREPAYMENT_FULL = 1
    PREPAYMENT = 2
    ADVANCE = 3
    FULL = 4
    PARTIAL_AND_CREDIT = 5
    CREDIT = 6
    CREDIT_PAYMENT = 7


class PaymentSubject(enum.IntEnum):
    """Tag 1212, предмет расчёта (the values this retailer uses)."""

    GOODS = 1
    EXCISE = 2
    WORK = 3
    SERVICE = 4
    PAYMENT = 10
    AGENT = 11
    OTHER = 13
    MARKED_EXCISE = 31
    UNMARKED = 32
    MARKED = 33


class CorrectionType(enum.IntEnum):
    """Tag 1173, тип коррекции."""

    SELF = 0
    BY_ORDER = 1


class DocumentType(enum.IntEnum):
    """Fiscal document type as the FN reports it."""

    SHIFT_OPEN = 2
    RECEIPT = 3
    SHIFT_CLOSE = 5
    CORRECTION = 31


BYTE, VLN, FVLN, U32, TIME, STR, STLV = "byte", "vln", "fvln", "u32", "time", "str", "stlv"

TAG_KINDS: dict[int, str] = {
    **dict.fromkeys((1054, 1055, 1173, 1199, 1209, 1212, 1214, 2108), BYTE),
    **dict.fromkeys((1020, 1031, 1043, 1079, 1081, 1215, 1216, 1217), VLN),
    **dict.fromkeys((1102, 1103, 1104, 1105, 1106, 1107, 1200), VLN),
    1023: FVLN,
    **dict.fromkeys((1038, 1040, 1042, 1077), U32),
    **dict.fromkeys((1012, 1178), TIME),
    **dict.fromkeys((1008, 1021, 1030, 1179, 1203, 1227, 1228, 2000), STR),
    1013: STR,  # serial number of the register
    **dict.fromkeys((1059, 1174, 1256), STLV),
}
#: STLV tags that may repeat inside one document; decoded to a list.
REPEATABLE = frozenset({1059})
TEXT_ENCODING = "cp866"
MAX_TLV = 250  # bytes of TLV per FF0C/FF4D command (P117 p.46)


#: Receipt-level VAT tags by 1199 code (FFD 1.2; 1102/1106 carry the 22 % rates from 2026, ЕД-7-20/1050@).
#: 1102/1103/1106/1107 are VAT sums, 1104 and 1105 the turnover at 0 % and without VAT.
RECEIPT_VAT_TAGS: dict[int, int] = {1: 1102, 11: 1102, 2: 1103, 5: 1104, 6: 1105, 3: 1106, 12: 1106, 4: 1107}
#: The rate of each 1199 code as (numerator percent, gross percent): VAT = gross × n / (100 + n).
VAT_PERCENT: dict[int, int] = {1: 20, 2: 10, 3: 20, 4: 10, 5: 0, 6: 0, 7: 5, 8: 7, 9: 5, 10: 7, 11: 22, 12: 22}


def vat_in(gross: int, code: int) -> int:
    """VAT contained in ``gross`` kopecks at 1199 ``code``, rounded half up (tag 1200 and the receipt sums)."""
    pct = VAT_PERCENT[code]
    return (2 * gross * pct + 100 + pct) // (2 * (100 + pct)) if pct else 0


def receipt_vat(items: list[tuple[int, int]]) -> dict[int, int]:
    """Receipt VAT tags from ``(1199 code, 1043 amount)`` items, as the device computes them (T1P14 = 0).

    The sum of each rate is taken on the rate's turnover (not the sum of per-line VATs), as
    the register does; 1104/1105 are that turnover itself. Rates 5/7 % have no receipt tag here.
    """
    turnover: dict[int, int] = {}
    for code, amount in items:
        tag = RECEIPT_VAT_TAGS.get(code)
        if tag is not None:
            turnover[tag] = turnover.get(tag, 0) + amount
    sums: dict[int, int] = {}
    for code, _amount in items:
        tag = RECEIPT_VAT_TAGS.get(code)
        if tag is not None and tag not in sums:
            sums[tag] = turnover[tag] if tag in (1104, 1105) else vat_in(turnover[tag], code)
    return dict(sorted(sums.items()))


def quantity_text(milli: int) -> str:
    """Quantity in thousandths → FFD decimal text: 2000 → "2", 1500 → "1.5"."""
    whole, frac = divmod(milli, 1000)
    return str(whole) if not frac else f"{whole}.{frac:03d}".rstrip("0")


def _encode_value(tag: int, value: Any) -> bytes:
    kind = TAG_KINDS.get(tag)
    if kind == BYTE:
        return bytes([int(value)])
    if kind == VLN:
        raw = int(value).to_bytes(6, "little")
        return raw.rstrip(b"\0") or b"\0"
    if kind == FVLN:
        text = str(value)
        places = len(text.partition(".")[2])
        return bytes([places]) + int(text.replace(".", "")).to_bytes(6, "little").rstrip(b"\0")
    if kind in (U32, TIME):
        return struct.pack("<I", int(value))
    if kind == STR:
        return encode_text(str(value), TEXT_ENCODING)
    if kind == STLV:
        return encode_tags(value)
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    raise ValueError(f"unknown FFD tag {tag}")


def encode_tlv(tag: int, value: Any) -> bytes:
    """One TLV element; a list value for a repeatable tag yields several elements."""
    if tag in REPEATABLE and isinstance(value, list):
        return b"".join(encode_tlv(tag, item) for item in value)
    body = _encode_value(tag, value)
    return struct.pack("<HH", tag, len(body)) + body


def encode_tags(tags: dict[int, Any]) -> bytes:
    """A sequence of TLV elements, in the order given."""
    return b"".join(encode_tlv(int(tag), value) for tag, value in tags.items())


def _decode_value(tag: int, body: bytes) -> Any:
    kind = TAG_KINDS.get(tag)
    if kind in (BYTE, VLN, U32, TIME):
        return int.from_bytes(body, "little")
    if kind == FVLN:
        places, number = body[0], int.from_bytes(body[1:], "little")
        if not places:
            return str(number)
        whole, frac = divmod(number, 10**places)
        return f"{whole}.{frac:0{places}d}"
    if kind == STR:
        return body.decode(TEXT_ENCODING)
    if kind == STLV:
        return decode_tags(body)
    return body.hex()


def decode_tags(data: bytes) -> dict[int, Any]:
    """Parse TLV elements; raises ValueError on a truncated element."""
    tags: dict[int, Any] = {}
    pos = 0
    while pos < len(data):
        if pos + 4 > len(data):
            raise ValueError("truncated TLV header")
        tag, length = struct.unpack_from("<HH", data, pos)
        body = data[pos + 4 : pos + 4 + length]
        if len(body) != length:
            raise ValueError(f"truncated TLV {tag}")
        value = _decode_value(tag, body)
        if tag in REPEATABLE:
            tags.setdefault(tag, []).append(value)
        else:
            tags[tag] = value
        pos += 4 + length
    return tags


def split_tlv(elements: list[bytes], limit: int = MAX_TLV) -> list[bytes]:
    """Pack whole TLV elements into chunks of at most ``limit`` bytes."""
    chunks: list[bytes] = []
    current = b""
    for element in elements:
        if len(element) > limit:
            raise ValueError(f"TLV element of {len(element)} bytes exceeds {limit}")
        if len(current) + len(element) > limit:
            chunks.append(current)
            current = b""
        current += element
    if current:
        chunks.append(current)
    return chunks
