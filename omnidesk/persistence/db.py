"""Engines and sessions: SQLite by default, PostgreSQL for an office with several workstations."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Engine, Row, bindparam, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker


def normalise_url(url: str) -> str:
    """Accept a bare file path as a SQLite database and ``postgresql://`` as psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


SQLITE_WAIT_S = 15.0  # how long a workstation waits for SQLite's write lock before it says "busy"


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, echo=echo, connect_args={"timeout": SQLITE_WAIT_S})
        event.listen(engine, "connect", _sqlite_setup)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    engine = create_engine(url, echo=echo, pool_pre_ping=True)
    if parsed.get_backend_name() == "postgresql":
        event.listen(engine, "connect", _postgres_setup)
    return engine


LOCK_WAIT_S = 20  # how long a workstation waits for a row another one holds before it says "busy"


def _postgres_setup(dbapi_connection, _record) -> None:
    with dbapi_connection.cursor() as cursor:
        cursor.execute(f"SET lock_timeout = '{int(LOCK_WAIT_S * 1000)}ms'")
    dbapi_connection.commit()


def _sqlite_setup(dbapi_connection, _record) -> None:
    # SQLite's own lower()/upper() know only ASCII; Cyrillic names must compare case-blind too
    dbapi_connection.create_function("lower", 1, _lower, deterministic=True)
    dbapi_connection.create_function("upper", 1, _upper, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # pysqlite would begin a transaction only at the first write, after the unit of work has read and
    # checked what it is about to change; we begin it ourselves (see _sqlite_begin)
    dbapi_connection.isolation_level = None


WRITE = "omnidesk_write"  # execution option of a connection that will write: SQLite takes the write lock at BEGIN


def _sqlite_begin(connection) -> None:
    """BEGIN IMMEDIATE for a unit of work that writes: what it reads and checks and what it writes are one.

    SQLite has no row locks (``SELECT … FOR UPDATE`` does nothing), so two workstations checking the same
    money would both pass; taking the database's write lock before the first read makes them take turns."""
    immediate = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def describe(engine: Engine) -> str:
    """A short, password-free description for the status bar."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return f"SQLite: {url.database}"
    return f"PostgreSQL: {url.host or 'localhost'}/{url.database}"


def _lower(text: str | None) -> str | None:
    return text.lower() if isinstance(text, str) else text


def _upper(text: str | None) -> str | None:
    return text.upper() if isinstance(text, str) else text


def among(column, values: Iterable[Any]) -> ColumnElement[bool]:
    """``column IN (values)`` with the values as one expanding parameter: SQLAlchemy then does not
    coerce each value as a literal while building the statement (a bank import asks about hundreds
    of thousands of ids, some 2 µs each)."""
    return column.in_(bindparam(None, list(values), expanding=True, type_=column.type))


def column_rows(session: Session, query) -> Sequence[Row]:
    """The rows of a select of columns, read through the session's connection: no ORM row loading (a tenth
    of a bank import's time). What the unit of work holds is flushed first, as the ORM's autoflush would."""
    session.flush()
    return session.connection().execute(query).all()
