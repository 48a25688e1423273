"""Pure helpers around the solver: screening, locked starts and repair, on the line world."""

from __future__ import annotations

from dataclasses import replace

from omnidesk.core.routing import Load, Order, Plan, Route, RouteLock, StopRef, Vehicle, Window, pickup_stop
from omnidesk.core.routing.locks import locked_start
from omnidesk.core.routing.repair import repair_plan
from omnidesk.core.routing.screening import screen_orders
from omnidesk.core.routing.validator import validate_plan

A, B, C, PC = StopRef("A"), StopRef("B"), StopRef("C"), pickup_stop("C")


def test_screening_gives_each_hopeless_order_its_reason(make_problem):
    base = make_problem()
    heavy = Order("H", 1, Load(5000, 10), Window.parse("09:00", "18:00"))
    bulky = Order("V", 1, Load(10, 90_000), Window.parse("09:00", "18:00"))
    early = Order("E", 2, Load(10, 10), Window.parse("06:00", "06:30"))
    ghost = Order("G", 1, Load(10, 10), pinned_vehicle="V7")
    problem = make_problem(orders=[*base.orders, heavy, bulky, early, ghost])
    plannable, rejected = screen_orders(problem)
    assert [order.id for order in plannable] == ["A", "B", "C"]
    reasons = {item.order: item.reason for item in rejected}
    assert reasons["H"] == "вес 5000 кг больше, чем берёт самая большая машина (1000 кг)"
    assert reasons["V"] == "объём 90000 дм³ больше, чем берёт самая большая машина (5000 дм³)"
    assert reasons["E"].startswith("ни одна машина не успевает даже с одним этим заказом: окно 06:00–06:30")
    assert reasons["G"] == "закреплён за машиной V7, которой нет в плане дня"


def test_locked_start_continues_from_the_last_locked_stop(make_problem):
    problem = make_problem(locks=[RouteLock("V1", (PC, B))])
    start = locked_start(problem, problem.locks[0])
    # supplier 08:20–08:35, B (80 km on) 09:55, served until 10:05
    assert (start.location, start.time) == (2, 10 * 3600 + 5 * 60)
    assert start.carried == ("C",)
    # peak aboard in the locked part: B's 300 kg + C's 100 kg; C still aboard → room 1000 − 400 + 100
    assert start.capacity == Load(700, 3500)


def test_repair_takes_violating_orders_off_with_the_reason(make_problem):
    problem = make_problem(vehicles=[Vehicle("V1", Load(1000, 5000), Window.parse("08:00", "12:00"), "WH")])
    plan = Plan((Route("V1", (A, B, PC, C)),))
    repaired = repair_plan(problem, plan)
    assert validate_plan(problem, repaired).feasible
    assert [item.order for item in repaired.unassigned] == ["B"]
    assert repaired.unassigned[0].reason == "снят с маршрута при проверке: окно 09:00–09:30 нарушено на 10 мин"


def test_repair_keeps_locked_stops(make_problem):
    problem = make_problem(locks=[RouteLock("V1", (A, B))])
    plan = Plan((Route("V1", (A, B, PC, C), locked=2),))
    repaired = repair_plan(problem, plan)
    assert repaired.routes[0].stops[:2] == (A, B)
    shift_only = [v for v in validate_plan(problem, repaired).violations if v.order not in ("A", "B")]
    assert not shift_only


def test_service_rule():
    from omnidesk.core.routing import ServiceRule

    rule = ServiceRule()
    assert rule.seconds(49) == 600 and rule.seconds(139) == 720
    assert replace(rule, step_kg=0).seconds(1000) == 600
