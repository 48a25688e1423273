"""The sync engine's small memory in the database (``sync_state``): history id, last pulls, caches."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from omnidesk.persistence.models import SyncState


def get_state(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(SyncState, key)
    return row.value if row is not None else default


def put_state(session: Session, key: str, value: str) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def get_json(session: Session, key: str) -> Any:
    text = get_state(session, key)
    return json.loads(text) if text else None


def put_json(session: Session, key: str, value: Any) -> None:
    put_state(session, key, json.dumps(value, ensure_ascii=False, default=str))


def install_id(session: Session) -> str:
    """This database's name in the keys it writes elsewhere (made by the migration)."""
    value = get_state(session, "install_id")
    if not value:
        import uuid

        value = uuid.uuid4().hex
        put_state(session, "install_id", value)
    return value
