"""solve(problem, time_limit, seed, ...) → Plan, with PyVRP as the engine.

The engine only proposes: every plan handed out (the final one and each progress report)
has been checked by the core validator, and orders behind a violation are taken off the
route with the reason. Locked route beginnings never reach the engine.
"""

from __future__ import annotations

import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from pyvrp import Solution
from pyvrp.exceptions import PenaltyBoundWarning
from pyvrp.IteratedLocalSearch import IteratedLocalSearchCallbacks, IteratedLocalSearchParams
from pyvrp.PenaltyManager import PenaltyParams
from pyvrp.search import NeighbourhoodParams, PerturbationParams
from pyvrp.solve import SolveParams
from pyvrp.solve import solve as pyvrp_solve

from omnidesk.core.routing import words
from omnidesk.core.routing.model import Problem, StopRef
from omnidesk.core.routing.plan import Plan, Route, SolveStats, Unassigned
from omnidesk.core.routing.repair import repair_plan
from omnidesk.core.routing.screening import screen_orders
from omnidesk.core.routing.validator import validate_plan
from omnidesk.integrations.routing.pyvrp_model import PyVrpModel

PROGRESS_INTERVAL_S = 0.5
REQUIRED_PHASE_SHARE = 0.5


@dataclass(frozen=True)
class Phase:
    """PyVRP settings for one stretch of the search (see `solve`)."""

    max_perturbations: int = 25
    solutions_between_updates: int = 500
    num_neighbours: int = 50
    history_length: int = 300


# Until the first complete plan: small perturbations and quick penalty updates reach a valid
# plan of a tight 300-order day in about a second (PyVRP's defaults took 3-5 s or longer).
QUICK = Phase(max_perturbations=5, solutions_between_updates=50)
# Then improve it: on a big day (bench/results/omnidesk300.md, 330 stops, 30 s) smaller
# perturbations than PyVRP's defaults end shorter.
STEADY = Phase(max_perturbations=10, solutions_between_updates=50)
# Smaller days find a complete plan in hundredths of a second anyway, and on the 100-customer
# benchmarks (10 s) both changes did harm: a steady phase of 10 got stuck (lc203 +8.6 %), and
# the quick phase before PyVRP's defaults left lr202, lrc201 and lrc202 at +1.3 to +2.3 %
# (bench/results/*_steady10.md, *_quick.md). They keep PyVRP's defaults throughout. The
# threshold lies between the two sizes measured; it is not tuned.
SMALL_DAY = Phase()
LARGE_DAY_STOPS = 200


def phases(stops: int) -> tuple[Phase, Phase]:
    """The settings before and after the first complete plan, for a day of `stops` stops."""
    return (QUICK, STEADY) if stops >= LARGE_DAY_STOPS else (SMALL_DAY, SMALL_DAY)


