"""Input the types cannot hold gets a clear one-line answer (issue 10, item 7)."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from omnidesk.cli import main
from omnidesk.core.enums import CustomerKind, PaymentKind
from omnidesk.persistence.models import Customer
from omnidesk.services.auth import Actor
from omnidesk.services.customers import customer_card
from omnidesk.services.ledger import register_payment


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _demo(capsys, url):
    assert run(capsys, "init", "--demo", "--db", url)[0] == 0


@pytest.mark.parametrize("amount", ["١٢٣", "１２３", "100000000000000000"])
def test_amounts_that_are_not_amounts(capsys, sqlite_url, amount):
    _demo(capsys, sqlite_url)
    code, _, err = run(capsys, "payments", "add", "--customer", "1", "--amount", amount, "--kind", "cash",
                       "--db", sqlite_url)
    assert code == 2 and ("не сумма" in err or "слишком большая" in err) and "Error" not in err


def test_thirty_million_roubles_fit(db):
    with db.unit_of_work() as s:
        buyer = Customer(kind=CustomerKind.COMPANY, name="ООО «Большой заказ»", inn="7700000001")
        s.add(buyer)
        s.flush()
        buyer_id = buyer.id
    result = register_payment(db, Actor("Кассир"), customer_id=buyer_id, kind=PaymentKind.TRANSFER,
                              amount=3_000_000_000)
    assert result.balance == 3_000_000_000 == customer_card(db, buyer_id).balance


@pytest.mark.parametrize("argv", [
    ("payments", "unallocate", "99999999999999999999"),
    ("payments", "move", "0", "--to", "1"),
    ("plan", "--date", "2026-03-10", "--time-limit", "nan"),
    ("plan", "--date", "2026-03-10", "--time-limit", "inf"),
    ("plan", "--date", "2026-03-10", "--seed", "99999999999999999999999"),
])
def test_numbers_beyond_what_a_command_takes_are_refused_by_the_parser(capsys, argv):
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    assert stopped.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("key, value, words", [("ui.lang", "klingon", "ui.lang"),
                                               ("depot.lat", "abc", "depot.lat")])
def test_a_hand_edited_settings_file_names_the_bad_key_and_the_file(capsys, sqlite_url, key, value, words):
    _demo(capsys, sqlite_url)
    path = os.path.join(os.environ["OMNIDESK_CONFIG_DIR"], "settings.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({key: value}, fh)
    code, _, err = run(capsys, "orders", "list", "--db", sqlite_url)
    assert code == 2 and words in err and "settings.json" in err and "Error" not in err


def test_config_takes_a_southern_latitude_and_refuses_an_endless_speed(capsys):
    assert run(capsys, "config", "set", "depot.lat", "-33.9")[0] == 0
    code, _, err = run(capsys, "config", "set", "routing.speed_kmh", "Infinity")
    assert code == 2 and "routing.speed_kmh" in err
    assert run(capsys, "config", "set", "routing.detour_factor", "NaN")[0] == 2


def test_bank_import_of_an_endless_file_stops_at_the_size_limit(capsys, sqlite_url):
    _demo(capsys, sqlite_url)
    code, _, err = run(capsys, "bank", "import", "/dev/zero", "--db", sqlite_url)
    assert code == 2 and "не выписка" in err


def test_a_full_disk_leaves_the_old_file_and_no_broken_one(tmp_path):
    """A real limit on file size (RLIMIT_FSIZE) stands in for a full disk."""
    target = tmp_path / "act.xlsx"
    target.write_bytes(b"the previous export")
    script = textwrap.dedent(f"""
        import datetime as dt, resource, signal
        from omnidesk.integrations.excel import write_act, Party, ReconciliationAct, ActRow
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
        day = dt.date(2026, 3, 10)
        act = ReconciliationAct(Party("Мы"), Party("Они"), 1, day, day, 0,
                                tuple(ActRow(day, "order", f"Заказ №{{i}}", "x" * 50, 100, 0) for i in range(50)))
        try:
            write_act(act, {str(target)!r})
        except OSError as exc:
            print("refused:", exc.strerror)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert "refused" in done.stdout, done.stdout + done.stderr
    assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["act.xlsx"]
