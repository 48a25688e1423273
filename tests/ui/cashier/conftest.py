"""The main window on the demo database with the built-in register emulator; dialogs answered by the test."""

from __future__ import annotations

import datetime as dt

import pytest

from omnidesk.config import Settings
from omnidesk.core.enums import Role
from omnidesk.integrations.fiscal import RegisterConnection
from omnidesk.services.auth import Actor
from omnidesk.services.context import AppContext
from omnidesk.services.fiscal import FiscalJournal
from omnidesk.ui.cashier import widgets
from omnidesk.ui.main_window import MainWindow

CASHIER = Actor("Кассир Анна", Role.CASHIER)


@pytest.fixture
def demo_db(sqlite_url):
    from omnidesk.services.database import open_database
    from omnidesk.services.demo import load_demo

    db = open_database(sqlite_url)
    load_demo(db, today=dt.date(2026, 3, 10))
    yield db
    db.engine.dispose()


class Answers:
    """What the «user» does with dialogs: fill them in, confirm or not; errors are collected."""

    def __init__(self) -> None:
        self.fill = None  # called with each dialog; return True to accept
        self.confirm = True
        self.confirmed: list[tuple[str, str]] = []  # (heading, details) of every confirmation asked
        self.errors: list[str] = []
        self.dialogs: list[object] = []

    def run_dialog(self, dialog) -> bool:
        self.dialogs.append(dialog)
        return bool(self.fill and self.fill(dialog))

    def ask(self, _parent, _title, heading, details, _ok) -> bool:
        self.confirmed.append((heading, details))
        return self.confirm(heading) if callable(self.confirm) else self.confirm

    def error(self, _parent, exc) -> None:
        from omnidesk.ui.errors import error_text

        self.errors.append(error_text(exc))


@pytest.fixture
def answers(monkeypatch) -> Answers:
    a = Answers()
    monkeypatch.setattr(widgets, "run_dialog", a.run_dialog)
    monkeypatch.setattr(widgets, "confirm", a.ask)
    monkeypatch.setattr(widgets, "report_error", a.error)
    return a


def emulator_factory(tmp_path):
    return lambda ctx: FiscalJournal(ctx.db, lambda: RegisterConnection("emulator", emulator_dir=tmp_path / "emu"),
                                     CASHIER)


def open_window(qtbot, db, factory=None) -> MainWindow:
    """The main window on ``db``; ``factory(context)`` builds the fiscal journal (default: the register in
    settings — the built-in emulator in the test's data directory)."""
    settings = Settings()
    settings.set("user.name", "Анна Петрова")  # the cashier the register names (1021); no name, no receipt
    context = AppContext(db, settings, journal_factory=factory)
    context.actor = CASHIER
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = window.cashier_page
    with qtbot.waitSignals([window.orders_page.loaded, page.loaded], timeout=20_000):
        window.start()
    window.show_page("cashier")
    return window


@pytest.fixture
def window(qtbot, demo_db, tmp_path, answers):
    w = open_window(qtbot, demo_db, emulator_factory(tmp_path))
    yield w
    w.runner.wait()
    w.fiscal.wait()


def wait_idle(qtbot, window) -> None:
    """Wait until the database pool and the register's queue are idle and their signals delivered."""
    def idle() -> bool:
        window.runner.wait(10_000)
        window.fiscal.wait(10_000)
        return not window.fiscal.is_busy() and not window.runner._running
    qtbot.waitUntil(idle, timeout=20_000)


@pytest.fixture
def settle(qtbot):
    return lambda window: wait_idle(qtbot, window)
