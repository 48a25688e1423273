"""The Bank page lists every recent statement's lines and never shows a stale line (issue: importing B hid A)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from omnidesk.config import Settings
from omnidesk.persistence.models import BankLineStatus
from omnidesk.services.auth import Actor
from omnidesk.services.banking import mark_not_ours
from omnidesk.services.context import AppContext
from omnidesk.services.database import init_database
from omnidesk.ui.bank.page import BankPage
from omnidesk.ui.changes import ChangeBus
from omnidesk.ui.tasks import TaskRunner

sys.path.insert(0, str(Path(__file__).parents[2] / "services"))
from bank_statements import Doc, standard_shop, statement

MANAGER = Actor("Менеджер")
A = statement(Doc("12", 250_000, "Сидоров Пётр Ильич", "Оплата за смеситель", payer_account="40817810700009876543"))
B = statement(Doc("13", 180_000, "Кузнецова Ольга", "За кран", payer_account="40817810700009876544"))


@pytest.fixture
def page(qtbot, sqlite_url):
    db = init_database(sqlite_url)[0]
    standard_shop(db)
    context = AppContext(db, Settings())
    context.actor = MANAGER
    runner = TaskRunner()
    p = BankPage(context, runner)
    bus = ChangeBus(context, runner, p, poll_ms=100)  # as the main window wires it
    bus.changed.connect(p.apply_changes)
    bus.start()
    qtbot.addWidget(p)
    yield p
    bus.stop()
    runner.wait()
    db.engine.dispose()


def import_file(qtbot, page, tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    with qtbot.waitSignal(page.imported, timeout=10_000) as got:
        page.import_file(str(path))
    return got.args[0]


def numbers(page) -> list[str]:
    return sorted(page.model.line(r).number for r in range(page.model.rowCount()))


def test_two_statements_are_both_listed_and_a_repeat_empties_nothing(qtbot, page, tmp_path):
    import_file(qtbot, page, tmp_path, "a.txt", A)
    assert numbers(page) == ["12"]
    import_file(qtbot, page, tmp_path, "b.txt", B)
    qtbot.waitUntil(lambda: numbers(page) == ["12", "13"], timeout=10_000)
    again = import_file(qtbot, page, tmp_path, "a.txt", A)
    assert again.imported == 0
    qtbot.wait(300)
    assert numbers(page) == ["12", "13"]
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.reload()
    assert numbers(page) == ["12", "13"]  # and after a reload, as after a restart


def test_the_right_panel_follows_the_line_it_shows(qtbot, page, tmp_path):
    import_file(qtbot, page, tmp_path, "a.txt", A)
    page.table.selectRow(0)
    line = page.current_line()
    assert line.status is BankLineStatus.REVIEW and page.split.isEnabled()
    assert page.split.book_button.text() == "Book"
    import_file(qtbot, page, tmp_path, "b.txt", B)
    qtbot.waitUntil(lambda: numbers(page) == ["12", "13"], timeout=10_000)
    assert page.current_line() is not None and page.current_line().id == line.id  # still the line it shows
    assert page.purpose.text() == line.purpose
    elsewhere = init_database(str(page._db.engine.url))[0]
    try:  # another workstation decides about the line
        mark_not_ours(elsewhere, MANAGER, line.id)
    finally:
        elsewhere.engine.dispose()
    qtbot.waitUntil(lambda: page.current_line().status is BankLineStatus.NOT_OURS, timeout=10_000)
    assert not page.split.isEnabled() and not page.not_ours_button.isEnabled()
