"""Coordinates for orders without them, from a Nominatim-compatible geocoder, cached in the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select

from omnidesk.persistence.models import Order
from omnidesk.persistence.models.planning import GeocodeEntry

from . import audit
from .auth import Actor, permit
from .uow import Database


class Geocoder(Protocol):
    base_url: str

    def geocode(self, address: str): ...


@dataclass(frozen=True)
class GeocodeOutcome:
    located: tuple[str, ...]  # order numbers that got coordinates
    not_found: tuple[str, ...]
    asked: int  # requests sent to the geocoder (the rest came from the cache)
    cancelled: bool = False  # stopped on request; the orders done so far keep their coordinates


@dataclass(frozen=True)
class GeocodeProgress:
    done: int
    total: int
    order: str  # the order just looked at
    found: bool


class Cancel(Protocol):
    def is_set(self) -> bool: ...


def normalise(address: str) -> str:
    return " ".join(address.replace("\u00a0", " ").split()).casefold()


def orders_to_geocode(db: Database, date: dt.date | None = None) -> list[tuple[str, str]]:
    """(number, address) of the orders (of `date`, or all) with an address but no coordinates."""
    with db.unit_of_work() as session:
        query = select(Order.number, Order.address).where(Order.lat.is_(None) | Order.lon.is_(None),
                                                          Order.address != "")
        if date is not None:
            query = query.where(Order.delivery_date == date)
        return [(number, address) for number, address in session.execute(query.order_by(Order.number))]


def geocode_orders(db: Database, actor: Actor, geocoder: Geocoder, date: dt.date | None = None, *,
                   on_progress: Callable[[GeocodeProgress], None] | None = None,
                   cancel: Cancel | None = None) -> GeocodeOutcome:
    """Give every order (of `date`, or all open ones) with an address but no coordinates its place.

    Each order is saved in its own short transaction (the geocoder is asked outside of it), so
    a cancel (`cancel.is_set()`, checked before each order) or a geocoder failure keeps the
    orders already located. `on_progress` is called after each order, from the calling thread.
    """
    permit(actor, "order.geocode")
    pending = orders_to_geocode(db, date)
    located: list[str] = []
    missing: list[str] = []
    asked = 0
    for done, (number, address) in enumerate(pending, start=1):
        if cancel is not None and cancel.is_set():
            return GeocodeOutcome(tuple(located), tuple(missing), asked, cancelled=True)
        key = normalise(address)
        entry = _cached(db, key)
        if entry is None:
            result = geocoder.geocode(address)
            asked += 1
            entry = _remember(db, key, result, geocoder.base_url)
        found, lat, lon, display_name = entry
        if found:
            _place(db, actor, number, lat, lon, display_name)
            located.append(number)
        else:
            missing.append(number)
        if on_progress is not None:
            on_progress(GeocodeProgress(done, len(pending), number, found))
    return GeocodeOutcome(tuple(located), tuple(missing), asked)


def _cached(db: Database, key: str) -> tuple[bool, float | None, float | None, str] | None:
    with db.unit_of_work() as session:
        entry = session.scalar(select(GeocodeEntry).where(GeocodeEntry.query == key))
        return None if entry is None else (entry.found, entry.lat, entry.lon, entry.display_name)


def _remember(db: Database, key: str, result, source: str) -> tuple[bool, float | None, float | None, str]:
    answer = (result is not None, result and result.lat, result and result.lon,
              result.display_name if result else "")
    with db.unit_of_work() as session:
        if session.scalar(select(GeocodeEntry).where(GeocodeEntry.query == key)) is None:
            session.add(GeocodeEntry(query=key, found=answer[0], lat=answer[1], lon=answer[2],
                                     display_name=answer[3], source=source))
    return answer


def _place(db: Database, actor: Actor, number: str, lat, lon, display_name: str) -> None:
    with db.unit_of_work() as session:
        order = session.scalar(select(Order).where(Order.number == number))
        if order is None or (order.lat is not None and order.lon is not None):
            return  # gone or located meanwhile
        order.lat, order.lon = lat, lon
        audit.record(session, actor.author, "order.geocode", "order", order.id, lat=lat, lon=lon, found=display_name)
