"""The command line speaks Russian to people: statuses, kinds, argparse's own words, file errors.
JSON keys and values may stay English."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

import pytest

from omnidesk.cli import main
from omnidesk.core.enums import OrderStatus, ReceiptStatus
from omnidesk.core.receipts import ReceiptKind
from omnidesk.services.database import open_database
from omnidesk.services.reports import payments_register

ENGLISH = re.compile("|".join(sorted({s.value for s in OrderStatus} | {s.value for s in ReceiptStatus}
                                     | {k.value for k in ReceiptKind}, key=len, reverse=True)))


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(capsys, sqlite_url):
    assert run(capsys, "init", "--demo", "--db", sqlite_url)[0] == 0
    return sqlite_url


def test_statuses_and_receipt_kinds_are_russian(capsys, demo):
    for argv in (("orders", "list"), ("receipts", "owed")):
        code, out, _ = run(capsys, *argv, "--db", demo)
        assert code == 0 and out.strip()
        assert ENGLISH.findall(out) == [], argv


@pytest.mark.parametrize("argv, absent", [
    (("payments", "add", "--kind", "bitcoin"), ("usage:", "error:", "invalid choice")),
    (("export", "act"), ("usage:", "the following arguments are required")),
    (("bank", "import", "/nonexistent/statement.txt"), ("No such file", "Errno")),
    (("--help",), ("usage:", "show this help", "positional arguments")),
])
def test_argparse_and_the_system_speak_russian(capsys, sqlite_url, argv, absent):
    with contextlib.suppress(SystemExit):
        main([*argv, *(() if argv == ("--help",) else ("--db", sqlite_url))])
    out, err = capsys.readouterr()
    text = out + err
    assert not [a for a in absent if a in text], text
    assert re.search("[а-я]", text)


def test_payments_register_names_the_source_in_russian(demo):
    db = open_database(demo)
    today = dt.date.today()
    from omnidesk.services.auth import Actor

    register = payments_register(db, Actor("Менеджер"), today - dt.timedelta(days=10), today)
    db.engine.dispose()
    assert register.rows and {row.source for row in register.rows} <= {"демонстрационные данные", "касса"}
