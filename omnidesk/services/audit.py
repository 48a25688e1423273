"""Every change of money, receipts, routes, users and settings leaves an entry: who, when, which workstation,
what (before → after), why. The database refuses to change or delete one (triggers); :func:`entries` reads
them for the viewer and the export."""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from omnidesk.persistence.models import AuditEntry

from . import collect
from .auth import Actor, permit

if TYPE_CHECKING:
    from .uow import Database


def current_user(name: str | None = None) -> str:
    """The user named in settings, else the operating-system login."""
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


# tables whose rows carry a version column → the object name their audit entries use
ENTITY_OF_TABLE = {"payments": "payment", "allocations": "allocation", "receipts": "receipt", "routes": "routes",
                   "bank_lines": "bank_line"}


def last_change(session: Session, targets: list[tuple[str, int]]) -> tuple[str, dt.datetime] | None:
    """The author and time of the newest audit entry about any of these rows (table, id)."""
    best: tuple[str, dt.datetime] | None = None
    for table, ident in targets:
        entity = ENTITY_OF_TABLE.get(table)
        if entity is None:
            continue
        query = select(AuditEntry.user, AuditEntry.at).where(AuditEntry.entity == entity)
        if entity != "routes":  # routes are audited per day, not per row
            query = query.where(AuditEntry.entity_id == ident)
        row = session.execute(query.order_by(AuditEntry.id.desc()).limit(1)).first()
        if row is not None and (best is None or row.at > best[1]):
            best = (row.user, row.at)
    return best


# an entry's details as stored; one encoder (json.dumps with options would build one per entry)
details_json = json.JSONEncoder(ensure_ascii=False, default=str, sort_keys=True).encode


def record(session: Session, user: str, action: str, entity: str, entity_id: int | None, **details: Any) -> None:
    session.add(AuditEntry(
        user=user[:64], workstation=collect.workstation(), action=action, entity=entity, entity_id=entity_id,
        details=details_json(details),
    ))


@dataclass(frozen=True)
class AuditFilter:
    user: str = ""  # login (exact, case-blind)
    entity: str = ""  # payment, receipt, order, user, setting…
    entity_id: int | None = None
    action: str = ""  # prefix: "payment." finds every payment action
    since: dt.date | None = None
    until: dt.date | None = None  # inclusive


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    user: str
    workstation: str
    action: str
    entity: str
    entity_id: int | None
    details: dict[str, Any]

    @property
    def summary(self) -> str:
        """before → after when the entry has them, else its details, as one line."""
        details = dict(self.details)
        before, after = details.pop("before", None), details.pop("after", None)
        parts = [f"{k}={v}" for k, v in sorted(details.items())]
        if before is not None or after is not None:
            parts.append(f"{_short(before)} → {_short(after)}")
        return "; ".join(parts)


def entries(db: Database, actor: Actor, where: AuditFilter = AuditFilter(), *, limit: int = 10_000) -> list[AuditRow]:
    """The audit log, newest first, filtered by user, object and period (the viewer and the export read this)."""
    permit(actor, "audit.view")
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if where.user:
        query = query.where(func.lower(AuditEntry.user) == where.user.strip().lower())
    if where.entity:
        query = query.where(AuditEntry.entity == where.entity)
    if where.entity_id is not None:
        query = query.where(AuditEntry.entity_id == where.entity_id)
    if where.action:
        query = query.where(AuditEntry.action.startswith(where.action))
    if where.since:
        query = query.where(AuditEntry.at >= dt.datetime.combine(where.since, dt.time()))
    if where.until:
        query = query.where(AuditEntry.at < dt.datetime.combine(where.until + dt.timedelta(days=1), dt.time()))
    with db.read() as session:
        return [AuditRow(e.id, e.at, e.user, e.workstation or "", e.action, e.entity, e.entity_id, _details(e.details))
                for e in session.scalars(query)]


def _details(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {"text": text}
    return value if isinstance(value, dict) else {"value": value}


def _short(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return "—" if value is None else str(value)


def export(db: Database, actor: Actor, where: AuditFilter, path: str | Path) -> int:
    """Write the filtered log to an Excel file (``.xlsx``) or CSV (``.csv``, UTF-8 with BOM); returns the rows."""
    rows = entries(db, actor, where, limit=1_000_000)
    out = Path(path)
    if out.suffix.lower() == ".csv":
        with out.open("w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream, delimiter=";")
            writer.writerow(["id", "at", "user", "workstation", "action", "entity", "entity_id", "details"])
            for r in rows:
                writer.writerow([r.id, r.at.isoformat(sep=" ", timespec="seconds"), r.user, r.workstation, r.action,
                                 r.entity, "" if r.entity_id is None else r.entity_id, _csv_safe(r.summary)])
    else:
        from omnidesk.integrations.excel.audit_log import write_audit

        write_audit(rows, out)
    return len(rows)


def _csv_safe(text: str) -> str:
    """A spreadsheet opening the CSV must not run a cell as a formula."""
    return "'" + text if text.startswith(("=", "+", "-", "@")) else text
