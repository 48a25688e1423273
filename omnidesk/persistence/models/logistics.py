"""Depots, drivers, vehicles, routes and their stops."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from omnidesk.core.enums import DepotKind, RouteStatus, StopKind

from ..base import Base, enum_column


class Depot(Base):
    __tablename__ = "depots"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[DepotKind] = mapped_column(enum_column(DepotKind))
    name: Mapped[str] = mapped_column(String(255))
    address: Mapped[str] = mapped_column(String(500))
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    open_from: Mapped[int] = mapped_column(default=8 * 60)  # minutes from midnight
    open_to: Mapped[int] = mapped_column(default=20 * 60)


class Vehicle(Base):
    __tablename__ = "vehicles"

    id: Mapped[int] = mapped_column(primary_key=True)
    plate: Mapped[str] = mapped_column(String(16), unique=True)
    model: Mapped[str] = mapped_column(String(64))
    capacity_kg: Mapped[int]
    capacity_dm3: Mapped[int]
    depot_id: Mapped[int | None] = mapped_column(ForeignKey("depots.id"))


class Driver(Base):
    __tablename__ = "drivers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(32))
    shift_start: Mapped[int] = mapped_column(default=8 * 60)  # minutes from midnight
    shift_end: Mapped[int] = mapped_column(default=20 * 60)
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicles.id"))
    active: Mapped[bool] = mapped_column(default=True)
    onec_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    # a portable register of the driver's own: money at the door is fiscalised on it
    register_url: Mapped[str | None] = mapped_column(String(255))
    register_serial: Mapped[str | None] = mapped_column(String(20))
    register_fn: Mapped[str | None] = mapped_column(String(16))
    door_receipts: Mapped[bool | None]  # None: at the door when the driver has a register
    register_read_fd: Mapped[int] = mapped_column(default=0, server_default="0")  # last FD read back

    vehicle: Mapped[Vehicle | None] = relationship()


class Route(Base):
    __tablename__ = "routes"

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(index=True)
    driver_id: Mapped[int | None] = mapped_column(ForeignKey("drivers.id"))
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicles.id"))
    depot_id: Mapped[int | None] = mapped_column(ForeignKey("depots.id"))
    status: Mapped[RouteStatus] = mapped_column(enum_column(RouteStatus), default=RouteStatus.DRAFT)
    distance_m: Mapped[int] = mapped_column(default=0)
    duration_s: Mapped[int] = mapped_column(default=0)
    onec_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    version: Mapped[int] = mapped_column(default=1)

    stops: Mapped[list[Stop]] = relationship(
        back_populates="route", cascade="all, delete-orphan", order_by="Stop.seq"
    )
    driver: Mapped[Driver | None] = relationship()

    __mapper_args__ = {"version_id_col": version}


class Stop(Base):
    __tablename__ = "stops"
    __table_args__ = (UniqueConstraint("route_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    route_id: Mapped[int] = mapped_column(ForeignKey("routes.id"), index=True)
    seq: Mapped[int]
    kind: Mapped[StopKind] = mapped_column(enum_column(StopKind))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    depot_id: Mapped[int | None] = mapped_column(ForeignKey("depots.id"))
    planned_arrival: Mapped[int | None]  # seconds from midnight
    locked: Mapped[bool] = mapped_column(default=False)
    carrier: Mapped[str | None] = mapped_column(String(64))
    track_number: Mapped[str | None] = mapped_column(String(64))
    result: Mapped[str | None] = mapped_column(String(32))

    route: Mapped[Route] = relationship(back_populates="stops")
