"""PostgreSQL drops the connection (pg_terminate_backend — what a restart or a network cut does to a session):
a clear message, nothing half-written, and the next operation works on a fresh connection."""

import uuid

import psycopg
import pytest
from sqlalchemy import func, select

from omnidesk.cli import main
from omnidesk.core.enums import PaymentKind
from omnidesk.persistence.models import AuditEntry, Payment
from omnidesk.services import audit
from omnidesk.services.auth import Actor
from omnidesk.services.demo import load_demo
from omnidesk.services.ledger import register_payment
from omnidesk.services.uow import ConnectionLost
from tests.conftest import PG_URL
from tests.dbs import ready_database as open_database

CASHIER = Actor("Кассир")


@pytest.fixture
def app_name():
    return f"omnidesk_t_{uuid.uuid4().hex[:10]}"


@pytest.fixture
def url(pg_url, app_name):
    return f"{pg_url}&application_name={app_name}"


def terminate(app_name) -> int:
    """Cut every connection of this test's engine, as a server restart does (other tests' are left alone)."""
    with psycopg.connect(PG_URL.replace("+psycopg", ""), autocommit=True) as conn:
        return conn.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = %s",
                            (app_name,)).fetchone()[0]


def counts(db):
    with db.read() as session:
        return (session.scalar(select(func.count()).select_from(Payment)),
                session.scalar(select(func.count()).select_from(AuditEntry)))


def test_a_write_cut_in_the_middle_leaves_nothing_and_the_next_one_works(url, app_name, monkeypatch):
    db = open_database(url)
    load_demo(db)
    before = counts(db)
    original = audit.record
    cut = []

    def record_then_lose_the_server(session, *args, **kwargs):
        original(session, *args, **kwargs)
        if not cut:  # the payment and its allocation are flushed; the server goes away before COMMIT
            session.flush()
            cut.append(terminate(app_name))

    monkeypatch.setattr(audit, "record", record_then_lose_the_server)
    with pytest.raises(ConnectionLost, match="ничего не записано"):
        register_payment(db, CASHIER, customer_id=1, kind=PaymentKind.CASH, amount=50000)
    assert cut and cut[0] >= 1
    assert counts(db) == before  # one transaction: nothing of it was kept
    result = register_payment(db, CASHIER, customer_id=1, kind=PaymentKind.CASH, amount=50000)  # reconnected
    assert result.payment_id and counts(db)[0] == before[0] + 1
    db.engine.dispose()


def test_reads_reconnect_by_themselves(url, app_name):
    db = open_database(url)
    counts(db)
    assert terminate(app_name) >= 1
    assert counts(db)[0] == 0  # the pool finds the dead connection and opens another
    with pytest.raises(ConnectionLost, match="связь с базой данных прервалась"), db.read() as session:
        pid = session.execute(select(func.pg_backend_pid())).scalar_one()
        with psycopg.connect(PG_URL.replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute("SELECT pg_terminate_backend(%s)", (pid,))
        session.execute(select(func.count()).select_from(Payment)).scalar_one()
    assert db.reading(lambda s: s.scalar(select(func.count()).select_from(Payment))) == 0
    db.engine.dispose()


def test_the_cli_says_so_and_exits_non_zero(capsys, url, app_name, monkeypatch):
    monkeypatch.setenv("OMNIDESK_PASSWORD", "admin-password-1")
    assert main(["init", "--demo", "--db", url]) == 0
    capsys.readouterr()
    original = audit.record

    def lose_the_server(session, user, action, *args, **kwargs):
        original(session, user, action, *args, **kwargs)
        if action == "payment.register":
            session.flush()
            terminate(app_name)

    monkeypatch.setattr(audit, "record", lose_the_server)
    code = main(["payments", "add", "--customer", "1", "--amount", "100", "--kind", "cash", "--db", url,
                 "--user", "admin"])
    _, err = capsys.readouterr()
    assert code == 2 and "связь с базой данных прервалась — операция не выполнена, ничего не записано" in err
    assert "Traceback" not in err


def test_the_loser_of_a_race_is_told_who_changed_it_and_when(pg_url):
    from omnidesk.core.errors import Conflict

    db = open_database(pg_url)
    load_demo(db)
    with db.read() as session:
        payment_id = session.scalar(select(Payment.id).order_by(Payment.id))
    with pytest.raises(Conflict, match=r"изменено пользователем olga в \d\d:\d\d, обновите"):
        with db.unit_of_work() as mine:
            payment = mine.get(Payment, payment_id)  # read at version 1 …
            with db.unit_of_work() as theirs:  # … another workstation changes it first
                theirs.get(Payment, payment_id).purpose = "уточнено"
                audit.record(theirs, "olga", "payment.edit", "payment", payment_id)
            payment.purpose = "моё"
    db.engine.dispose()
