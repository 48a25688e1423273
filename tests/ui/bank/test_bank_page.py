"""The Bank page: the lines model under the Qt model tester, import through the page, the split editor, undo."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from omnidesk.config import Settings
from omnidesk.persistence.models import BankLineStatus
from omnidesk.services.auth import Actor
from omnidesk.services.banking import import_statement
from omnidesk.services.context import AppContext
from omnidesk.services.database import init_database
from omnidesk.ui.bank.model import BankLinesModel, BankLinesProxy
from omnidesk.ui.bank.page import BankPage
from omnidesk.ui.tasks import TaskRunner

sys.path.insert(0, str(Path(__file__).parents[2] / "services"))
from bank_statements import OUTGOING, PETROVA_THREE, SANTEH_OVER, STRANGER, standard_shop, statement

ACTOR = Actor("Менеджер")


@pytest.fixture
def db(sqlite_url):
    database = init_database(sqlite_url)[0]
    database.shop = standard_shop(database)
    yield database
    database.engine.dispose()


@pytest.fixture
def page(qtbot, db):
    runner = TaskRunner()
    context = AppContext(db, Settings())
    context.actor = ACTOR
    p = BankPage(context, runner)
    qtbot.addWidget(p)
    yield p
    runner.wait()


def test_model_passes_qt_model_tester(qtmodeltester, db):
    result = import_statement(db, ACTOR, statement(PETROVA_THREE, SANTEH_OVER, STRANGER, OUTGOING), "a.txt")
    model = BankLinesModel()
    model.set_lines(list(result.lines))
    qtmodeltester.check(model, force_py=True)
    proxy = BankLinesProxy()
    proxy.setSourceModel(model)
    proxy.set_review_only(True)
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == 1 and proxy.index(0, 1).data() == "12"
    assert model.index(0, 4).data() == "allocated" and model.index(0, 2).data().startswith("43")


def test_import_through_the_page_then_book_by_hand_and_undo(qtbot, page, db, tmp_path):
    path = tmp_path / "kl_to_1c.txt"
    path.write_bytes(statement(PETROVA_THREE, STRANGER, OUTGOING))
    with qtbot.waitSignal(page.imported, timeout=10_000) as got:
        page.import_file(str(path))
    assert got.args[0].imported == 2 and page.model.rowCount() == 3
    assert "2 new" in page.summary.text()
    page.review_only.setChecked(True)
    assert page.proxy.rowCount() == 1
    page.table.selectRow(0)
    assert page.current_line().status is BankLineStatus.REVIEW and page.split.isEnabled()
    page.split.customer.setText(str(db.shop["santeh"]))
    page.split.add_row("10241", 200_000)
    assert page.split.advance.text() == "To the advance: 500,00\u00a0₽"
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.split.book_button.click()
    assert "booked" in page.message.text()
    page.review_only.setChecked(False)
    booked = next(page.model.line(r) for r in range(page.model.rowCount()) if page.model.line(r).number == "12")
    assert booked.status is BankLineStatus.BOOKED and booked.allocated == (("10241", 200_000),)
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 1).data() == "12")
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.allocations.count() == 1, timeout=10_000)
    assert page.undo_button.isEnabled()
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.undo_button.click()
    assert "undone" in page.message.text()


def test_a_broken_file_shows_one_message_and_imports_nothing(qtbot, page, tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(statement(STRANGER).replace("Сумма=2500.00".encode("cp1251"), "Сумма=x".encode("cp1251")))
    with qtbot.waitSignal(page.imported, timeout=10_000) as got:
        page.import_file(str(path))
    assert got.args[0] is None and page.summary.text().startswith("Nothing imported: строка")
    assert page.import_button.isEnabled()


def test_a_suggestion_fills_the_split_editor(qtbot, page, db):
    from bank_statements import Doc

    unsure = Doc("77", 500_000, "Некто", "оплата", payer_account="40817810000000000077")  # same amount as 10241
    import_statement(db, ACTOR, statement(unsure), "b.txt")
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.reload()
    page.table.selectRow(0)
    assert page.suggestions.count() >= 1 and "10241" in page.suggestions.item(0).text()
    page.use_button.click()
    assert page.split.customer.text() == str(db.shop["santeh"])
    assert [(a.order_number, a.amount) for a in page.split.allocations()] == [("10241", 500_000)]
