"""The Reports page: the act preview model under the Qt model tester; saving the act and registers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate

from omnidesk.services.auth import Actor
from omnidesk.services.banking import import_statement
from omnidesk.services.database import init_database
from omnidesk.ui.reports.page import ActRowsModel, ReportsPage
from omnidesk.ui.tasks import TaskRunner

sys.path.insert(0, str(Path(__file__).parents[2] / "services"))
from bank_statements import SANTEH_OVER, STRANGER, standard_shop, statement


@pytest.fixture
def page(qtbot, sqlite_url):
    db = init_database(sqlite_url)[0]
    standard_shop(db)
    import_statement(db, Actor("Менеджер"), statement(SANTEH_OVER, STRANGER), "a.txt")
    runner = TaskRunner()
    p = ReportsPage(db, runner, lambda: Actor("Менеджер"))
    qtbot.addWidget(p)
    p.customer.setText("5012345678")
    p.date_from.setDate(QDate(2025, 1, 1))
    p.date_to.setDate(QDate(2030, 12, 31))
    yield p
    runner.wait()
    db.engine.dispose()


def test_act_preview_passes_qt_model_tester(qtbot, qtmodeltester, page):
    with qtbot.waitSignal(page.model.modelReset, timeout=10_000):
        page.preview()
    qtmodeltester.check(page.model, force_py=True)
    texts = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert texts[0] == "Opening balance" and "Оплата (п/п №88 от 10.03.2025)" in texts and texts[-1] == "Closing balance"
    qtmodeltester.check(ActRowsModel(), force_py=True)


@pytest.mark.parametrize("what, title", [("act", "Акт сверки"), ("payments", "Реестр"), ("unmatched", "Неразнесённые")])
def test_save_to_excel(qtbot, page, tmp_path, what, title):
    target = tmp_path / f"{what}.xlsx"
    with qtbot.waitSignal(page.finished, timeout=10_000) as got:
        page.save(what, str(target))
    assert got.args[0] == str(target) and load_workbook(target).active["A1"].value.startswith(title)


def test_unknown_customer_is_one_message(qtbot, page, tmp_path):
    page.customer.setText("нет такого")
    with qtbot.waitSignal(page.finished, timeout=10_000):
        page.save("act", str(tmp_path / "a.xlsx"))
    assert "не найден" in page.message.text() and not (tmp_path / "a.xlsx").exists()
