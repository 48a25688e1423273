"""Golden frames of reference/fiscal.md §1.1, byte for byte: encoding, decoding, and on the wire."""

from __future__ import annotations

import pytest

from fiscal_drivers.emulator import Device
from fiscal_drivers.errors import PrinterBusyError, device_error
from fiscal_drivers.link.framing import command_bytes, encode_frame, lrc, parse_frame
from fiscal_drivers.shtrih import protocol as p

H = bytes.fromhex


def request(cmd: int, body: bytes = b"") -> bytes:
    return encode_frame(command_bytes(cmd) + p.password(30) + body)


@pytest.mark.parametrize(
    ("cmd", "body", "golden"),
    [
        (0x10, b"", "02 05 10 1E 00 00 00 0B"),
        (0x88, b"", "02 05 88 1E 00 00 00 93"),
        (0x8D, b"\x00", "02 06 8D 1E 00 00 00 00 95"),
        (0xFF01, b"", "02 06 FF 01 1E 00 00 00 E6"),
    ],
)
def test_requests_encode_byte_for_byte(cmd: int, body: bytes, golden: str) -> None:
    assert request(cmd, body) == H(golden)
    assert parse_frame(H(golden))[: len(command_bytes(cmd))] == command_bytes(cmd)


def test_short_status_answer_decodes() -> None:
    frame = H("02 10 10 00 1E 92 02 08 00 01 9F E5 18 01 00 8B 02 00 6D")
    payload = parse_frame(frame)
    assert payload[:2] == b"\x10\x00"
    status = p.unpack_short_status(payload[2:])
    assert status == {"operator": 30, "flags": 0x0292, "mode": 0x08, "submode": 0}
    assert encode_frame(payload) == frame


@pytest.mark.parametrize("golden", ["02 03 88 00 1E 95", "02 03 8D 00 1E 90"])
def test_operator_answers_decode(golden: str) -> None:
    payload = parse_frame(H(golden))
    assert payload[1:] == b"\x00\x1e" and encode_frame(payload) == H(golden)


def fn_status_frame() -> bytes:
    # The reference elides the middle of the FN number ("39 32 … 31"); any digits whose XOR
    # keeps LRC = 68h reproduce the capture's checksum. Pick them deterministically.
    head = H("21 FF 01 00 03 00 00 01 00 15 07 1D 0B 1D")
    tail = H("A9 01 00 00")
    need = 0x68 ^ lrc(head) ^ lrc(tail) ^ lrc(b"921")
    middle = next(
        bytes([a, b, c]) + b"0" * 10
        for a in b"0123456789" for b in b"0123456789" for c in b"0123456789"
        if a ^ b ^ c == need  # the ten "0"s XOR to zero
    )
    fn = b"92" + bytes(middle) + b"1"
    return b"\x02" + head + fn + tail + b"\x68"


def test_fn_status_answer_layout_and_lrc() -> None:
    frame = fn_status_frame()
    payload = parse_frame(frame)  # LRC 68h checks
    fields = p.unpack_fn_status(payload[3:])
    assert fields["life"] == 3 and fields["shift_open"] is True and fields["last_fd"] == 0x1A9
    assert str(fields["datetime"]) == "2021-07-29 11:29:00"
    assert str(fields["fn_number"]).startswith("92") and str(fields["fn_number"]).isdigit()


def test_error_answer_is_cmd_and_code_only() -> None:
    payload = parse_frame(H("02 02 25 50 77"))
    assert payload == b"\x25\x50"
    assert isinstance(device_error(payload[1]), PrinterBusyError)
    assert encode_frame(b"\x25\x50") == H("02 02 25 50 77")


def test_bad_lrc_and_length_are_rejected() -> None:
    with pytest.raises(ValueError):
        parse_frame(H("02 05 10 1E 00 00 00 0C"))
    with pytest.raises(ValueError):
        parse_frame(H("02 06 10 1E 00 00 00 0B"))


def test_emulator_answers_match_the_captures() -> None:
    dev = Device()
    dev.state.shift_open, dev.state.shift_opened_at = True, dev.now()
    assert encode_frame(dev.handle(parse_frame(request(0x8D, b"\x00")))) == H("02 03 8D 00 1E 90")
    fields = dev.handle(parse_frame(request(0x10)))
    assert fields[:2] == b"\x10\x00" and len(fields) == 16
    assert p.unpack_short_status(fields[2:])["mode"] == 0x08
    assert encode_frame(dev.handle(parse_frame(request(0x88)))) == H("02 03 88 00 1E 95")


def test_ff45_and_ff46_layouts() -> None:
    close = p.pack_close(password_value=30, payments=[0] * 16, tax_system=1)
    assert len(close) + 2 == 0x76  # NG#248: LEN 76h with no text
    op = p.pack_operation(
        password_value=30, op=1, qty=2_000_000, price=622500, amount=1245000, rate=0xCB, method=4, subject=1, name="Р"
    )
    fields = p.unpack_operation(op)
    assert (fields["qty"], fields["price"], fields["amount"], fields["rate"], fields["name"]) == (
        2_000_000, 622500, 1245000, 0xCB, "Р",
    )


def test_driver_puts_golden_bytes_on_the_wire(pty_kkt) -> None:
    seen: list[tuple[str, bytes]] = []
    pty_kkt.transport.trace = lambda direction, data: seen.append((direction, data))
    pty_kkt.commands.short_status()
    written = [data for direction, data in seen if direction == ">"]
    assert written == [b"\x05", H("02 05 10 1E 00 00 00 0B"), b"\x06"]
