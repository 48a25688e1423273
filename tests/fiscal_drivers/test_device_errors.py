"""Every device error reaches the caller as its typed exception with the Russian message."""

from __future__ import annotations

import os
import time

import pytest

from fiscal_drivers import Operation, Payments, Receipt, open_register
from fiscal_drivers import errors as e
from fiscal_drivers.emulator import DeviceFault
from fiscal_drivers.ffd import encode_tlv

from .conftest import CASHIER, fast_timeouts, simple_receipt

RUSSIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


@pytest.mark.parametrize("code", sorted(e.DEVICE_ERRORS))
def test_every_table_code_arrives_typed(pty_emulator, pty_kkt, code: int) -> None:
    def fail(body: bytes) -> bytes:
        raise DeviceFault(code)

    pty_emulator.device.handlers[0x10] = fail
    cls, _message = e.DEVICE_ERRORS[code]
    with pytest.raises(cls) as info:
        pty_kkt.commands.short_status()  # 50h only after the busy retries run out
    assert info.value.code == code
    assert set(info.value.message.lower()) & RUSSIAN


def test_no_shift(pty_kkt) -> None:
    with pytest.raises(e.ShiftClosedError) as info:
        pty_kkt.print_receipt(simple_receipt())
    assert info.value.code == 0x73 and "смена не открыта" in info.value.message
    with pytest.raises(e.ShiftClosedError):
        pty_kkt.cash_in(100)


def test_shift_over_24_hours_needs_z(pty_emulator, pty_kkt) -> None:
    pty_kkt.open_shift(CASHIER)
    pty_emulator.device.advance_clock(25 * 3600)
    assert pty_kkt.status().shift_expired
    with pytest.raises(e.ShiftExpiredError) as info:
        pty_kkt.print_receipt(simple_receipt())
    assert info.value.code == 0x4E and info.value.message == "смена превысила 24 часа — снимите Z-отчёт"
    with pytest.raises(e.ShiftExpiredError):
        pty_kkt.x_report()
    pty_kkt.close_shift()
    pty_kkt.open_shift()
    assert pty_kkt.print_receipt(simple_receipt()).shift_number == 2


def test_receipt_already_open(pty_kkt) -> None:
    pty_kkt.open_shift()
    pty_kkt.commands.open_receipt(0)
    with pytest.raises(e.ReceiptOpenError) as info:
        pty_kkt.print_receipt(simple_receipt())
    assert info.value.code == 0x4A
    assert pty_kkt.cancel_open_document() is True and pty_kkt.cancel_open_document() is False
    pty_kkt.print_receipt(simple_receipt())


def test_payments_below_total_and_not_enough_cash(pty_emulator, pty_kkt) -> None:
    pty_kkt.open_shift()
    c = pty_kkt.commands
    c.open_receipt(0)
    c.operation(op=1, qty=1_000_000, price=45000, amount=45000, rate=0xCB, method=4, subject=1, name="Кран")
    with pytest.raises(e.PaymentsBelowTotalError) as info:
        c.close_receipt([40000] + [0] * 15, 1)
    assert info.value.code == 0x45 and "меньше итога" in info.value.message
    pty_kkt.cancel_open_document()
    with pytest.raises(e.InvalidDocumentError):  # the driver refuses it before the device does
        pty_kkt.print_receipt(simple_receipt(cash=100))
    with pytest.raises(e.NotEnoughCashError) as cash:
        pty_kkt.cash_out(10**9)
    assert cash.value.code == 0x46
    assert len(pty_emulator.journal) == 1


def test_bad_parameters_and_tlv_limit(pty_emulator, pty_kkt) -> None:
    pty_kkt.open_shift()
    c = pty_kkt.commands
    c.open_receipt(0)
    c.operation(op=1, qty=1_000_000, price=45000, amount=45000, rate=0xCB, method=4, subject=1, name="Кран")
    for tlv in (encode_tlv(1178, 1772409600), encode_tlv(2108, 0), encode_tlv(1179, "ПР-1")):
        with pytest.raises(e.BadParametersError) as info:  # bare 1178 (JP#149), item tag in FF0C
            c.receipt_tlv(tlv)
        assert info.value.code == 0x33
    # the FN's 250-byte limit (over a v1 frame at most 249 bytes fit; checked on the device directly)
    assert pty_emulator.device.handle(b"\xff\x0c\x1e\0\0\0" + encode_tlv(1008, "x" * 247)) == b"\xff\x0c\x33"
    with pytest.raises(e.BadParametersError):
        c.item_tlv(encode_tlv(2108, 255))  # fr_drv_ng_examples#39
    with pytest.raises(e.BadParametersError):  # sum far from price × quantity
        c.operation(op=1, qty=1_000_000, price=45000, amount=99999, rate=0xCB, method=4, subject=1, name="Кран")
    c.receipt_tlv(encode_tlv(1008, "x" * 245))  # 249 bytes: the most a v1 frame carries (255 − CMD − password)
    with pytest.raises(ValueError):
        c.receipt_tlv(encode_tlv(1008, "x" * 246))
    pty_kkt.cancel_open_document()
    long_contact = simple_receipt().__class__(**{**simple_receipt().__dict__, "buyer_contact": "x" * 300})
    with pytest.raises(e.InvalidDocumentError):
        pty_kkt.print_receipt(long_contact)
    assert len(pty_emulator.journal) == 1


