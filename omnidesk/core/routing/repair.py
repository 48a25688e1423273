"""Make a proposed plan pass the validator by taking violating orders off their routes."""

from __future__ import annotations

from dataclasses import replace

from omnidesk.core.routing import words
from omnidesk.core.routing.model import Problem
from omnidesk.core.routing.plan import Plan, Route, Unassigned
from omnidesk.core.routing.validator import RouteReport, validate_route


def repair_plan(problem: Problem, plan: Plan) -> Plan:
    """Remove, one at a time, the order behind each violation in the unlocked part of a route.

    Solvers only propose; whatever they return, the plan handed on passes the validator
    (apart from violations inside locked stops, which the logist fixed and must see).
    """
    routes: list[Route] = []
    unassigned = list(plan.unassigned)
    vehicles = problem.vehicles_by_id
    for route in plan.routes:
        vehicle = vehicles[route.vehicle]
        while True:
            report = validate_route(problem, vehicle, route.stops)
            culprit = _culprit(route, report)
            if culprit is None:
                break
            order_id, text = culprit
            route = replace(route, stops=tuple(stop for stop in route.stops if stop.order != order_id))
            unassigned.append(Unassigned(order_id, words.rejected_by_validator(text)))
        routes.append(route)
    return replace(plan, routes=tuple(routes), unassigned=tuple(unassigned))


def _culprit(route: Route, report: RouteReport) -> tuple[str, str] | None:
    """The order to take off for the first violation that removing an unlocked order can fix."""
    unlocked = [stop.order for stop in route.stops[route.locked:]]
    if not unlocked:
        return None
    for violation in report.violations:
        if violation.order is not None and violation.order in unlocked:
            return violation.order, violation.text
    for violation in report.violations:
        if violation.order is None:
            return unlocked[-1], violation.text
    return None
