"""Contention and a wrong database are clear one-line answers, not crashes (issue 10, item 6)."""

import sqlite3
import threading
import time

import psycopg
import pytest

from omnidesk.cli import main
from omnidesk.core.enums import CustomerKind
from omnidesk.persistence import db as persistence_db
from omnidesk.persistence import migrate
from omnidesk.persistence.models import Customer
from omnidesk.services.database import init_database


@pytest.fixture(autouse=True)
def _admin_password(monkeypatch):
    monkeypatch.setenv("OMNIDESK_PASSWORD", "admin-password-1")  # `init` creates the admin with it


def run(capsys, *argv):
    """The command; on PostgreSQL as the administrator (sign-in is required there)."""
    argv = list(argv)
    if argv[0] != "init" and any(a.startswith("postgresql") for a in argv):
        argv += ["--user", "admin"]
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_mistyped_path_is_reported_and_not_created(capsys, tmp_path):
    missing = tmp_path / "oops" / "omnidesk.sqlite3"
    code, _, err = run(capsys, "orders", "list", "--db", str(missing))
    assert code == 2 and "нет" in err and "omnidesk init" in err and "Traceback" not in err
    assert not missing.exists() and not missing.parent.exists()


@pytest.mark.parametrize("url", ["foo://", "mysql://u@localhost/db"])
def test_a_database_of_another_kind_is_refused_in_words(capsys, url):
    code, _, err = run(capsys, "orders", "list", "--db", url)
    assert code == 2 and "не поддерживается" in err


def test_a_file_that_is_not_a_database(capsys, tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("это не база данных\n" * 200, encoding="utf-8")
    code, _, err = run(capsys, "orders", "list", "--db", str(junk))
    assert code == 2 and "не является базой" in err


def test_commands_other_than_init_do_not_migrate(capsys, db_url):
    if db_url.startswith("sqlite"):
        sqlite3.connect(db_url.removeprefix("sqlite:///")).close()  # an empty file
    code, _, err = run(capsys, "orders", "list", "--db", db_url)
    assert code == 2 and "omnidesk init" in err
    engine = persistence_db.make_engine(db_url)
    assert migrate.current_revision(engine) is None
    engine.dispose()
    assert run(capsys, "init", "--db", db_url)[0] == 0
    assert run(capsys, "orders", "list", "--db", db_url)[0] == 0


@pytest.mark.postgres
def test_two_first_starts_on_an_empty_postgresql_database_both_succeed(pg_url):
    results, errors = [], []

    def start():
        try:
            db, result = init_database(pg_url)
            results.append(result)
            db.engine.dispose()
        except Exception as exc:  # pragma: no cover - what the test is about
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(r.created for r in results) == [False, True]


def _customer(capsys, url) -> str:
    assert run(capsys, "init", "--db", url)[0] == 0
    db, _ = init_database(url)
    with db.unit_of_work() as s:
        s.add(Customer(kind=CustomerKind.INDIVIDUAL, name="Иванов Иван", phone="+79160000001"))
    db.engine.dispose()
    return "+79160000001"


def test_a_busy_sqlite_database_says_so_and_the_command_is_retried_once(capsys, sqlite_url, monkeypatch):
    monkeypatch.setattr(persistence_db, "SQLITE_WAIT_S", 0.3)
    phone = _customer(capsys, sqlite_url)
    other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another workstation in the middle of a write
    code, _, err = run(capsys, "payments", "add", "--customer", phone, "--amount", "100", "--kind", "cash",
                       "--db", sqlite_url)
    assert code == 2 and "занято другим рабочим местом, повторите" in err and "OperationalError" not in err
    threading.Timer(0.15, lambda: other.execute("ROLLBACK")).start()  # it finishes while we wait to retry
    code, _out, err = run(capsys, "payments", "add", "--customer", phone, "--amount", "100", "--kind", "cash",
                         "--db", sqlite_url)
    assert code == 0, err
    other.close()


@pytest.mark.postgres
def test_a_row_held_on_postgresql_is_busy_not_a_crash(capsys, pg_url, monkeypatch):
    monkeypatch.setattr(persistence_db, "LOCK_WAIT_S", 0.3)
    phone = _customer(capsys, pg_url)
    plain, _, query = pg_url.replace("+psycopg", "").partition("?")
    schema = query.split("%3D")[-1]
    with psycopg.connect(plain, options=f"-csearch_path={schema}") as other:
        other.execute("SELECT id FROM customers FOR UPDATE")
        started = time.monotonic()
        code, _, err = run(capsys, "payments", "add", "--customer", phone, "--amount", "100", "--kind", "cash",
                           "--db", pg_url)
        assert code == 2 and "занято другим рабочим местом, повторите" in err, err
        assert time.monotonic() - started < 10


@pytest.mark.postgres
def test_a_deadlock_between_two_workstations_is_busy_for_one_of_them(pg_url):
    """Two units of work locking two rows in opposite orders: the server breaks the deadlock, one gets Busy."""
    import sqlalchemy as sa

    from omnidesk.core.errors import Busy
    from omnidesk.services.uow import Database

    db, _ = init_database(pg_url)
    with db.unit_of_work() as s:
        s.add_all([Customer(kind=CustomerKind.INDIVIDUAL, name="А"), Customer(kind=CustomerKind.INDIVIDUAL, name="Б")])
    first, second = Database(persistence_db.make_engine(pg_url)), Database(persistence_db.make_engine(pg_url))
    barrier, outcomes = threading.Barrier(2), []

    def work(db, ids):
        try:
            with db.unit_of_work() as s:
                for n, customer_id in enumerate(ids):
                    s.execute(sa.text("SELECT id FROM customers WHERE id = :i FOR UPDATE"), {"i": customer_id})
                    if n == 0:
                        barrier.wait(timeout=30)
            outcomes.append("ok")
        except Busy as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=work, args=(first, (1, 2))), threading.Thread(target=work, args=(second, (2, 1)))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "занято другим рабочим местом, повторите"]
    for d in (db, first, second):
        d.engine.dispose()
