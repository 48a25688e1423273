"""The Routes page on the demo day: models under qtmodeltester, drag and drop with the validator's verdict."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from omnidesk.config import Settings
from omnidesk.core.enums import Role
from omnidesk.persistence.models import Order
from omnidesk.services import planning
from omnidesk.services.auth import Actor
from omnidesk.services.context import AppContext
from omnidesk.ui.routes.models import STOP_ROLE, RoutesModel, UnassignedModel
from omnidesk.ui.routes.page import RoutesPage
from omnidesk.ui.tasks import TaskRunner
from tests.fakes.loopback import JsonHandler, serving

DAY = dt.date(2026, 3, 10)


@pytest.fixture
def page(qtbot, sqlite_url):
    from omnidesk.services.database import open_database
    from omnidesk.services.demo import load_demo

    db = open_database(sqlite_url)
    load_demo(db, today=DAY)
    planning.plan_day(db, Actor("логист", Role.LOGIST), DAY, time_limit=20, max_iterations=200)
    runner = TaskRunner()
    widget = RoutesPage(AppContext(db, Settings()), runner)
    qtbot.addWidget(widget)
    widget.resize(1400, 860)
    with qtbot.waitSignal(widget.loaded, timeout=20_000):
        widget.date_edit.setDate(QDate(DAY.year, DAY.month, DAY.day))
    yield widget
    runner.wait(20_000)
    db.engine.dispose()


def test_models_pass_the_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.routes)
    qtmodeltester.check(page.unassigned)
    empty = RoutesModel()
    qtmodeltester.check(empty)
    qtmodeltester.check(UnassignedModel())


def test_drag_an_order_to_another_route_and_see_the_verdict(qtbot, page):
    model = page.routes
    assert page.verdict.text().endswith("valid") or "верен" in page.verdict.text()
    used = [row for row in range(model.rowCount()) if model.rowCount(model.index(row, 0)) >= 2]
    source = model.index(used[0], 0)
    draft = page.draft
    order_row = next(r for r in range(model.rowCount(source))
                     if not draft.problem.order(model.index(r, 0, source).data(Qt.ItemDataRole.UserRole + 2)
                                                .removeprefix("P:")).pickup)
    stop = model.index(order_row, 0, source)
    order = stop.data(Qt.ItemDataRole.UserRole + 2)
    vehicle = draft.vehicle_of(order)
    shift = draft.problem.vehicles_by_id[vehicle].shift
    target_row = next(r for r in range(model.rowCount()) if model.vehicle_at(r) != vehicle
                      and draft.problem.vehicles_by_id[model.vehicle_at(r)].shift.start > shift.start)
    target_vehicle = model.vehicle_at(target_row)
    # a later-starting van takes the order first: its other stops come late
    mime = model.mimeData([stop])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index(target_row, 0))
    assert page.draft.vehicle_of(order) == target_vehicle
    assert page.routes.index(0, 0, page.routes.index(target_row, 0)).data(Qt.ItemDataRole.UserRole + 2) == order
    verdict = page.draft.verdict
    assert verdict and verdict[0] in page.verdict.text()  # the route is now late: the validator says where
    qtbot.waitUntil(lambda: page._task is None, timeout=20_000)  # saved in the background
    # and back off the routes: dropped on the unassigned table
    back = page.unassigned
    assert back.dropMimeData(model.mimeData([page.routes.index(0, 0, page.routes.index(target_row, 0))]),
                             Qt.DropAction.MoveAction, -1, -1, back.index(-1, -1))
    assert page.draft.vehicle_of(order) is None
    assert any(back.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) == order for r in range(back.rowCount()))
    qtbot.waitUntil(lambda: page._task is None, timeout=20_000)
    saved = planning.load_draft(page._db, DAY)
    assert saved.vehicle_of(order) is None


def test_optimise_shows_progress_and_saves(qtbot, page):
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.reload()
    page.optimise(keep_locks=True, time_limit=20, max_iterations=150)
    assert page.cancel_button.isVisibleTo(page)
    qtbot.waitUntil(lambda: page._task is None, timeout=30_000)
    assert not page.cancel_button.isVisibleTo(page)
    assert page.draft.report.feasible and page.map.markers >= page.draft.summary().stops


class _SlowNominatim(JsonHandler):
    """Finds every address near the depot, a little slowly (so a cancel can come in between)."""

    def do_GET(self):
        query = parse_qs(urlsplit(self.path).query)["q"][0]
        number = int(query.rsplit(" ", 1)[1])
        time.sleep(0.1 if number == 0 else 0.5)  # room for the cancel after the first
        self.send_json(200, [{"lat": f"{55.70 + number / 1000:.3f}", "lon": "37.60", "display_name": query}])


@pytest.fixture
def geocoder_url():
    with serving(_SlowNominatim) as url:
        yield url


def _without_coordinates(db, count: int) -> list[str]:
    with db.unit_of_work() as s:
        orders = s.scalars(select(Order).where(Order.delivery_date == DAY).order_by(Order.number)).all()[:count]
        for number, order in enumerate(orders):
            order.lat = order.lon = None
            order.address = f"Москва, Тестовая ул., дом {number}"
        return [order.number for order in orders]


def test_find_coordinates_runs_in_a_worker_with_progress_and_cancel(qtbot, page, geocoder_url):
    numbers = _without_coordinates(page._db, 3)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.reload()
    assert set(numbers) <= {item.order for item in page.draft.excluded}
    page.find_coordinates()
    assert "routing.geocoder_url" in page.summary.text()  # no geocoder set: said so, nothing started
    assert page._task is None
    page._context.update_settings({"routing.geocoder_url": geocoder_url})
    started = time.perf_counter()
    qtbot.mouseClick(page.geocode_button, Qt.MouseButton.LeftButton)
    assert time.perf_counter() - started < 0.5 and page._task is not None  # the GUI thread does not wait
    assert page.cancel_button.isVisibleTo(page) and not page.geocode_button.isEnabled()
    qtbot.waitUntil(lambda: page.progress.value() >= 1, timeout=10_000)
    assert page.progress.maximum() == 3 and "3" in page.summary.text()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page._task is None, timeout=10_000)
    located = [n for n in numbers if n not in {item.order for item in page.draft.excluded}]
    assert 1 <= len(located) < 3 and located == numbers[: len(located)]
    assert page.summary.text().endswith("cancelled")
    page.find_coordinates()  # the rest
    qtbot.waitUntil(lambda: page._task is None, timeout=10_000)
    assert not set(numbers) & {item.order for item in page.draft.excluded}
    assert f"coordinates found: {3 - len(located)}, not found: 0" in page.summary.text()
    assert set(numbers) <= set(page.draft.problem.orders_by_id)  # plannable now


def _select_stop(page, predicate) -> str:
    model = page.routes
    for row in range(model.rowCount()):
        route = model.index(row, 0)
        for stop_row in range(model.rowCount(route)):
            index = model.index(stop_row, 0, route)
            stop = index.data(STOP_ROLE)
            if not stop.startswith("P:") and predicate(stop, model.vehicle_at(row)):
                page.routes_view.setCurrentIndex(index)
                return stop
    raise AssertionError("no such stop")


def test_pin_the_selected_order_to_another_driver(qtbot, page):
    assert not page.pin_button.isEnabled() and page.order_label.text() == "Select an order"
    order = _select_stop(page, lambda stop, vehicle: True)
    assert page.selected_order == order and page.pin_button.isEnabled() and order in page.order_label.text()
    assert page.pin_combo.currentData() is None  # not pinned: any driver
    current = page.draft.vehicle_of(order)
    other = next(d for d in page.draft.records.drivers if d.key != current)
    page.pin_combo.setCurrentIndex(page.pin_combo.findData(other.id))
    qtbot.mouseClick(page.pin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page._task is None, timeout=20_000)
    assert page.draft.vehicle_of(order) == other.key
    saved = planning.load_draft(page._db, DAY)
    assert saved.records.pins[order] == other.id and saved.problem.order(order).pinned_vehicle == other.key
    assert page.selected_order == order and page.pin_combo.currentData() == other.id
    page.pin_combo.setCurrentIndex(0)  # any driver again
    qtbot.mouseClick(page.pin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page._task is None, timeout=20_000)
    assert order not in planning.load_draft(page._db, DAY).records.pins


def test_hand_the_selected_order_over_to_a_carrier(qtbot, page):
    order = _select_stop(page, lambda stop, vehicle: True)
    page.carrier_edit.setText("СДЭК")
    page.track_edit.setText("1234567890")
    qtbot.mouseClick(page.carrier_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page._task is None, timeout=20_000)
    info = page.draft.orders[order]
    assert (info.carrier, info.track_number) == ("СДЭК", "1234567890")
    vehicle = page.draft.vehicle_of(order)
    route = page.routes.index(next(r for r in range(page.routes.rowCount()) if page.routes.vehicle_at(r) == vehicle),
                              0)
    row = next(r for r in range(page.routes.rowCount(route)) if page.routes.index(r, 0, route).data(STOP_ROLE) == order)
    assert "carrier" in page.routes.index(row, 0, route).data()
    assert "[СДЭК 1234567890]" in page.routes.index(row, 4, route).data()
    page.track_edit.setText("42")
    page.carrier_edit.clear()  # a track number without a company: refused, said so
    qtbot.mouseClick(page.carrier_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page._task is None, timeout=20_000)
    assert "трек-номер" in page.verdict.text()
    assert planning.load_draft(page._db, DAY).orders[order].carrier == "СДЭК"


def test_units_on_stop_rows_and_in_the_pdf_are_translated(qtbot, page, tmp_path):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from omnidesk.ui.routes.widgets import route_sheets_html

    translator = QTranslator()
    assert translator.load(str(Path(__file__).resolve().parents[3] / "resources" / "i18n" / "omnidesk_ru.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        model = RoutesModel()
        model.set_draft(page.draft)
        used = next(r for r in range(model.rowCount()) if model.rowCount(model.index(r, 0)))
        assert " кг · " in model.index(0, 3, model.index(used, 0)).data()
        widget = RoutesPage(page._context, TaskRunner())
        qtbot.addWidget(widget)
        assert widget.geocode_button.text() == "Найти координаты"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert " км, остановок" in route_sheets_html(page.draft)


def test_the_pdf_shows_each_stops_door_receipt(page):
    from omnidesk.ui.routes.widgets import route_sheets_html

    document = route_sheets_html(page.draft)
    assert "Чек: приход, полный расчёт (1214 = 4)" in document and "Отказ от «" in document