def test_printer_busy_is_retried_then_reported(pty_emulator, pty_kkt) -> None:
    pty_kkt.open_shift()
    pty_emulator.device.busy_rate = 0.4
    for _ in range(5):
        pty_kkt.print_receipt(simple_receipt())
    pty_emulator.device.busy_rate = 1.0
    started = time.monotonic()
    with pytest.raises(e.PrinterBusyError) as info:
        pty_kkt.x_report()
    assert info.value.code == 0x50 and time.monotonic() - started < 3
    pty_emulator.device.busy_rate = 0.0
    assert len(pty_emulator.journal) == 6


def test_paper_out_then_waiting_for_continue(pty_emulator, pty_kkt) -> None:
    pty_kkt.open_shift()
    pty_emulator.device.paper_out = True
    assert not pty_kkt.status().paper_present
    with pytest.raises(e.PaperOutError) as info:
        pty_kkt.print_receipt(simple_receipt())
    assert info.value.code == 0x6B and info.value.message == "нет бумаги — заправьте чековую ленту"
    c = pty_kkt.commands
    pty_emulator.device.paper_out = False
    c.open_receipt(0)
    pty_emulator.device.paper_out = True
    with pytest.raises(e.PaperOutError):
        c.operation(op=1, qty=1_000_000, price=100, amount=100, rate=0xCB, method=4, subject=1, name="Кран")
    pty_emulator.device.paper_out = False  # paper loaded mid-receipt: the device waits for B0h
    assert pty_kkt.status().submode == 3
    c.operation(op=1, qty=1_000_000, price=100, amount=100, rate=0xCB, method=4, subject=1, name="Кран")  # B0h sent
    pty_emulator.device.state.submode = 3
    pty_emulator.device.handlers[0xB0] = lambda body: bytes([30])  # firmware that stays waiting
    with pytest.raises(e.WaitingForContinueError) as wait:
        c.operation(op=1, qty=1_000_000, price=100, amount=100, rate=0xCB, method=4, subject=1, name="Кран")
    assert wait.value.code == 0x58


def test_wrong_password(pty_emulator) -> None:
    with open_register(pty_emulator.url, password=99, timeouts=fast_timeouts()) as kkt:
        with pytest.raises(e.WrongPasswordError) as info:
            kkt.status()
    assert info.value.code == 0x4F


def test_silent_line_times_out() -> None:
    master, slave = os.openpty()
    try:
        with open_register(os.ttyname(slave), timeouts=fast_timeouts(byte=0.01, tries=3)) as kkt:
            started = time.monotonic()
            with pytest.raises(e.LinkTimeout) as info:
                kkt.status()
        assert time.monotonic() - started < 2 and "не отвечает" in info.value.message
    finally:
        os.close(master)
        os.close(slave)


def test_unreachable_during_close_is_unknown_state(pty_emulator) -> None:
    timeouts = fast_timeouts(byte=0.01, tries=3, recovery=0.3, scale=0.01)
    with open_register(pty_emulator.url, timeouts=timeouts) as kkt:
        kkt.open_shift()
        before = kkt.last_document_number()
        pty_emulator.faults.arm_poweroff(121 + 2, 0xFF45, duration=1.5)  # committed, answer never sent, dark for long
        with pytest.raises(e.FiscalStateUnknownError) as info:
            kkt.print_receipt(simple_receipt())
        assert info.value.last_known_fd == before
        time.sleep(1.3)
        found = kkt.recover(before)
        assert found.fiscalised is True and found.document is not None and found.last_document_number == before + 1


def test_errors_share_one_root() -> None:
    assert all(issubclass(cls, e.FiscalError) for cls, _ in e.DEVICE_ERRORS.values())
    for cls in (e.LinkTimeout, e.AnswerLost, e.DocumentNotFiscalisedError, e.InvalidDocumentError):
        assert issubclass(cls, e.FiscalError)
    assert Operation.INCOME == 1 and Payments().total == 0 and Receipt
