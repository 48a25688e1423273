"""The Routes page on the demo day: models under qtmodeltester, drag and drop with the validator's verdict."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from omnidesk.config import Settings
from omnidesk.core.enums import Role
from omnidesk.services import planning
from omnidesk.services.auth import Actor
from omnidesk.ui.routes.models import RoutesModel, UnassignedModel
from omnidesk.ui.routes.page import RoutesPage
from omnidesk.ui.tasks import TaskRunner

DAY = dt.date(2026, 3, 10)


@pytest.fixture
def page(qtbot, sqlite_url):
    from omnidesk.services.database import open_database
    from omnidesk.services.demo import load_demo

    db = open_database(sqlite_url)
    load_demo(db, today=DAY)
    planning.plan_day(db, Actor("логист", Role.LOGIST), DAY, time_limit=20, max_iterations=200)
    runner = TaskRunner()
    widget = RoutesPage(db, runner, Settings())
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
