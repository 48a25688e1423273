"""Databases for tests: only `omnidesk init` migrates, so a test's fresh database is initialised first."""

from __future__ import annotations

from omnidesk.services.database import init_database
from omnidesk.services.uow import Database


def ready_database(url: str) -> Database:
    """The database at ``url``, created and migrated as `omnidesk init` would."""
    return init_database(url)[0]
