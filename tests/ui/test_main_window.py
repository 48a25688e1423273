"""The real main window, offscreen, on the demo database."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from omnidesk.config import Settings
from omnidesk.services.context import AppContext
from omnidesk.ui.main_window import MainWindow


@pytest.fixture
def demo_db(sqlite_url):
    """The UI reads through the same services on either database; SQLite is enough here."""
    from omnidesk.services.database import init_database
    from omnidesk.services.demo import load_demo

    db = init_database(sqlite_url)[0]
    load_demo(db, today=dt.date(2026, 3, 10))
    yield db
    db.engine.dispose()


@pytest.fixture
def window(qtbot, demo_db):
    w = MainWindow(AppContext(demo_db, Settings()))
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.orders_page.loaded, timeout=20_000):
        w.start()
    yield w
    w.runner.wait()


def test_window_shows_the_demo_orders(window):
    page = window.orders_page
    assert page.model.total_count() == 80
    assert page.proxy.rowCount() == 80
    assert "80" in page.summary.text()
    keys = [p.key for p in window.pages]
    assert keys[0] == "orders" and keys[-1] == "settings" and "audit" in keys and "cashier" in keys
    assert "SQLite" in window.status.database.text()
    # a lone SQLite workstation without sign-in: the status bar says nobody signed in, not a person's name
    assert window.user_button.text().startswith("Без входа:") or window.user_button.text().startswith("Not signed in:")
    assert window.navigation.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_a_demo_database_is_marked_as_one(window, qtbot, sqlite_url, tmp_path):
    assert "DEMO" in window.windowTitle()
    assert window.status.demo.isVisible() and "DEMO" in window.status.demo.text()
    assert "emulator" in window.status.demo.toolTip()
    assert "emulator" in window.status.fiscal.text() or "эмулятор" in window.status.fiscal.text()
    from tests.dbs import ready_database as open_database

    work = open_database(f"sqlite:///{tmp_path / 'work.sqlite3'}")
    plain = MainWindow(AppContext(work, Settings()))
    qtbot.addWidget(plain)
    assert "DEMO" not in plain.windowTitle() and not plain.status.demo.isVisibleTo(plain)
    work.engine.dispose()


def test_search_and_filters_narrow_the_table(window, qtbot):
    page = window.orders_page
    first = page.model.row_at(0)
    qtbot.keyClicks(page.search, first.number)
    assert page.proxy.rowCount() == 1
    page.search.clear()
    tomorrow = dt.date(2026, 3, 11)
    page.date_filter.setCurrentIndex(page.date_filter.findData(tomorrow.isoformat()))
    assert page.selected_date() == tomorrow
    assert 0 < page.proxy.rowCount() < 80
    assert all(page.model.row_at(r).delivery_date == tomorrow for r in range(page.model.rowCount()))


def test_selecting_an_order_shows_its_details(window, qtbot):
    page = window.orders_page
    page.table.selectRow(0)
    number = page.proxy.index(0, 0).data()
    qtbot.waitUntil(lambda: number in page.detail.text(), timeout=10_000)
    assert "₽" in page.detail.text()


def test_keyboard_switches_pages(window, qtbot):
    keys = [p.key for p in window.pages]
    cashier, settings = Qt.Key(Qt.Key.Key_1.value + keys.index("cashier")), Qt.Key(Qt.Key.Key_0.value + len(keys))
    qtbot.keyClick(window, cashier, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.cashier_page
    qtbot.keyClick(window, settings, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.settings_page
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.orders_page


def test_geometry_and_columns_are_remembered(qtbot, demo_db, user_dirs):
    first = MainWindow(AppContext(demo_db, Settings()))
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 540)  # the offscreen screen is 800×600
    first.orders_page.table.setColumnWidth(3, 333)
    size = first.size()
    first.close()
    second = MainWindow(AppContext(demo_db, Settings()))
    qtbot.addWidget(second)
    assert second.size() == size
    assert second.orders_page.table.columnWidth(3) == 333


def test_settings_page_saves_all_or_nothing(window):
    page = window.settings_page
    page.fiscal_url.setText("socket://127.0.0.1:7778")
    page.depot_lat.setText("не число")
    assert not page.save()
    assert Settings().get("fiscal.url") == "emulator"
    page.depot_lat.setText("55,7")
    assert page.save()
    assert Settings().get("fiscal.url") == "socket://127.0.0.1:7778"
    assert Settings().get("depot.lat") == "55.7"


def test_routing_saved_on_settings_is_used_by_the_next_plan(window):
    page = window.settings_page
    routes = window.routes_page
    before = routes.travel
    page.detour_factor.setText("1,6")
    page.speed_kmh.setText("30")
    assert page.save()
    assert "in use now" in page.message.text()
    assert routes.travel is not before
    assert (str(routes.travel.detour_factor), str(routes.travel.speed_kmh)) == ("1.6", "30")
    page.language.setCurrentIndex(page.language.findData("en" if Settings().lang() == "ru" else "ru"))
    assert page.save()
    assert "after OmniDesk is restarted" in page.message.text()
