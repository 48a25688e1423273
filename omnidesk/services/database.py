"""Opening, creating and upgrading the database."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import OperationalError

from omnidesk.core.errors import OmniDeskError
from omnidesk.persistence import migrate
from omnidesk.persistence.db import describe, make_engine

from .uow import Database


class DatabaseUnavailable(OmniDeskError):
    """The database cannot be reached or is not an OmniDesk database."""


@dataclass(frozen=True)
class InitResult:
    database: str
    revision_before: str | None
    revision_after: str

    @property
    def created(self) -> bool:
        return self.revision_before is None


def open_database(url: str) -> Database:
    """Connect to ``url`` and bring its schema up to date (creating it if empty)."""
    return init_database(url)[0]


def init_database(url: str) -> tuple[Database, InitResult]:
    """Create or upgrade the database in place, keeping its data."""
    engine = make_engine(url)
    try:
        before, after = migrate.upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseUnavailable(f"база данных недоступна ({describe(engine)}): {reason}") from exc
    return Database(engine), InitResult(describe(engine), before, after)


def create_app_role(db: Database, name: str, password: str) -> None:
    """PostgreSQL: the login role the workstations use, owning nothing (see persistence.app_role)."""
    from omnidesk.persistence.app_role import create_app_role as create

    create(db.engine, name, password)
