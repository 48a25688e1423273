"""The PyVRP adapter: every plan it returns passes the core validator."""

from __future__ import annotations

import threading

from omnidesk.core.routing import Load, Objective, Order, Plan, Route, RouteLock, StopRef, Window, validate_plan
from omnidesk.core.routing.screening import order_stops
from omnidesk.integrations.routing.solver import solve

ITERATIONS = 300


def assert_valid_and_complete(problem, plan):
    report = validate_plan(problem, plan)
    assert report.feasible, report.violations
    return report


def test_plan_passes_the_validator_and_serves_everyone(day):
    problem = day()
    plan = solve(problem, time_limit=5, seed=1, max_iterations=ITERATIONS)
    assert_valid_and_complete(problem, plan)
    assert plan.unassigned == ()
    assert plan.stats.first_feasible_seconds is not None and plan.stats.iterations > 0


def test_supplier_pickup_comes_first_on_the_same_van(day):
    problem = day()
    plan = solve(problem, time_limit=5, seed=2, max_iterations=ITERATIONS)
    positions = {str(stop): (route.vehicle, i) for route in plan.routes for i, stop in enumerate(route.stops)}
    with_pickup = [order for order in problem.orders if order.pickup is not None]
    assert with_pickup
    for order in with_pickup:
        van_p, at_p = positions[f"P:{order.id}"]
        van_d, at_d = positions[order.id]
        assert van_p == van_d and at_p < at_d


def test_pinned_orders_ride_on_their_van(day):
    pins = {"D002": "V3", "D004": "V3", "D007": "V1"}  # D004 also has a supplier pickup
    problem = day(pins=pins)
    plan = solve(problem, time_limit=5, seed=1, max_iterations=ITERATIONS)
    assert_valid_and_complete(problem, plan)
    for order_id, vehicle_id in pins.items():
        assert order_id in plan.route_of(vehicle_id).orders


def test_locked_beginning_stays_and_the_route_continues(day):
    base = day()
    locked = (*order_stops(base.order("D001")), StopRef("D003"))  # a supplier pickup and two deliveries
    problem = day(locks=[RouteLock("V2", (locked[0], StopRef("D003")))])
    plan = solve(problem, time_limit=5, seed=1, max_iterations=ITERATIONS)
    assert_valid_and_complete(problem, plan)
    route = plan.route_of("V2")
    assert route.stops[:2] == (locked[0], StopRef("D003")) and route.locked == 2
    assert "D001" in route.orders  # its goods were picked up in the locked part


def test_orders_that_cannot_fit_become_unassigned_with_reasons(day):
    too_heavy = Order("HEAVY", 27, Load(3000, 100), Window.parse("10:00", "12:00"))
    problem = day(orders=30, vans=1, extra_orders=(too_heavy,))
    plan = solve(problem, time_limit=5, seed=1, max_iterations=ITERATIONS)
    assert_valid_and_complete(problem, plan)
    reasons = {item.order: item.reason for item in plan.unassigned}
    assert reasons["HEAVY"].startswith("вес 3000 кг")
    assert len(reasons) > 1  # one van cannot do 30 orders in 2–3 h windows
    assert all(reason for reason in reasons.values())


def test_fleet_cost_keeps_the_plan_on_few_vans(day):
    problem = day(orders=6, vans=4, objective=Objective(vehicle_fixed_cost=500_000))
    plan = solve(problem, time_limit=5, seed=1, max_iterations=ITERATIONS)
    report = assert_valid_and_complete(problem, plan)
    assert report.vehicles_used <= 2


def test_same_seed_same_plan(day):
    problem = day()
    first = solve(problem, time_limit=30, seed=11, max_iterations=ITERATIONS)
    second = solve(problem, time_limit=30, seed=11, max_iterations=ITERATIONS)
    assert first.routes == second.routes and first.unassigned == second.unassigned


def test_cancel_returns_the_best_plan_so_far(day):
    problem = day(orders=40, vans=5)
    cancel = threading.Event()
    reports = []

    def progress(update):
        reports.append(update)
        cancel.set()

    plan = solve(problem, time_limit=60, seed=1, on_progress=progress, cancel=cancel)
    assert plan.stats.cancelled and plan.stats.seconds < 10
    assert validate_plan(problem, plan).feasible
    assert reports and all(validate_plan(problem, r.plan).feasible for r in reports)


def test_progress_reports_valid_plans(day):
    problem = day()
    reports = []
    solve(problem, time_limit=1.2, seed=3, on_progress=reports.append)
    assert reports and reports[-1].complete
    for update in reports:
        assert validate_plan(problem, update.plan).feasible
        assert update.distance == validate_plan(problem, update.plan).distance


def test_warm_start_from_a_hand_edited_plan(day):
    problem = day(orders=12, vans=3)
    everything = tuple(stop for order in problem.orders for stop in order_stops(order))
    edited = Plan((Route("V1", everything), Route("V2", ()), Route("V3", ())))  # one overloaded long route
    plan = solve(problem, time_limit=5, seed=1, initial_plan=edited, max_iterations=ITERATIONS)
    assert_valid_and_complete(problem, plan)
    assert plan.unassigned == ()


def test_all_orders_required_reports_leftovers_instead_of_failing(day):
    problem = day(orders=30, vans=1, objective=Objective(orders_optional=False))
    plan = solve(problem, time_limit=5, seed=1, max_iterations=ITERATIONS)
    assert validate_plan(problem, plan).feasible
    assert plan.unassigned and all(item.reason for item in plan.unassigned)


def test_large_days_get_quick_settings_until_the_first_complete_plan_then_steady_ones(day, monkeypatch):
    from omnidesk.integrations.routing import solver

    phases = []
    search = solver._search

    def recorded(run, stop, seed, initial, phase):
        phases.append((phase, initial is not None and initial.is_feasible()))
        return search(run, stop, seed, initial, phase)

    monkeypatch.setattr(solver, "_search", recorded)
    problem = day()  # 30 stops: PyVRP's own settings throughout, one search
    plan = solve(problem, time_limit=30, seed=3, max_iterations=ITERATIONS)
    assert phases == [(solver.SMALL_DAY, False)] and solver.Phase() == solver.SMALL_DAY
    assert_valid_and_complete(problem, plan)
    phases.clear()
    monkeypatch.setattr(solver, "LARGE_DAY_STOPS", 30)  # the same day counted as large
    plan = solve(problem, time_limit=30, seed=3, max_iterations=ITERATIONS)
    assert phases == [(solver.QUICK, False), (solver.STEADY, True)]  # the second goes on from the complete plan
    assert plan.stats.first_feasible_seconds is not None and plan.stats.iterations <= ITERATIONS + 1
    assert_valid_and_complete(problem, plan)
    assert solver.QUICK.max_perturbations < solver.STEADY.max_perturbations < solver.SMALL_DAY.max_perturbations
