"""The Sync page, offscreen, against the loopback CRM and 1C: a pass off the GUI thread, the outbox, parked
messages and their retry, conflicts, 1C's catalogs, and the status bar's sync field."""

from __future__ import annotations

import sqlalchemy as sa

from omnidesk.core.enums import PaymentKind
from omnidesk.persistence.models import Order
from omnidesk.services.auth import Actor, Role
from omnidesk.services.context import AppContext
from omnidesk.services.ledger import AllocationRequest, register_payment
from omnidesk.ui.sync.page import SyncPage
from omnidesk.ui.tasks import TaskRunner
from tests.fakes.crm import FakeCrm
from tests.fakes.onec import FakeOneC
from tests.services.sync.conftest import configure


def _page(qtbot, db, settings):
    runner = TaskRunner()
    page = SyncPage(AppContext(db, settings), runner)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    return page, runner


def test_not_configured_says_so(qtbot, sqlite_url):
    from omnidesk.config import Settings
    from omnidesk.services.database import init_database

    db = init_database(sqlite_url)[0]
    page, runner = _page(qtbot, db, Settings())
    with qtbot.waitSignal(page.status_text, timeout=10_000) as signal:
        page.start()
    assert signal.args[0] == "Синхронизация: не настроена" or "not configured" in signal.args[0]
    assert not page.timer.isActive()
    runner.wait()
    qtbot.waitUntil(lambda: "RetailCRM" in page.outbox_title.text(), timeout=10_000)
    # empty tables say why they are empty
    outbox, conflicts = page.outbox_title.text(), page.conflicts_title.text()
    assert ("пусто" in outbox and "не настроены" in outbox) or ("empty" in outbox and "is set up" in outbox)
    assert "нет" in conflicts or "none" in conflicts
    db.engine.dispose()


def test_sync_now_runs_a_pass_and_shows_the_outbox_conflicts_and_state(qtbot, sqlite_url):
    from omnidesk.services.database import init_database

    db = init_database(sqlite_url)[0]
    with FakeCrm() as crm, FakeOneC() as onec:
        crm.add_order(number="100")
        onec.add("Catalog_Организации", Description="Вторая организация")
        settings = configure(crm, onec)
        page, runner = _page(qtbot, db, settings)
        page.start()
        assert page.timer.isActive() and page.timer.interval() == 15 * 60_000
        with qtbot.waitSignal(page.pass_finished, timeout=20_000):
            page.sync_now()
        assert "Заказов новых 1" in page.message.text() or "new 1" in page.message.text()
        with db.read() as s:
            customer_id = s.scalar(sa.select(Order.customer_id))
        onec.add_order("100")
        register_payment(db, Actor("Кассир", Role.ADMIN), customer_id=customer_id, kind=PaymentKind.CASH,
                         amount=100000, allocations=[AllocationRequest("100", 100000)])
        with qtbot.waitSignal(page.status_text, timeout=20_000, check_params_cb=lambda text, ok: "отложено" in text
                              or "parked" in text):
            page.sync_now()
        qtbot.waitUntil(lambda: page.outbox.rowCount() == 1, timeout=10_000)
        message = page.outbox.row(0)
        assert message.state == "parked" and "организация" in message.error
        assert page.retry_button.isEnabled()

        with qtbot.waitSignal(page.pass_finished, timeout=10_000):  # 1C's catalogs: choose the organisation
            page.load_choices()
            qtbot.waitUntil(lambda: page.choices["organization"].count() == 2, timeout=10_000)
            page.choices["organization"].setCurrentIndex(page.choices["organization"].findText("ООО «ОмниТепло»"))
            page.save_choices()
            assert settings.get("onec.organization") == onec.organization
            page.retry()
            qtbot.waitUntil(lambda: not page.retry_button.isEnabled(), timeout=10_000)
            page.sync_now()
        qtbot.waitUntil(lambda: page.outbox.rowCount() == 1 and page.outbox.row(0).state == "sent", timeout=10_000)
        assert len(onec.documents("Document_ПриходныйКассовыйОрдер")) == 1

        onec.faults.outage = True
        with qtbot.waitSignal(page.status_text, timeout=30_000,
                              check_params_cb=lambda text, ok: not ok and "1C" in text):
            page.sync_now()
        assert "недоступна" in page.onec_state.text() or "not available" in page.onec_state.text()
        runner.wait()
    db.engine.dispose()
