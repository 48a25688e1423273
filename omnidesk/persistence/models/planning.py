"""Route-planning data beside the orders: pins to a driver, carrier hand-overs, geocoded addresses."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, local_now


class OrderPlanning(Base):
    """How the logist wants an order planned: on one driver's route, or handed to a carrier."""

    __tablename__ = "order_planning"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    pinned_driver_id: Mapped[int | None] = mapped_column(ForeignKey("drivers.id"))
    carrier: Mapped[str | None] = mapped_column(String(64))
    track_number: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(default=local_now)
    updated_by: Mapped[str] = mapped_column(String(64), default="")


class GeocodeEntry(Base):
    """A geocoder's answer for one address (found or not), so each address is asked for once."""

    __tablename__ = "geocode_cache"

    id: Mapped[int] = mapped_column(primary_key=True)
    query: Mapped[str] = mapped_column(String(500), unique=True)
    found: Mapped[bool]
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    display_name: Mapped[str] = mapped_column(String(500), default="")
    source: Mapped[str] = mapped_column(String(255), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=local_now)
