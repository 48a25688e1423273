"""Bank review: find the customer by part of a name, INN or phone; make a customer from the payer; confirm booking."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from omnidesk.config import Settings
from omnidesk.core.enums import BankLineStatus, CustomerKind
from omnidesk.persistence.models import Customer, PayerAccount
from omnidesk.services.auth import Actor
from omnidesk.services.banking import import_statement
from omnidesk.services.context import AppContext
from omnidesk.ui.bank.page import BankPage
from omnidesk.ui.tasks import TaskRunner
from tests.dbs import ready_database as open_database

sys.path.insert(0, str(Path(__file__).parents[2] / "services"))
from bank_statements import Doc, standard_shop, statement

ACTOR = Actor("Менеджер")
NEW_FIRM = Doc("31", 750_000, 'ООО "Водоканал-Сервис"', "Оплата за трубы по счёту б/н",
               payer_account="40702810900000055555", payer_inn="7707083893", payer_kpp="770701001")


@pytest.fixture
def page(qtbot, sqlite_url):
    db = open_database(sqlite_url)
    db.shop = standard_shop(db)
    runner = TaskRunner()
    context = AppContext(db, Settings())
    context.actor = ACTOR
    p = BankPage(context, runner)
    qtbot.addWidget(p)
    import_statement(db, ACTOR, statement(NEW_FIRM), "a.txt")
    with qtbot.waitSignal(p.refreshed, timeout=10_000):
        p.reload()
    runner.wait()
    qtbot.waitUntil(lambda: p.split.choices.rowCount() > 0, timeout=10_000)
    p.table.selectRow(0)
    yield p
    runner.wait()
    db.engine.dispose()


def test_the_customer_is_found_by_part_of_a_name_inn_or_phone(page):
    completer = page.split.customer.completer()
    for typed in ("Сантех", "501234", "Петрова Анна"):
        completer.setCompletionPrefix(typed)
        assert completer.completionCount() >= 1, typed
        choice = completer.currentCompletion()
        page.split.customer.setText(choice)
        assert page.split.customer_reference().isdigit()


def test_a_customer_is_made_from_the_payer_and_booking_asks_first(qtbot, page, bank_answers):
    line = page.current_line()
    assert line.status is BankLineStatus.REVIEW and line.payer_name.startswith("ООО")
    page.new_customer_button.click()
    qtbot.waitUntil(lambda: page.split.customer.text().isdigit(), timeout=10_000)
    customer_id = int(page.split.customer.text())
    with page._db.read() as s:
        made = s.get(Customer, customer_id)
        assert (made.kind, made.inn, made.kpp) == (CustomerKind.COMPANY, "7707083893", "770701001")
        assert s.scalar(select(PayerAccount.account).where(PayerAccount.customer_id == customer_id)) == \
            "40702810900000055555"
    bank_answers.confirm = False
    page.split.book_button.click()
    page._runner.wait()
    assert bank_answers.asked and "31" in bank_answers.asked[0][0]
    assert page.current_line().status is BankLineStatus.REVIEW  # declined: nothing booked
    bank_answers.confirm = True
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.split.book_button.click()
    assert "booked" in page.message.text()
