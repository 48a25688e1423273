"""The app killed with SIGKILL at random moments while printing, then started again.

The register is the emulator in a process of its own (it outlives the app, like a device). The app
is the real ``omnidesk fiscal print-owed`` command. After every kill the next run recovers; at the
end every receipt is printed exactly once and the journal and the fiscal storage agree.

Trials: ``OMNIDESK_CRASH_TRIALS`` (default 200 on CI, 30 elsewhere, to keep local runs short).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from omnidesk.core.enums import PaymentKind, ReceiptStatus
from omnidesk.persistence.models import AuditEntry, Receipt
from omnidesk.services.database import init_database
from omnidesk.services.ledger import register_payment

from .conftest import CASHIER, Shop

TRIALS = int(os.environ.get("OMNIDESK_CRASH_TRIALS", "200" if os.environ.get("CI") == "true" else "30"))
ROOT = Path(__file__).resolve().parents[3]


def _start_emulator(tmp_path: Path) -> tuple[subprocess.Popen, str]:
    emulator = subprocess.Popen(
        [sys.executable, "-m", "fiscal_drivers.emulator", "--tcp", "0", "--journal", str(tmp_path / "fn.jsonl"),
         "--state", str(tmp_path / "kkt.json"), "--baud", "19200", "--busy-rate", "0"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    return emulator, emulator.stdout.readline().strip()


def _app_env(tmp_path: Path, url: str) -> dict:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"fiscal.url": url, "user.name": "Кассир"}), encoding="utf-8")
    return {**os.environ, "OMNIDESK_CONFIG_DIR": str(config), "OMNIDESK_DATA_DIR": str(tmp_path / "data"),
            "PYTHONPATH": str(ROOT)}


def _journal_size(journal: Path) -> int:
    return journal.stat().st_size if journal.exists() else 0


def _wait_for_printing(app: subprocess.Popen, journal: Path, timeout: float = 60.0) -> None:
    """Until the register's journal grows (the app is printing), the app ends, or ``timeout`` passes."""
    size, deadline = _journal_size(journal), time.monotonic() + timeout
    while app.poll() is None and _journal_size(journal) == size and time.monotonic() < deadline:
        time.sleep(0.02)


def test_killed_while_printing_never_prints_twice_nor_loses_a_receipt(sqlite_url, tmp_path):
    db = init_database(sqlite_url)[0]
    buyer = Shop(db).customer(email="buyer@mail.ru")
    for i in range(TRIALS * 2 + 20):
        register_payment(db, CASHIER, customer_id=buyer, kind=PaymentKind.CASH if i % 2 else PaymentKind.CARD,
                         amount=10_000 + i)
    emulator, url = _start_emulator(tmp_path)
    try:
        env = _app_env(tmp_path, url)
        command = [sys.executable, "-m", "omnidesk", "fiscal", "print-owed", "--db", sqlite_url]
        rng = random.Random(20260105)
        journal = tmp_path / "fn.jsonl"
        for _ in range(TRIALS):
            app = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _wait_for_printing(app, journal)  # start-up time varies with the machine's load; kill while it prints
            time.sleep(rng.uniform(0.0, 1.1))
            app.send_signal(signal.SIGKILL)
            app.wait(timeout=10)
        final = subprocess.run([*command, "--json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert final.returncode == 0, final.stderr
    finally:
        emulator.terminate()
        emulator.wait(timeout=10)

    fiscalised = [json.loads(line) for line in (tmp_path / "fn.jsonl").read_text(encoding="utf-8").splitlines()]
    receipts_in_fn = {doc["number"]: doc for doc in fiscalised if doc["type"] == 3}
    with db.read() as s:
        receipts = s.execute(sa.select(Receipt.status, Receipt.fd_number, Receipt.total, Receipt.fiscal_sign)).all()
    assert {r.status for r in receipts} == {ReceiptStatus.PRINTED}, "none lost, none left pending"
    assert len(receipts_in_fn) == len(receipts), "the FN holds exactly one document per receipt"
    assert {r.fd_number for r in receipts} == set(receipts_in_fn), "the journal and the device agree"
    for r in receipts:
        assert receipts_in_fn[r.fd_number]["1020"] == r.total
        assert str(receipts_in_fn[r.fd_number]["fiscal_sign"]) == r.fiscal_sign
    with db.read() as s:
        actions = dict(s.execute(sa.select(AuditEntry.action, sa.func.count()).group_by(AuditEntry.action)).all())
        recovered = s.scalar(sa.select(sa.func.count()).where(AuditEntry.action == "receipt.print.done",
                                                              AuditEntry.details.like('%"recovered": true%')))
    interrupted = actions.get("receipt.print.failed", 0) + recovered
    print(f"{TRIALS} kills: {len(receipts)} receipts printed once each; {recovered} found fiscalised after a kill, "
          f"{actions.get('receipt.print.failed', 0)} found not fiscalised and printed again")
    assert interrupted > 0 or TRIALS < 30, "the kills never landed inside a print: the test proves nothing"
    db.engine.dispose()
