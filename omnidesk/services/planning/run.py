"""Use cases: load the day, optimise it (with progress and cancel), save, pin, lock, move, publish."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from omnidesk.core.routing import Plan, Unassigned

from ..auth import Actor, permit
from ..uow import Database
from . import store
from .build import build_draft
from .draft import DayDraft, not_planned_yet
from .loading import read_day
from .travel import Travel

if TYPE_CHECKING:  # the solver brings PyVRP and NumPy: loaded when a day is planned, not by every command
    from omnidesk.integrations.routing.solver import Cancel, Progress


@dataclass(frozen=True)
class PlanProgress:
    """The best valid plan so far, as a draft the UI can show."""

    draft: DayDraft
    elapsed: float
    distance_m: int
    complete: bool


def load_draft(db: Database, date: dt.date, travel: Travel | None = None,
               fallback_depot: tuple[str, float, float] | None = None) -> DayDraft:
    """The day as saved: plannable orders, vans, routes; the others listed with the reason."""
    return build_draft(read_day(db, date, fallback_depot), travel)


def optimise(draft: DayDraft, time_limit: float = 10.0, seed: int = 1, *, keep_locks: bool = True,
             on_progress: Callable[[PlanProgress], None] | None = None, cancel: Cancel | None = None,
             max_iterations: int | None = None) -> DayDraft:
    """Re-plan the day. With keep_locks the locked beginnings stay and the rest starts from the
    current routes; without, every draft route is planned anew (published routes always stay)."""
    if not keep_locks:
        draft = draft.unlocked()
    if not draft.problem.vehicles:
        reason = "нет водителей с машинами"
        return replace(draft, plan=Plan(draft.plan.routes, tuple(Unassigned(o.id, reason)
                                                                 for o in draft.problem.orders)))
    initial = draft.plan if any(route.stops for route in draft.plan.routes) else None

    def report(progress: Progress) -> None:
        if on_progress is not None:
            on_progress(PlanProgress(draft.with_plan(progress.plan), progress.elapsed, progress.distance,
                                     progress.complete))

    from omnidesk.integrations.routing.solver import solve

    plan = solve(draft.problem, time_limit, seed, initial, report, cancel, max_iterations)
    return draft.with_plan(plan)


def save(db: Database, actor: Actor, draft: DayDraft, travel: Travel | None = None) -> DayDraft:
    """Save the draft's routes and read them back (new versions), keeping the reasons of unassigned orders."""
    store.save_draft(db, actor, draft)
    return reloaded(db, draft, travel)


def reloaded(db: Database, draft: DayDraft, travel: Travel | None = None) -> DayDraft:
    fresh = load_draft(db, draft.records.date, travel, draft.records.fallback_depot)
    reasons = {item.order: item.reason for item in draft.plan.unassigned}
    unassigned = tuple(replace(item, reason=reasons.get(item.order, item.reason)) for item in fresh.plan.unassigned
                       if item.reason == not_planned_yet())
    return replace(fresh, plan=replace(fresh.plan, unassigned=unassigned, stats=draft.plan.stats))


def plan_day(db: Database, actor: Actor, date: dt.date, *, travel: Travel | None = None, time_limit: float = 10.0,
             seed: int = 1, keep_locks: bool = True, max_iterations: int | None = None,
             fallback_depot: tuple[str, float, float] | None = None,
             on_progress: Callable[[PlanProgress], None] | None = None, cancel: Cancel | None = None) -> DayDraft:
    """Load, optimise and save the day's draft routes."""
    permit(actor, "routes.save")  # refused before the solver spends its time
    draft = load_draft(db, date, travel, fallback_depot)
    planned = optimise(draft, time_limit, seed, keep_locks=keep_locks, on_progress=on_progress, cancel=cancel,
                       max_iterations=max_iterations)
    return save(db, actor, planned, travel)


def move_stop(db: Database, actor: Actor, draft: DayDraft, stop: str, driver_id: int | None,
              position: int | None = None, travel: Travel | None = None) -> DayDraft:
    """Move a stop by hand and save; the returned draft's `verdict` is the validator's word on it."""
    return save(db, actor, draft.moved(stop, None if driver_id is None else str(driver_id), position), travel)


def lock_route(db: Database, actor: Actor, draft: DayDraft, driver_id: int, count: int,
               travel: Travel | None = None) -> DayDraft:
    """Fix the first `count` stops of a driver's route; re-optimising keeps them as they are."""
    return save(db, actor, draft.locked(str(driver_id), count), travel)


def pin_order(db: Database, actor: Actor, draft: DayDraft, order: str, driver_id: int | None,
              travel: Travel | None = None) -> DayDraft:
    """Pin an order to a driver (None unpins); it moves onto that driver's route at once."""
    vehicle = None if driver_id is None else str(driver_id)
    moved = draft.pinned(order, vehicle)
    store.set_pin(db, actor, order, driver_id)
    return save(db, actor, moved, travel)


def publish_day(db: Database, actor: Actor, draft: DayDraft, travel: Travel | None = None) -> tuple[int, DayDraft]:
    """Publish the saved draft routes: they become the drivers' work."""
    count = store.publish(db, actor, draft)
    return count, reloaded(db, draft, travel)
