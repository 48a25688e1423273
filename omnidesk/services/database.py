"""Opening, creating and upgrading the database.

Only ``omnidesk init`` (and the demo, on its own new file) creates or upgrades a schema — on PostgreSQL
under an advisory lock, so two first starts never migrate at once. Every other command opens the
database as it is and says plainly when it first needs ``omnidesk init``; a mistyped SQLite path is
reported, never silently created as an empty database.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from omnidesk.core.errors import OmniDeskError
from omnidesk.persistence import migrate
from omnidesk.persistence.db import describe, make_engine, normalise_url

from .uow import Database

MIGRATION_LOCK = int.from_bytes(hashlib.sha256(b"omnidesk: migrations").digest()[:8], "big", signed=True)


class DatabaseUnavailable(OmniDeskError):
    """The database cannot be reached or is not an OmniDesk database."""


class DatabaseNotCreated(DatabaseUnavailable):
    """There is no OmniDesk database there yet: `omnidesk init` creates it."""


@dataclass(frozen=True)
class InitResult:
    database: str
    revision_before: str | None
    revision_after: str

    @property
    def created(self) -> bool:
        return self.revision_before is None


def open_database(url: str) -> Database:
    """Connect to an initialised database whose schema is up to date (else say it needs ``omnidesk init``)."""
    engine = _engine(url, create=False)
    try:
        revision = migrate.current_revision(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise _unavailable(engine, exc) from exc
    head = migrate.head_revision()
    if revision != head:
        engine.dispose()
        where = describe(engine)
        if revision is None:
            raise DatabaseNotCreated(f"база {where} не создана — выполните: omnidesk init")
        raise DatabaseUnavailable(f"схема базы {where} — ревизия {revision}, программе нужна {head}: "
                                  "выполните omnidesk init (данные сохранятся)")
    return Database(engine)


def init_database(url: str) -> tuple[Database, InitResult]:
    """Create or upgrade the database in place, keeping its data."""
    engine = _engine(url, create=True)
    try:
        before, after = _upgrade(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise _unavailable(engine, exc) from exc
    return Database(engine), InitResult(describe(engine), before, after)


def _upgrade(engine: Engine) -> tuple[str | None, str]:
    if engine.dialect.name != "postgresql":
        return migrate.upgrade(engine)  # SQLite: the migration holds the write lock (BEGIN IMMEDIATE)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as lock:
        lock.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK})
        try:
            return migrate.upgrade(engine)
        finally:
            lock.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK})


def _engine(url: str, *, create: bool) -> Engine:
    """An engine for ``url``, or a clear message for a URL that names no database OmniDesk can use."""
    text_url = normalise_url(url)
    try:
        parsed = make_url(text_url)
        backend = parsed.get_backend_name()
    except ArgumentError:
        raise DatabaseUnavailable(f"адрес базы «{url}» не понят: нужен путь к файлу SQLite, "
                                  "sqlite:///путь или postgresql://…") from None
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseUnavailable(f"база «{backend}» не поддерживается: нужен SQLite или PostgreSQL")
    if backend == "sqlite":
        _check_sqlite_path(parsed.database, create=create)
    try:
        return make_engine(text_url)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise DatabaseUnavailable(f"адрес базы «{url}» не подходит: {exc}") from None


def _check_sqlite_path(database: str | None, *, create: bool) -> None:
    if not database or database == ":memory:":
        return
    path = Path(database)
    if path.is_dir():
        raise DatabaseUnavailable(f"{path} — папка, а не файл базы")
    if not create and not path.exists():
        raise DatabaseNotCreated(f"файла базы {path} нет — проверьте путь или создайте базу: omnidesk init --db {path}")
    if create and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)


def _unavailable(engine: Engine, exc: DBAPIError) -> DatabaseUnavailable:
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    if "file is not a database" in reason:
        return DatabaseUnavailable(f"{describe(engine)}: файл не является базой данных")
    return DatabaseUnavailable(f"база данных недоступна ({describe(engine)}): {reason}")


def create_app_role(db: Database, name: str, password: str) -> None:
    """PostgreSQL: the login role the workstations use, owning nothing (see persistence.app_role)."""
    from omnidesk.persistence.app_role import create_app_role as create

    create(db.engine, name, password)
