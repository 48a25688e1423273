"""The window while PostgreSQL stops answering and comes back: the status bar says so, an action done
meanwhile gets one clear message and writes nothing, and work goes on once the server answers again.

The server is shared, so "stopped" is played by this test's own login role: its connections are
terminated and it may not log in (exactly what a workstation sees while the server restarts)."""

import uuid

import psycopg
import pytest

from omnidesk.config import Settings
from omnidesk.core.enums import PaymentKind
from omnidesk.core.errors import OmniDeskError
from omnidesk.services.auth import Actor
from omnidesk.services.context import AppContext
from omnidesk.services.ledger import register_payment
from omnidesk.ui.errors import error_text
from omnidesk.ui.main_window import MainWindow
from tests.conftest import PG_URL
from tests.dbs import ready_database as open_database

ADMIN = Actor("Администратор", login="admin")


def _admin(sql, *args):
    with psycopg.connect(PG_URL.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(sql, args)


@pytest.fixture
def role_url(pg_url):
    role = f"omnidesk_gui_{uuid.uuid4().hex[:10]}"
    schema = pg_url.split("search_path%3D")[1]
    _admin(f'CREATE ROLE "{role}" LOGIN')
    _admin(f'GRANT USAGE, CREATE ON SCHEMA "{schema}" TO "{role}"')
    yield role, pg_url.replace("postgres@", f"{role}@")
    _admin(f'DROP OWNED BY "{role}"')
    _admin(f'DROP ROLE "{role}"')


def server_down(role):
    _admin(f'ALTER ROLE "{role}" NOLOGIN')
    _admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", role)


def server_up(role):
    _admin(f'ALTER ROLE "{role}" LOGIN')


def test_the_window_says_the_database_is_away_and_carries_on(qtbot, role_url, monkeypatch):
    role, url = role_url
    shown = []  # what the pages' own work reports in a message box during the outage
    monkeypatch.setattr("omnidesk.ui.errors.show_error", lambda _parent, exc: shown.append(error_text(exc)))
    db = open_database(url)
    from omnidesk.services.demo import load_demo

    load_demo(db)
    window = MainWindow(AppContext(db, Settings(), actor=ADMIN))
    window.changes.timer.setInterval(100)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.orders_page.loaded, timeout=20_000):
        window.start()
    try:
        server_down(role)
        qtbot.waitUntil(lambda: "not answering" in window.status.database.text(), timeout=15_000)
        with pytest.raises(OmniDeskError) as refused:  # what a page's action gets, shown by error_text
            register_payment(db, ADMIN, customer_id=1, kind=PaymentKind.CASH, amount=100)
        assert "связь с базой данных прервалась" in error_text(refused.value)
    finally:
        server_up(role)
    qtbot.waitUntil(lambda: "not answering" not in window.status.database.text(), timeout=15_000)
    register_payment(db, ADMIN, customer_id=1, kind=PaymentKind.CASH, amount=100)  # reconnected
    window.close()
    for _ in range(4):  # results of work started during the outage arrive while the patch still catches them
        window.runner.wait()
        window.fiscal.wait()
        qtbot.wait(500)
    db.engine.dispose()
    assert all("Traceback" not in text and "Unexpected" not in text for text in shown), shown
