"""Every page is fully usable on a 1366×768 office screen, in Russian: nothing clipped, nothing hidden
behind a toolbar's », and the window never widens itself (not even while routes are optimised)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QAbstractButton, QLabel, QTableView, QToolBar, QToolButton, QWidget

from omnidesk.config import Settings
from omnidesk.services.context import AppContext
from omnidesk.ui.i18n import install_translators
from omnidesk.ui.main_window import MainWindow

WIDTH, HEIGHT = 1366, 768
DAY = dt.date(2026, 3, 10)


@pytest.fixture
def window(qtbot, sqlite_url):
    from omnidesk.services.demo import load_demo
    from tests.dbs import ready_database as open_database

    install_translators(QCoreApplication.instance(), "ru")  # Russian words are the longest
    db = open_database(sqlite_url)
    load_demo(db, today=DAY)
    w = MainWindow(AppContext(db, Settings()))
    qtbot.addWidget(w)
    w.resize(WIDTH, HEIGHT)
    w.show()
    with qtbot.waitSignal(w.orders_page.loaded, timeout=20_000):
        w.start()
    w.routes_page.date_edit.setDate(QDate(DAY))
    yield w
    w.runner.wait()
    w.fiscal.wait()
    db.engine.dispose()


def clipped(page: QWidget) -> list[str]:
    """What a person could not read or reach on the page as it is laid out now."""
    problems = []
    for toolbar in page.findChildren(QToolBar):
        for button in toolbar.findChildren(QToolButton):
            if button.objectName() == "qt_toolbar_ext_button" and button.isVisible():
                problems.append(f"toolbar hides actions behind »: {[a.text() for a in toolbar.actions()]}")
    for widget in page.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and not widget.wordWrap()
                                                    and widget.text() and not widget.pixmap()):
            if widget.width() < widget.minimumSizeHint().width():
                problems.append(f"{type(widget).__name__} «{widget.text()}» {widget.width()} < "
                                f"{widget.minimumSizeHint().width()}")
            visible = widget.visibleRegion().boundingRect()
            if widget.isVisibleTo(page) and not visible.isEmpty() and visible.width() < widget.width() - 1:
                problems.append(f"{type(widget).__name__} «{widget.text()}» cut at the right edge")
    return problems


def test_every_page_fits_1366x768(qtbot, window):
    assert window.minimumSizeHint().width() <= WIDTH and window.minimumSizeHint().height() <= HEIGHT
    for page in window.pages:
        window.show_page(page.key)
        qtbot.wait(50)
        window.runner.wait(10_000)
        assert window.width() == WIDTH, f"{page.key}: the window widened itself to {window.width()}"
        assert clipped(page.widget) == [], page.key


def test_orders_table_shows_every_column(qtbot, window):
    window.show_page("orders")
    qtbot.wait(50)
    table: QTableView = window.orders_page.table
    assert table.horizontalScrollBar().maximum() == 0
    widths = [table.columnWidth(c) for c in range(table.model().columnCount())]
    assert min(widths) >= 50 and widths[3] >= 150 and widths[-1] >= 150  # customer and address readable


def test_routes_page_does_not_widen_the_window_while_optimising(qtbot, window):
    page = window.routes_page
    window.show_page("routes")
    qtbot.waitUntil(lambda: page.draft is not None, timeout=20_000)
    page.optimise(keep_locks=False, time_limit=3, max_iterations=200)
    qtbot.waitUntil(lambda: page.cancel_button.isVisible(), timeout=5_000)
    assert window.width() == WIDTH and clipped(page) == []
    qtbot.waitUntil(lambda: not page.cancel_button.isVisible(), timeout=30_000)
    assert window.width() == WIDTH and clipped(page) == []
