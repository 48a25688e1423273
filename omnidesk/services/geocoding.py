"""Coordinates for orders without them, from a Nominatim-compatible geocoder, cached in the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select

from omnidesk.core.enums import Role
from omnidesk.persistence.models import Order
from omnidesk.persistence.models.planning import GeocodeEntry

from . import audit
from .auth import Actor, require
from .uow import Database


class Geocoder(Protocol):
    base_url: str

    def geocode(self, address: str): ...


@dataclass(frozen=True)
class GeocodeOutcome:
    located: tuple[str, ...]  # order numbers that got coordinates
    not_found: tuple[str, ...]
    asked: int  # requests sent to the geocoder (the rest came from the cache)


def normalise(address: str) -> str:
    return " ".join(address.replace("\u00a0", " ").split()).casefold()


def geocode_orders(db: Database, actor: Actor, geocoder: Geocoder, date: dt.date | None = None) -> GeocodeOutcome:
    """Give every order (of `date`, or all open ones) with an address but no coordinates its place."""
    require(actor, Role.LOGIST, action="поиск координат адресов")
    located, missing, asked = [], [], 0
    with db.unit_of_work() as session:
        query = select(Order).where(Order.lat.is_(None) | Order.lon.is_(None), Order.address != "")
        if date is not None:
            query = query.where(Order.delivery_date == date)
        for order in session.scalars(query.order_by(Order.number)):
            key = normalise(order.address)
            entry = session.scalar(select(GeocodeEntry).where(GeocodeEntry.query == key))
            if entry is None:
                result = geocoder.geocode(order.address)
                asked += 1
                entry = GeocodeEntry(query=key, found=result is not None, lat=result and result.lat,
                                     lon=result and result.lon, display_name=result.display_name if result else "",
                                     source=geocoder.base_url)
                session.add(entry)
                session.flush()
            if entry.found:
                order.lat, order.lon = entry.lat, entry.lon
                located.append(order.number)
                audit.record(session, actor.name, "order.geocode", "order", order.id, lat=entry.lat, lon=entry.lon,
                             found=entry.display_name)
            else:
                missing.append(order.number)
    return GeocodeOutcome(tuple(located), tuple(missing), asked)