class Cancel(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class Progress:
    """The best valid plan so far; `complete` when no order had to be left out by the engine."""

    plan: Plan
    elapsed: float
    iterations: int
    distance: int
    complete: bool


def solve(problem: Problem, time_limit: float, seed: int = 1, initial_plan: Plan | None = None,
          on_progress: Callable[[Progress], None] | None = None, cancel: Cancel | None = None,
          max_iterations: int | None = None) -> Plan:
    """Plan the day within `time_limit` seconds (or `max_iterations`, for runs that repeat exactly).

    `cancel` is a threading.Event (anything with is_set()); when it is set the search stops
    and the best plan so far is returned with stats.cancelled set. `on_progress` is called
    from the solving thread with the best plan so far, at most every half second, and at
    once when the first complete plan appears.

    The search first requires every order (PyVRP reaches a complete plan much sooner so),
    on a large day with the QUICK settings, and once a complete plan appears it goes on from it
    with the STEADY ones (`phases`). When the objective allows leaving orders out and no complete plan has appeared by
    REQUIRED_PHASE_SHARE of the budget, it goes on from the best attempt with each order
    optional at a high prize, so the orders that do not fit end up unassigned.
    """
    started = time.perf_counter()
    plannable, rejected = screen_orders(problem)
    run = _Run(problem, PyVrpModel(problem, plannable, None), rejected, started, on_progress)
    cancel = cancel or threading.Event()
    give_up = problem.objective.orders_optional
    first, steady = phases(sum(2 if order.pickup else 1 for order in plannable))
    stop = _Stop(started, time_limit, max_iterations, cancel, run, REQUIRED_PHASE_SHARE if give_up else None,
                 until_complete=first != steady)
    initial = run.model.solution_of(_unlocked_stops(problem, initial_plan)) if initial_plan else None
    best, iterations = _search(run, stop, seed, initial, first)
    if stop.completed:
        stop = _Stop(started, time_limit, max_iterations, cancel, run, None, iterations)
        best, more = _search(run, stop, seed, best, steady)
        iterations += more
    elif stop.gave_up:
        optional = PyVrpModel(problem, plannable, _prize(problem))
        warm = optional.solution_of(run.model.routes_of(best))
        run.model = optional
        stop = _Stop(started, time_limit, max_iterations, cancel, run, None, iterations)
        best, more = _search(run, stop, seed, warm, steady)
        iterations += more
    plan = run.plan_of(best)
    run.note_best(best, plan)
    stats = SolveStats(round(time.perf_counter() - started, 3), run.first_feasible, iterations,
                       cancelled=stop.cancelled)
    return Plan(plan.routes, plan.unassigned, stats)


def _search(run: _Run, stop: _Stop, seed: int, initial: Solution | None, phase: Phase) -> tuple[Solution, int]:
    params = SolveParams(ils=IteratedLocalSearchParams(history_length=phase.history_length, callbacks=run),
                         penalty=PenaltyParams(solutions_between_updates=phase.solutions_between_updates),
                         neighbourhood=NeighbourhoodParams(num_neighbours=phase.num_neighbours),
                         perturbation=PerturbationParams(1, phase.max_perturbations))
    with warnings.catch_warnings():
        # On a tight day PyVRP warns when a penalty reaches its cap; the search goes on, and a day that has
        # no complete plan ends with the orders that do not fit listed with the reason. Not for the console.
        warnings.simplefilter("ignore", PenaltyBoundWarning)
        result = pyvrp_solve(run.model.data, stop, seed=seed, collect_stats=False, display=False, params=params,
                             initial_solution=initial)
    return result.best, result.num_iterations


def _prize(problem: Problem) -> int | None:
    """What leaving an order out costs: more than any detour and an extra van together."""
    objective = problem.objective
    if not objective.orders_optional:
        return None
    if objective.unassigned_penalty is not None:
        return objective.unassigned_penalty
    longest = max((max(row) for row in problem.matrix.distances), default=0)
    return 10 * (2 * longest + objective.vehicle_fixed_cost) + 1


def _unlocked_stops(problem: Problem, plan: Plan) -> dict[str, list[StopRef]]:
    routes: dict[str, list[StopRef]] = {}
    for route in plan.routes:
        lock = problem.lock_for(route.vehicle)
        skip = len(lock.stops) if lock and tuple(route.stops[: len(lock.stops)]) == lock.stops else 0
        locked = {str(stop) for stop in lock.stops} if lock else set()
        routes[route.vehicle] = [stop for stop in route.stops[skip:] if str(stop) not in locked]
    return routes


class _Stop:
    """PyVRP stopping criterion: time or iteration limit, a cancel request, giving up on a
    complete plan after `give_up_share` of the budget, or (`until_complete`) the first one found."""

    def __init__(self, started: float, time_limit: float, max_iterations: int | None, cancel: Cancel,
                 run: _Run, give_up_share: float | None, iterations_done: int = 0, until_complete: bool = False
                 ) -> None:
        self.started = started
        self.time_limit = time_limit
        self.max_iterations = max_iterations
        self.cancel = cancel
        self.run = run
        self.give_up_share = give_up_share
        self.iterations = iterations_done
        self.until_complete = until_complete
        self.cancelled = False
        self.gave_up = False
        self.completed = False

    def __call__(self, best_cost: int) -> bool:
        if self.cancel.is_set():
            self.cancelled = True
            return True
        self.iterations += 1
        used = self._used_share()
        if used >= 1.0:
            return True
        if self.until_complete and self.run.first_feasible is not None:
            self.completed = True
            return True
        if self.give_up_share is not None and used >= self.give_up_share and self.run.first_feasible is None:
            self.gave_up = True
            return True
        return False

    def _used_share(self) -> float:
        if self.max_iterations is not None:
            return self.iterations / max(self.max_iterations, 1)
        return (time.perf_counter() - self.started) / max(self.time_limit, 1e-9)


class _Run(IteratedLocalSearchCallbacks):
    """Turns PyVRP solutions into validated plans and reports progress."""

    def __init__(self, problem: Problem, model: PyVrpModel, rejected: list[Unassigned], started: float,
                 on_progress: Callable[[Progress], None] | None) -> None:
        self.problem = problem
        self.model = model
        self.rejected = rejected
        self.started = started
        self.on_progress = on_progress
        self.first_feasible: float | None = None
        self.iterations = 0
        self.pending: Solution | None = None
        self.last_report = 0.0

    def plan_of(self, solution: Solution) -> Plan:
        """The full plan (locked beginnings + engine's continuation), repaired to pass the validator."""
        continuation = self.model.routes_of(solution)
        routes = []
        for vehicle in self.problem.vehicles:
            lock = self.problem.lock_for(vehicle.id)
            locked = lock.stops if lock else ()
            routes.append(Route(vehicle.id, (*locked, *continuation.get(vehicle.id, [])), len(locked)))
        placed = {stop.order for route in routes for stop in route.stops}
        dropped = [Unassigned(order.id, words.no_room_left()) for order in self.model.orders
                   if order.id not in placed]
        return repair_plan(self.problem, Plan(tuple(routes), (*self.rejected, *dropped)))

    def note_best(self, solution: Solution, plan: Plan | None = None) -> None:
        """Record when the first complete valid plan appeared and report it without delay."""
        if self.first_feasible is not None or not solution.is_feasible() or solution.unplanned():
            return
        plan = plan or self.plan_of(solution)
        if len(plan.unassigned) == len(self.rejected):
            self.first_feasible = round(time.perf_counter() - self.started, 3)
            self._report(plan, complete=True)

    def on_start(self, ils) -> None:
        self.note_best(ils.initial_solution)

    def on_best(self, best: Solution) -> None:
        self.pending = best
        if self.first_feasible is None:
            self.note_best(best)
            if self.first_feasible is not None:
                self.pending = None

    def on_iteration(self, current: Solution, candidate: Solution, best: Solution, cost_evaluator) -> None:
        self.iterations += 1
        if self.on_progress is None or time.perf_counter() - self.last_report < PROGRESS_INTERVAL_S:
            return
        if self.pending is None and self.first_feasible is None:
            self.pending = current  # nothing complete yet: show the current attempt, repaired
        if self.pending is not None:
            plan = self.plan_of(self.pending)
            self.pending = None
            self._report(plan, complete=len(plan.unassigned) == len(self.rejected))

    def _report(self, plan: Plan, complete: bool) -> None:
        self.last_report = time.perf_counter()
        if self.on_progress is None:
            return
        distance = validate_plan(self.problem, plan).distance
        self.on_progress(Progress(plan, round(self.last_report - self.started, 3), self.iterations, distance,
                                  complete))
