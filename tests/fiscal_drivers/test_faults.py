"""Fault injection: a noisy line, slow answers, and power cuts at every byte of an FF45 close."""

from __future__ import annotations

import contextlib
import time
from collections import Counter

import pytest

from fiscal_drivers import DocumentNotFiscalisedError, open_register
from fiscal_drivers.emulator import Emulator, Faults
from fiscal_drivers.link.framing import encode_frame
from fiscal_drivers.shtrih import protocol as p

from .conftest import CASHIER, fast_timeouts, simple_receipt

NOISY = fast_timeouts(byte=0.015, tries=10, recovery=3.0, scale=0.01)


def print_exactly_once(kkt, receipt, attempts: int = 10):
    """What the app does: retry only when the driver says the receipt was NOT fiscalised."""
    for _ in range(attempts):
        try:
            return kkt.print_receipt(receipt)
        except DocumentNotFiscalisedError:
            continue
    raise AssertionError("receipt never went through")


@pytest.mark.parametrize(("spec", "count"), [("corrupt=0.01,drop=0.01", 200), ("corrupt=0.1,drop=0.1", 20)])
def test_receipts_on_a_noisy_line(tmp_path, spec: str, count: int) -> None:
    faults = Faults.parse(spec + ",seed=20260105")
    with Emulator(journal=str(tmp_path / "fn.jsonl"), faults=faults, byte_timeout=0.015) as emu:
        with open_register(emu.url, timeouts=NOISY) as kkt:
            print_shift = None
            while print_shift is None:  # the shift open itself may need the settle path
                with contextlib.suppress(DocumentNotFiscalisedError):
                    print_shift = kkt.open_shift(CASHIER)
            results = [print_exactly_once(kkt, simple_receipt(f"Товар №{i}", 1000 + i)) for i in range(count)]
        receipts = [doc for doc in emu.journal if doc["type"] == 3]
    names = Counter(doc["1059"][0]["1030"] for doc in receipts)
    assert len(receipts) == count and set(names.values()) == {1}
    assert [r.fd_number for r in results] == [doc["number"] for doc in receipts]
    assert [r.fiscal_sign for r in results] == [doc["fiscal_sign"] for doc in receipts]


def test_slow_answers(pty_emulator) -> None:
    pty_emulator.faults.delay = 0.1
    with open_register(pty_emulator.url, timeouts=fast_timeouts(byte=0.02)) as kkt:
        kkt.open_shift()
        for i in range(3):
            kkt.print_receipt(simple_receipt(f"Товар №{i}"))
    assert len(pty_emulator.journal) == 4


def ff45_exchange_events() -> int:
    close_frame = len(encode_frame(b"\xff\x45" + p.pack_close(password_value=30, payments=[0] * 16, tax_system=1)))
    answer_frame = len(encode_frame(b"\xff\x45\x00" + bytes(5 + 4 + 4 + 5)))
    return close_frame + 2 + answer_frame  # frame bytes, ACK, commit, answer bytes


def test_power_cut_at_every_byte_of_a_close(pty_emulator) -> None:
    timeouts = fast_timeouts(byte=0.01, tries=4, scale=0.01, recovery=2.0)
    close_frame = ff45_exchange_events() - 2 - 24
    outcomes = []
    with open_register(pty_emulator.url, timeouts=timeouts) as kkt:
        kkt.open_shift()
        for cut in range(ff45_exchange_events() + 1):
            before = len(pty_emulator.journal)
            pty_emulator.faults.arm_poweroff(cut, p.CLOSE_RECEIPT, duration=0.02)
            try:
                result = kkt.print_receipt(simple_receipt(f"Товар при обрыве {cut}"))
            except DocumentNotFiscalisedError:
                assert len(pty_emulator.journal) == before, cut  # not fiscalised, and said so
                assert not kkt.status().receipt_open
                outcomes.append("not fiscalised")
                continue
            assert len(pty_emulator.journal) == before + 1, cut  # fiscalised exactly once
            assert result.fd_number == pty_emulator.journal[-1]["number"]
            assert result.fiscal_sign == pty_emulator.journal[-1]["fiscal_sign"]
            assert result.recovered == (cut > close_frame + 1 and cut < ff45_exchange_events()), cut
            outcomes.append("recovered" if result.recovered else "printed")
        assert kkt.print_receipt(simple_receipt("Следующий чек")).fd_number == pty_emulator.journal[-1]["number"]
    assert outcomes[close_frame + 1] == "not fiscalised"  # acknowledged, power lost before the FN commit
    assert set(outcomes[close_frame + 2 : -1]) == {"recovered"}


@pytest.mark.parametrize("cut", [0, 60, 121, 122, 123, 130])
def test_power_cut_survives_a_restart_from_files(tmp_path, cut: int) -> None:
    journal, state = str(tmp_path / "fn.jsonl"), str(tmp_path / "state.json")
    timeouts = fast_timeouts(byte=0.01, tries=3, scale=0.01, recovery=0.2)
    with Emulator(journal=journal, state=state) as emu:
        with open_register(emu.url, timeouts=timeouts) as kkt:
            kkt.open_shift()
            before = kkt.last_document_number()
            emu.faults.arm_poweroff(cut, p.CLOSE_RECEIPT, duration=5.0)  # the device stays dark: process ends
            started = time.monotonic()
            with pytest.raises(Exception):
                kkt.print_receipt(simple_receipt())
            assert time.monotonic() - started < 3
    with Emulator(journal=journal, state=state) as emu:  # power back: a new process over the same files
        with open_register(emu.url, timeouts=timeouts) as kkt:
            found = kkt.recover(before)
            assert found.fiscalised == (cut >= 123)
            assert found.cancelled_open_document == (cut < 123)
            assert kkt.print_receipt(simple_receipt("После перезапуска")).fd_number == found.last_document_number + 1
