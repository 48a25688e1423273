"""The audit viewer on real widgets: entries of the period, the user filter, the export."""

import pytest
from openpyxl import load_workbook
from pytestqt.qt_compat import qt_api

from omnidesk.core.enums import PaymentKind, Role
from omnidesk.services.auth import Actor
from omnidesk.services.ledger import register_payment
from omnidesk.ui.audit_page import AuditPage
from omnidesk.ui.tasks import TaskRunner

ANNA = Actor("Анна", Role.CASHIER, login="anna")
ADMIN = Actor("Администратор", Role.ADMIN, login="admin")


@pytest.fixture
def page(qtbot, sqlite_url):
    from tests.dbs import ready_database as open_database

    db = open_database(sqlite_url)
    from omnidesk.services.demo import load_demo

    load_demo(db)
    register_payment(db, ANNA, customer_id=1, kind=PaymentKind.CASH, amount=10000)
    runner = TaskRunner()
    p = AuditPage(db, runner, lambda: ADMIN)
    qtbot.addWidget(p)
    p.resize(1300, 700)
    p.show()
    yield p
    runner.wait()
    db.engine.dispose()


def test_shows_filters_and_exports(qtbot, page, tmp_path):
    qtbot.waitUntil(lambda: page.model.rowCount() > 1, timeout=10_000)  # loads when first shown
    assert {"anna", "demo"} <= {r.user for r in page.model.rows()}
    page.user.setText("anna")
    page.reload()
    qtbot.waitUntil(lambda: {r.user for r in page.model.rows()} == {"anna"}, timeout=10_000)
    rows = page.model.rows()
    assert page.model.data(page.model.index(0, 3)) == "payment.register"
    qt_api.QtTest.QAbstractItemModelTester(page.model)
    target = tmp_path / "audit.xlsx"
    with qtbot.waitSignal(page.finished, timeout=10_000) as saved:
        page.export(str(target))
    assert saved.args == [str(target)] and load_workbook(target).active.max_row == 3 + len(rows)
