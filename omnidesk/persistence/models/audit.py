"""The append-only audit log: who changed what money or plan, when and why."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, local_now


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=local_now, index=True)
    user: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str | None] = mapped_column(String(128), default=None)
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None]
    details: Mapped[str] = mapped_column(Text, default="")  # JSON


class AuditLogIsAppendOnly(RuntimeError):
    """Raised when code tries to change or delete an audit entry."""


@event.listens_for(AuditEntry, "before_update")
@event.listens_for(AuditEntry, "before_delete")
def _refuse_change(mapper, connection, target) -> None:
    raise AuditLogIsAppendOnly("the audit log is append-only")
