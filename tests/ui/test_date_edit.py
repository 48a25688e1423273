"""A date typed whole is the date taken (the Reports period turned a typed 15.10.2026 into 01.10.2026)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from omnidesk.ui.date_edit import DateEdit


@pytest.mark.parametrize("typed", ["15.10.2026", "15102026"])
def test_a_typed_date_is_taken_whole(qtbot, typed):
    edit = DateEdit(QDate(2026, 12, 1))
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    edit.lineEdit().selectAll()
    qtbot.keyClicks(edit.lineEdit(), typed)
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Return)
    edit.interpretText()
    assert edit.date() == QDate(2026, 10, 15)
    assert edit.text() == "15.10.2026"


def test_a_date_that_does_not_exist_is_refused(qtbot):
    edit = DateEdit(QDate(2026, 12, 1))
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    edit.lineEdit().selectAll()
    qtbot.keyClicks(edit.lineEdit(), "31.02.2026")
    edit.interpretText()
    assert edit.date() == QDate(2026, 12, 1)


def test_the_reports_period_takes_a_typed_date(qtbot):
    from omnidesk.services.auth import Actor
    from omnidesk.ui.reports.page import ReportsPage
    from omnidesk.ui.tasks import TaskRunner

    page = ReportsPage(None, TaskRunner(), lambda: Actor("Менеджер"))
    qtbot.addWidget(page)
    page.show()
    page.date_from.setFocus()
    page.date_from.lineEdit().selectAll()
    qtbot.keyClicks(page.date_from.lineEdit(), "15.10.2026")
    page.date_from.interpretText()
    assert page.period()[0].isoformat() == "2026-10-15"


def test_the_acts_file_name_says_whose_and_which_period(qtbot):
    from omnidesk.services.auth import Actor
    from omnidesk.ui.reports.page import ReportsPage
    from omnidesk.ui.tasks import TaskRunner

    page = ReportsPage(None, TaskRunner(), lambda: Actor("Менеджер"))
    qtbot.addWidget(page)
    page.customer.setText('ООО "Ромашка"')
    page.date_from.setDate(QDate(2026, 10, 1))
    page.date_to.setDate(QDate(2026, 10, 31))
    name = page.default_file_name("act")
    assert "Ромашка" in name and "01.10.2026" in name and "31.10.2026" in name and name.endswith(".xlsx")
    assert '"' not in name
