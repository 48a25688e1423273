"""Every option of `omnidesk config list` is on the Settings page, grouped, validated, with its meaning;
the cashier's full name is asked for on first use (receipts carry it)."""

from __future__ import annotations

import pytest

from omnidesk.config import OPTIONS, Settings
from omnidesk.services.context import AppContext
from omnidesk.ui import first_run
from omnidesk.ui.main_window import MainWindow
from omnidesk.ui.settings_page import SettingsPage
from tests.dbs import ready_database as open_database


@pytest.fixture
def context(sqlite_url):
    ctx = AppContext(open_database(sqlite_url), Settings())
    yield ctx
    ctx.close()


def test_every_option_is_on_the_page_with_its_meaning(qtbot, context):
    page = SettingsPage(context)
    qtbot.addWidget(page)
    assert set(page.fields) == set(OPTIONS)
    for key, field in page.fields.items():
        assert OPTIONS[key].help in field.toolTip(), key


def test_company_cashier_and_limit_are_saved_and_checked(qtbot, context):
    page = SettingsPage(context)
    qtbot.addWidget(page)
    page.company_name.setText("ООО «Тёплый дом»")
    page.company_inn.setText("7707083893")
    page.company_kpp.setText("770701001")
    page.user_name.setText("Иванова  Анна Сергеевна")
    page.max_payment.setText("1 000 000")
    assert page.save(), page.message.text()
    saved = Settings()
    assert (saved.get("company.inn"), saved.user_name(), saved.max_payment()) == \
        ("7707083893", "Иванова Анна Сергеевна", 100_000_000)
    assert context.actor.name == "Иванова Анна Сергеевна"
    page.company_inn.setText("7707083890")  # a wrong check digit
    page.user_name.setText("Петров Пётр")
    assert not page.save() and "ИНН" in page.message.text()
    assert Settings().user_name() == "Иванова Анна Сергеевна"  # all or nothing


def test_the_cashiers_name_is_asked_for_on_first_use(qtbot, context, monkeypatch):
    asked = []
    monkeypatch.setattr(first_run, "ask_cashier_name", lambda _parent: asked.append(1) or "Смирнова Ольга Петровна")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.ask_cashier_name_if_missing()
    assert asked == [1] and Settings().user_name() == "Смирнова Ольга Петровна"
    assert context.actor.name == "Смирнова Ольга Петровна"
    assert window.settings_page.user_name.text() == "Смирнова Ольга Петровна"
    window.ask_cashier_name_if_missing()
    assert asked == [1]  # once


def test_an_empty_database_says_where_orders_come_from(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.orders_page.loaded, timeout=20_000):
        window.start()
    text = window.orders_page.summary.text()
    assert "synchronisation" in text and "omnidesk demo" in text
    window.runner.wait()
    window.fiscal.wait()
