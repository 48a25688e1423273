"""Sync with the CRM and 1C: the outbox of writes to send, the engine's own state, conflicts to resolve."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, local_now


class OutboxMessage(Base):
    """One write to an outside system, stored in the transaction of the change it reports.

    ``target``: ``crm``, ``onec`` or ``money`` (a payment: where it goes is ``sync.payment_master`` when it is
    sent, so it can never go to both). ``stream``: messages of one stream (an order, a route) leave in id
    order; a message waiting or parked holds back the later ones of its stream.
    """

    __tablename__ = "sync_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    target: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(32))
    stream: Mapped[str] = mapped_column(String(64), index=True)
    external_id: Mapped[str] = mapped_column(String(128))  # the idempotency key the other side sees
    payload: Mapped[str] = mapped_column(Text)  # JSON
    state: Mapped[str] = mapped_column(String(8), default="pending", index=True)  # pending|sent|parked|skipped
    attempts: Mapped[int] = mapped_column(default=0)
    next_at: Mapped[dt.datetime] = mapped_column(default=local_now)
    last_error: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=local_now)
    sent_at: Mapped[dt.datetime | None]


class SyncState(Base):
    """The engine's memory: the last applied CRM history id, last successful pulls, cached reference books."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class SyncConflict(Base):
    """A change from the CRM that was not applied because it would overwrite planned or paid work."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(String(1000))
    created_at: Mapped[dt.datetime] = mapped_column(default=local_now)
    resolved_at: Mapped[dt.datetime | None]
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
