"""Cash and card slips a driver hands in to the cashier at the end of a route."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, Kopecks, local_now


class CashHandover(Base):
    __tablename__ = "cash_handovers"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(index=True)
    driver_id: Mapped[int] = mapped_column(ForeignKey("drivers.id"), index=True)
    route_id: Mapped[int | None] = mapped_column(ForeignKey("routes.id"))
    cash: Mapped[Kopecks]  # kopecks counted
    card: Mapped[Kopecks]  # kopecks of card and SBP slips
    received_by: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=local_now)
