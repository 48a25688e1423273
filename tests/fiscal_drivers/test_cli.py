"""``python -m fiscal_drivers.emulator`` as a separate process, driven over its pty and TCP port."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from fiscal_drivers import open_register

from .conftest import CASHIER, fast_timeouts, simple_receipt

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.mark.parametrize("where", [["--pty"], ["--tcp", "0"]])
def test_emulator_process(tmp_path, where: list[str]) -> None:
    journal, state = tmp_path / "fn.jsonl", tmp_path / "state.json"
    cmd = [sys.executable, "-m", "fiscal_drivers.emulator", *where, "--journal", str(journal), "--state", str(state),
           "--busy-rate", "0.1", "--faults", "corrupt=0.01,drop=0.01"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": ROOT})
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("/dev/") if where == ["--pty"] else url.startswith("socket://127.0.0.1:")
        with open_register(url, timeouts=fast_timeouts()) as kkt:
            kkt.open_shift(CASHIER)
            result = kkt.print_receipt(simple_receipt())
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    docs = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    assert [doc["number"] for doc in docs] == [1, 2] and docs[1]["fiscal_sign"] == result.fiscal_sign
    assert json.loads(state.read_text(encoding="utf-8"))["shift_open"] is True
