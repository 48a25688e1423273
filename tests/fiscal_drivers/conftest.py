"""Fixtures: the emulated register on a pty or TCP, and drivers opened with real pyserial."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from fiscal_drivers import (
    Line,
    Operation,
    Payments,
    Person,
    Receipt,
    Timeouts,
    VatRate,
    open_register,
)
from fiscal_drivers.emulator import Emulator

FAST = dict(byte=0.05, scale=0.1, recovery=5.0, busy=1.0)


def fast_timeouts(**overrides: float) -> Timeouts:
    return Timeouts(**{**FAST, **overrides})  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """Every emulator thread started by a test is stopped by its end."""
    before = {t.ident for t in threading.enumerate()}
    yield
    leaked = [t for t in threading.enumerate() if t.ident not in before and t.name == "fiscal-emulator" and t.is_alive()]
    assert not leaked, f"emulator threads left running: {leaked}"


@pytest.fixture(params=["pty", "tcp"])
def emulator(request: pytest.FixtureRequest, tmp_path) -> Iterator[Emulator]:
    tcp = 0 if request.param == "tcp" else None
    with Emulator(tcp_port=tcp, journal=str(tmp_path / "fn.jsonl"), state=str(tmp_path / "state.json")) as emu:
        yield emu


@pytest.fixture
def pty_emulator(tmp_path) -> Iterator[Emulator]:
    with Emulator(journal=str(tmp_path / "fn.jsonl")) as emu:
        yield emu


@pytest.fixture
def kkt(emulator: Emulator):
    with open_register(emulator.url, timeouts=fast_timeouts()) as reg:
        yield reg


@pytest.fixture
def pty_kkt(pty_emulator: Emulator):
    with open_register(pty_emulator.url, timeouts=fast_timeouts()) as reg:
        yield reg


CASHIER = Person(name="Иванова А.П.", inn="772012345678")


def simple_receipt(name: str = "Кран шаровый 1/2", price: int = 45000, **payments: int) -> Receipt:
    return Receipt(
        operation=Operation.INCOME, lines=(Line(name=name, price=price, vat=VatRate.VAT22),),
        payments=Payments(**(payments or {"electronic": price})), cashier=CASHIER,
    )
