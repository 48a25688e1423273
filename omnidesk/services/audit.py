"""Every change of money or plans leaves an entry: who, when, what, why."""

from __future__ import annotations

import getpass
import json
from typing import Any

from sqlalchemy.orm import Session

from omnidesk.persistence.models import AuditEntry

from . import collect


def current_user(name: str | None = None) -> str:
    """The user named in settings, else the operating-system login."""
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def record(session: Session, user: str, action: str, entity: str, entity_id: int | None, **details: Any) -> None:
    session.add(AuditEntry(
        user=user[:64], workstation=collect.workstation(), action=action, entity=entity, entity_id=entity_id,
        details=json.dumps(details, ensure_ascii=False, default=str, sort_keys=True),
    ))
