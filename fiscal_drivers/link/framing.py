"""Shtrih-M standard ("v1") framing — pure functions, no I/O.

::

    +-----+-----+-----+------------+-----+
    | STX | LEN | CMD | DATA ...   | LRC |     LEN = len(CMD + DATA) ≤ 255
    | 02  |     | 1–2 |            |     |     LRC = XOR of LEN .. last DATA byte
    +-----+-----+-----+------------+-----+

Extended commands are two bytes ``FF xx`` sent big-endian. Control bytes: ENQ 05,
ACK 06, NAK 15 (reference/fiscal.md §1.1).
"""

from __future__ import annotations

from functools import reduce

STX, ENQ, ACK, NAK = 0x02, 0x05, 0x06, 0x15
MAX_PAYLOAD = 255


def lrc(data: bytes) -> int:
    """XOR of all bytes."""
    return reduce(lambda acc, b: acc ^ b, data, 0)


def encode_frame(payload: bytes) -> bytes:
    """``STX LEN payload LRC`` for a payload of CMD + DATA."""
    if not 0 < len(payload) <= MAX_PAYLOAD:
        raise ValueError(f"payload of {len(payload)} bytes does not fit a frame")
    body = bytes([len(payload)]) + payload
    return bytes([STX]) + body + bytes([lrc(body)])


def parse_frame(frame: bytes) -> bytes:
    """Inverse of :func:`encode_frame`; raises ValueError on a bad frame."""
    if len(frame) < 4 or frame[0] != STX or frame[1] != len(frame) - 3:
        raise ValueError("malformed frame")
    if lrc(frame[1:-1]) != frame[-1]:
        raise ValueError("bad LRC")
    return frame[2:-1]


def command_of(payload: bytes) -> int:
    """The command code at the start of a payload: one byte, or ``0xFFxx``."""
    if payload[0] == 0xFF and len(payload) > 1:
        return 0xFF00 | payload[1]
    return payload[0]


def command_bytes(cmd: int) -> bytes:
    """Wire form of a command code (``FF xx`` big-endian for extended ones)."""
    return cmd.to_bytes(2, "big") if cmd > 0xFF else bytes([cmd])
