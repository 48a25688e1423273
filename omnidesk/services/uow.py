"""Unit of work: one session, one user action, one commit (or nothing at all).

Every session of a :class:`Database` reports what it changed: the ids are collected from the ORM
(:mod:`omnidesk.services.collect`), written to ``change_log`` in the same transaction, and after the
commit handed to every subscriber (``db.subscribe(callback)``) on the thread that committed.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Engine, event, inspect
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from omnidesk.core.changes import Changes
from omnidesk.core.errors import Busy, Conflict, OmniDeskError
from omnidesk.persistence.db import WRITE, session_factory

from . import collect

log = logging.getLogger(__name__)
T = TypeVar("T")
Subscriber = Callable[[Changes], None]

# SQLSTATEs that mean "another transaction was in the way": deadlock, serialization failure, lock not available
_BUSY_STATES = frozenset({"40P01", "40001", "55P03"})
_BUSY_SQLITE = ("database is locked", "database is busy", "database table is locked")


def is_busy(exc: BaseException) -> bool:
    """Whether a database error only says that another workstation was in the way (try again later)."""
    if not isinstance(exc, DBAPIError) or exc.orig is None:
        return False
    if getattr(exc.orig, "sqlstate", None) in _BUSY_STATES:
        return True
    return any(text in str(exc.orig).lower() for text in _BUSY_SQLITE)


class ConnectionLost(OmniDeskError):
    """The database server went away (restarted, the network dropped) during an operation."""


LOST_WRITE = ("связь с базой данных прервалась — операция не выполнена, ничего не записано; "
              "повторите, когда сервер снова доступен")
LOST_READ = "связь с базой данных прервалась и не восстановилась — повторите позже"


_LOST_STATES = ("08", "57P01", "57P02", "57P03")  # connection exceptions; admin/crash shutdown; cannot connect now


def is_disconnect(exc: BaseException) -> bool:
    """A lost or refused connection (the pool tries a new one next time), not a refusal of the statement."""
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    if not isinstance(exc, OperationalError) or is_busy(exc) or exc.orig is None:
        return False
    state = getattr(exc.orig, "sqlstate", None)
    if state is None:  # psycopg says nothing more when the server cannot be reached at all
        return type(exc.orig).__module__.startswith("psycopg")
    return state.startswith(_LOST_STATES)


class Database:
    """The services' handle on one database: hands out units of work and says what they changed."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.origin = uuid.uuid4().hex  # change_log rows this handle wrote carry it
        self._sessions = session_factory(engine)
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()
        collector = collect.Collector(self.origin, self.publish)
        event.listen(self._sessions, "before_flush", _remember_versioned)
        event.listen(self._sessions, "after_flush", collect.after_flush)
        event.listen(self._sessions, "do_orm_execute", collect.do_orm_execute)
        event.listen(self._sessions, "before_commit", collector.before_commit)
        event.listen(self._sessions, "after_commit", collector.after_commit)
        event.listen(self._sessions, "after_rollback", collector.after_rollback)

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call ``callback(changes)`` after each commit (on the committing thread); returns the unsubscriber."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, changes: Changes) -> None:
        """Tell every subscriber; one failing subscriber does not keep the news from the others."""
        if not changes:
            return
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(changes)
            except Exception:  # a subscriber's bug must not undo or hide a committed change
                log.exception("change subscriber %r failed", callback)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session that commits when the block ends normally and rolls back otherwise."""
        session = self._sessions(execution_options={WRITE: True})
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            targets = session.info.get("versioned", [])
            session.rollback()
            raise Conflict(self._stale_message(targets)) from exc
        except DBAPIError as exc:
            _rollback_quietly(session)
            if is_busy(exc):
                raise Busy() from exc
            if is_disconnect(exc):  # one transaction: the server kept none of it (a lost COMMIT is not retried)
                log.warning("database connection lost during a write: %s", type(exc.orig).__name__)
                raise ConnectionLost(LOST_WRITE) from exc
            raise
        except BaseException:
            _rollback_quietly(session)
            raise
        finally:
            session.close()

    def _stale_message(self, targets: list[tuple[str, int]]) -> str:
        """«изменено пользователем X в 14:32, обновите»: who last changed what this unit of work meant to change."""
        from .audit import last_change

        try:
            with self.read() as session:
                found = last_change(session, targets)
        except Exception:  # the message is a courtesy; the refusal stands without it
            log.debug("no author for a stale write", exc_info=True)
            found = None
        if found is None:
            return "запись уже изменена на другом рабочем месте — обновите данные и повторите"
        user, at = found
        return f"изменено пользователем {user} в {at:%H:%M}, обновите данные и повторите"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end); a lost connection is reported as ConnectionLost."""
        session = self._sessions()
        try:
            yield session
        except DBAPIError as exc:
            if is_busy(exc):
                raise Busy() from exc
            if is_disconnect(exc):
                log.warning("database connection lost during a read: %s", type(exc.orig).__name__)
                raise ConnectionLost(LOST_READ) from exc
            raise
        finally:
            _rollback_quietly(session)
            session.close()

    def reading(self, func: Callable[[Session], T]) -> T:
        """Run a read once more on a fresh connection when the first one was found dead (safe: it writes nothing)."""
        for attempt in (1, 2):
            try:
                with self.read() as session:
                    return func(session)
            except ConnectionLost:
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


def _remember_versioned(session: Session, _context, _instances) -> None:
    """Before each flush: which version-checked rows (table, id) it is about to change (for a stale write's message)."""
    session.info["versioned"] = _versioned(session)


def _versioned(session: Session) -> list[tuple[str, int]]:
    found = []
    for obj in (*session.dirty, *session.deleted):
        mapper = inspect(obj).mapper
        ident = inspect(obj).identity
        if mapper.version_id_col is not None and ident:
            found.append((mapper.local_table.name, ident[0]))
    return found


def _rollback_quietly(session: Session) -> None:
    try:
        session.rollback()
    except DBAPIError:  # the connection is gone; the server rolled back already
        log.debug("rollback on a lost connection", exc_info=True)
