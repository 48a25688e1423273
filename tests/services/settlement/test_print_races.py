"""Two workstations printing the owed receipts at once (issue 10, items 4 and 5).

Each round makes a few receipts owed, then two workstations (threads, each with its own database engine
and its own connection to the register) run ``print_owed`` at one barrier: on the built-in emulator (each
workstation starts its own, on the same fiscal storage files) and on one emulated register on a TCP port.
Afterwards every receipt is in the fiscal storage exactly once and agrees with the database.

Rounds: ``OMNIDESK_PRINT_ROUNDS`` (default 50 on CI, 8 elsewhere, to keep local runs short).
"""

from __future__ import annotations

import json
import os
import threading

import pytest
import sqlalchemy as sa

from fiscal_drivers.emulator import Emulator
from omnidesk.core.enums import PaymentKind, ReceiptStatus
from omnidesk.core.errors import Busy
from omnidesk.integrations.fiscal import EMULATOR, RegisterConnection
from omnidesk.persistence.db import make_engine
from omnidesk.persistence.models import Receipt
from omnidesk.services.fiscal import FiscalJournal
from omnidesk.services.ledger import register_payment
from omnidesk.services.uow import Database

from .conftest import CASHIER

ROUNDS = int(os.environ.get("OMNIDESK_PRINT_ROUNDS", "50" if os.environ.get("CI") == "true" else "8"))


def _owe(db, customer: int, count: int) -> None:
    for i in range(count):
        register_payment(db, CASHIER, customer_id=customer, kind=PaymentKind.CARD, amount=10000 + i)


def _race(url: str, connect, rounds: int, owe) -> list[BaseException]:
    workstations = [Database(make_engine(url)) for _ in range(2)]
    barrier = threading.Barrier(2)
    surprises: list[BaseException] = []

    def work(k: int) -> None:
        for _ in range(rounds):
            if k == 0:
                owe()
            barrier.wait(timeout=120)
            journal = FiscalJournal(workstations[k], connect, CASHIER)
            try:
                run = journal.print_owed()
                if run.error:
                    surprises.append(AssertionError(run.error))
            except Exception as exc:
                surprises.append(exc)
            finally:
                journal.close()
            barrier.wait(timeout=120)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for w in workstations:
        w.engine.dispose()
    return surprises


def assert_exactly_once(db, documents: list[dict]) -> None:
    receipts = [d for d in documents if d["type"] == 3]
    with db.read() as s:
        rows = s.execute(sa.select(Receipt.id, Receipt.status, Receipt.fd_number, Receipt.total)).all()
    assert {r.status for r in rows} == {ReceiptStatus.PRINTED}
    assert len(receipts) == len(rows), "every receipt in the fiscal storage exactly once"
    by_number = {d["number"]: d for d in receipts}
    assert len(by_number) == len(receipts)
    for row in rows:
        assert by_number[row.fd_number]["1020"] == row.total, row


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def test_two_workstations_on_the_built_in_emulator_print_each_receipt_once(db, shop, tmp_path):
    buyer = shop.customer()
    directory = tmp_path / "emulator"
    surprises = _race(_url(db), lambda: RegisterConnection(EMULATOR, emulator_dir=directory), ROUNDS,
                      lambda: _owe(db, buyer, 2))
    assert surprises == []
    documents = [json.loads(line) for line in (directory / "fn.jsonl").read_text(encoding="utf-8").splitlines()]
    assert_exactly_once(db, documents)


def test_two_workstations_on_one_tcp_register_print_each_receipt_once(db, shop, tmp_path):
    buyer = shop.customer()
    with Emulator(tcp_port=0, journal=str(tmp_path / "fn.jsonl"), state=str(tmp_path / "kkt.json")) as emulator:
        surprises = _race(_url(db), lambda: RegisterConnection(emulator.url), ROUNDS, lambda: _owe(db, buyer, 2))
        assert surprises == []
        assert_exactly_once(db, emulator.journal)


def test_the_built_in_emulator_held_by_another_program_is_busy_not_a_crash(db, tmp_path):
    """A second program on the same register memory waits a bounded time, then says the register is in use."""
    directory = tmp_path / "emu"
    directory.mkdir()
    holder = Emulator(journal=str(directory / "fn.jsonl"), state=str(directory / "kkt.json"))
    journal = FiscalJournal(db, lambda: RegisterConnection(EMULATOR, emulator_dir=directory, emulator_lock_wait=0.3),
                            CASHIER)
    try:
        with pytest.raises(Busy, match="ККТ занята другим рабочим местом"):
            journal.status()
    finally:
        journal.close()
        holder.stop()
    assert journal.status().last_document_number == 0  # free again


PROCESS_ROUNDS = int(os.environ.get("OMNIDESK_PRINT_PROCESS_ROUNDS", "10" if os.environ.get("CI") == "true" else "2"))


def test_two_print_owed_commands_at_once_on_the_built_in_emulator(sqlite_url, tmp_path):
    """The report's case: two ``omnidesk fiscal print-owed`` processes with ``fiscal.url = emulator``."""
    import subprocess
    import sys

    from omnidesk.config import Settings
    from omnidesk.core.enums import CustomerKind
    from omnidesk.persistence.models import Customer
    from omnidesk.services.database import init_database

    Settings().set("user.name", "Петрова Анна Сергеевна")  # the cashier on the receipts (1021)
    db, _ = init_database(sqlite_url)
    with db.unit_of_work() as s:
        buyer = Customer(kind=CustomerKind.INDIVIDUAL, name="Иванов", phone="+79160000001")
        s.add(buyer)
        s.flush()
        buyer_id = buyer.id
    command = [sys.executable, "-m", "omnidesk", "fiscal", "print-owed", "--db", sqlite_url]
    for _ in range(PROCESS_ROUNDS):
        _owe(db, buyer_id, 3)
        runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
        for run in runs:
            _out, err = run.communicate(timeout=180)
            assert run.returncode == 0, err
            assert "Traceback" not in err and "Exception" not in err
    from omnidesk.services.context import emulator_dir_for

    journal = emulator_dir_for(sqlite_url, demo=False) / "fn.jsonl"  # this database's own built-in register
    documents = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    assert_exactly_once(db, documents)
    db.engine.dispose()
