"""The validator against routes worked out by hand on the line world of conftest.py."""

from __future__ import annotations

from dataclasses import replace

import pytest

from omnidesk.core.errors import InvalidInput
from omnidesk.core.routing import (
    Load,
    Plan,
    Route,
    RouteLock,
    StopRef,
    Unassigned,
    Vehicle,
    Window,
    format_clock,
    parse_clock,
    pickup_stop,
    validate_plan,
    validate_route,
)

A, B, C, PC = StopRef("A"), StopRef("B"), StopRef("C"), pickup_stop("C")


def clock(text: str) -> int:
    return parse_clock(text)


def test_two_deliveries_times_waits_loads_and_a_late_window(make_problem):
    problem = make_problem()
    report = validate_route(problem, problem.vehicles[0], [A, B])
    first, second = report.stops
    # leaves 08:30 instead of waiting at A: 30 km → 09:00, served until 09:10
    assert report.departure == clock("08:30")
    assert (first.arrival, first.wait, first.start, first.departure) == (clock("09:00"), 0, clock("09:00"),
                                                                         clock("09:10"))
    # 30 km on to B: 09:40, ten minutes after its window closed
    assert (second.arrival, second.start, second.departure) == (clock("09:40"), clock("09:40"), clock("09:50"))
    assert [v.text for v in second.violations] == ["окно 09:00–09:30 нарушено на 10 мин"]
    # back 60 km: 10:50; 120 km in all
    assert report.return_time == clock("10:50")
    assert report.distance == 120_000
    assert report.duration == clock("10:50") - clock("08:30")
    assert report.start_load == Load(500, 2500)
    assert [s.load_after for s in report.stops] == [Load(300, 1500), Load(0, 0)]
    assert not report.feasible


def test_wait_in_the_middle_of_a_route_is_reported(make_problem):
    problem = make_problem()
    report = validate_route(problem, problem.vehicles[0], [B, A])
    to_b, to_a = report.stops
    assert to_b.arrival == clock("09:00") and to_b.departure == clock("09:10")
    assert to_a.arrival == clock("09:40") and to_a.wait == 0
    assert report.feasible
    assert report.return_time == clock("10:20")


def test_late_by_seconds_counts_as_a_whole_minute(make_problem):
    problem = make_problem()
    tight = replace(problem.order("B"), window=Window(clock("09:00"), clock("09:40") - 1))
    problem = make_problem(orders=[problem.order("A"), tight, problem.order("C")])
    report = validate_route(problem, problem.vehicles[0], [A, B])
    assert report.stops[1].violations[0].text == "окно 09:00–09:39 нарушено на 1 мин"


def test_shift_end(make_problem):
    short = Vehicle("V1", Load(1000, 5000), Window.parse("08:00", "10:30"), "WH")
    problem = make_problem(vehicles=[short])
    assert validate_route(problem, short, [B, A]).feasible  # home at 10:20
    report = validate_route(problem, short, [A, B])
    assert "смена водителя закончится в 10:30, возврат в 10:50" in [v.text for v in report.violations]


def test_overload_in_kg_and_dm3(make_problem):
    small = Vehicle("V1", Load(400, 2000), Window.parse("08:00", "12:00"), "WH")
    problem = make_problem(vehicles=[small])
    report = validate_route(problem, small, [B, A])
    texts = [v.text for v in report.violations]
    assert texts[:2] == ["перегруз 100 кг", "перегруз 500 дм³"]
    assert report.violations[0].stop_index is None  # at the depot, before the first stop
    assert report.stops[0].violations == ()  # after B: 200 kg, 1000 dm³ aboard


def test_supplier_pickup_before_delivery(make_problem):
    problem = make_problem()
    vehicle = problem.vehicles[0]
    good = validate_route(problem, vehicle, [PC, C])
    assert good.feasible
    assert good.start_load == Load()
    assert [s.load_after for s in good.stops] == [Load(100, 500), Load()]
    # depot → supplier 20 km: leaves 08:00, at 08:20 (window opens 08:00), 15 min; 30 km to C: 09:05
    assert good.stops[0].arrival == clock("08:20") and good.stops[1].arrival == clock("09:05")
    reversed_route = validate_route(problem, vehicle, [C, PC])
    assert "забор у поставщика после доставки" in [v.text for v in reversed_route.violations]
    missing = validate_route(problem, vehicle, [C])
    assert [v.text for v in missing.violations] == ["нет забора у поставщика в этом маршруте"]
    orphan = validate_route(problem, vehicle, [PC])
    assert [v.text for v in orphan.violations] == ["забор у поставщика есть, а доставки в этом маршруте нет"]


def test_pinned_order_on_another_van(make_problem):
    base = make_problem()
    pinned = replace(base.order("A"), pinned_vehicle="V2")
    vans = [base.vehicles[0], replace(base.vehicles[0], id="V2")]
    problem = make_problem(orders=[pinned, base.order("B"), base.order("C")], vehicles=vans)
    report = validate_route(problem, vans[0], [A])
    assert [v.text for v in report.violations] == ["заказ закреплён за машиной V2"]


def test_plan_coverage_duplicates_and_locks(make_problem):
    problem = make_problem(locks=[RouteLock("V1", (B,))])
    plan = Plan((Route("V1", (A, B, A)),), (Unassigned("A", "x"),))
    texts = [v.text for v in validate_plan(problem, plan).violations]
    assert "остановка A стоит в плане больше одного раза" in texts
    assert "заказ A и в маршруте, и среди нераспределённых" in texts
    assert "заказ C не в маршруте и не среди нераспределённых" in texts
    assert "закреплённое начало маршрута машины V1 изменено" in texts


def test_a_valid_plan(make_problem):
    problem = make_problem()
    plan = Plan((Route("V1", (B, A, PC, C)),))
    report = validate_plan(problem, plan)
    assert report.feasible, report.violations
    assert report.vehicles_used == 1
    # B 09:00–09:10, A 09:40–09:50, supplier 10:40–10:55, C 11:25–11:35, home 11:45
    assert [s.arrival for s in report.routes[0].stops] == [clock(t) for t in ("09:00", "09:40", "10:40", "11:25")]
    assert report.routes[0].return_time == clock("11:45")
    assert report.distance == 60_000 + 30_000 + 50_000 + 30_000 + 10_000


def test_problem_checks():
    with pytest.raises(InvalidInput):
        Window(10, 5)
    with pytest.raises(InvalidInput):
        parse_clock("25:00")
    assert format_clock(parse_clock("9:05")) == "09:05"
    assert str(Window.from_minutes(600, 720)) == "10:00–12:00"


def test_problem_rejects_duplicate_orders_and_bad_locks(make_problem):
    problem = make_problem()
    with pytest.raises(InvalidInput):
        make_problem(orders=[problem.order("A"), problem.order("A")])
    with pytest.raises(InvalidInput):
        make_problem(locks=[RouteLock("V1", (C, PC))])
    with pytest.raises(InvalidInput):
        make_problem(locks=[RouteLock("V9", (A,))])
