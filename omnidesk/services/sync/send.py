"""The outbox sender: messages in id order, per stream (an order, a route) and system strictly one after
another (a payment waiting for 1C does not hold back the order's delivery result to the CRM).

Sent → ``sent``. "Later" (unreachable, 429/503, an order not yet in 1C) → tried again after an exponential
backoff, holding back the rest of its stream. Refused by the other side, or still failing after
``max_attempts`` → ``parked`` with the error shown, holding back its stream until a person retries it.
Nothing is ever dropped. Every message is idempotent, so one sent again after a crash changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select, update

from omnidesk.integrations.web import RemoteError, VersionConflict
from omnidesk.persistence.models import OutboxMessage, SyncConflict

from ..uow import Database
from .to_crm import Skipped

log = logging.getLogger(__name__)
Handler = Callable[[OutboxMessage, dict], None]
DOWN_AFTER = 3  # "later" answers in a row from one system before the pass stops asking it


@dataclass
class SendResult:
    sent: int = 0
    skipped: int = 0
    retry_later: int = 0
    parked_now: int = 0
    errors: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Backoff:
    base_s: float = 30.0
    max_s: float = 3600.0
    max_attempts: int = 40

    def delay(self, attempts: int) -> dt.timedelta:
        return dt.timedelta(seconds=min(self.base_s * (2 ** max(attempts - 1, 0)), self.max_s))


def send_outbox(db: Database, route: Callable[[OutboxMessage], str | None], handlers: dict[tuple[str, str], Handler],
                systems: set[str], backoff: Backoff, result: SendResult | None = None,
                now: Callable[[], dt.datetime] = dt.datetime.now) -> SendResult:
    """One pass over the outbox. ``route(message)``: the system it goes to now (None: nowhere, skip it)."""
    result = result or SendResult()
    with db.read() as session:
        waiting = list(session.scalars(select(OutboxMessage).where(OutboxMessage.state.in_(("pending", "parked")))
                                       .order_by(OutboxMessage.id)))
        session.expunge_all()
    held: set[tuple[str | None, str]] = set()  # (system, stream): one system's queue never waits for another's
    down: set[str] = set()
    later_in_a_row: dict[str, int] = {}
    for message in waiting:
        system = route(message)
        stream = (system, message.stream)
        if stream in held:
            continue
        if message.state == "parked" or message.next_at > now():
            held.add(stream)
            continue
        if system is None:
            _finish(db, message, "skipped", "не отправляется: sync.payment_master = none")
            result.skipped += 1
            continue
        if system not in systems or system in down:
            held.add(stream)
            continue
        payload = json.loads(message.payload)
        try:
            handlers[(system, message.kind)](message, payload)
        except Skipped as why:
            _finish(db, message, "skipped", str(why))
            result.skipped += 1
            later_in_a_row[system] = 0
        except RemoteError as exc:
            held.add(stream)
            if exc.transient and message.attempts + 1 < backoff.max_attempts:
                _later(db, message, str(exc), now() + backoff.delay(message.attempts + 1))
                result.retry_later += 1
                later_in_a_row[system] = later_in_a_row.get(system, 0) + 1
                if later_in_a_row[system] >= DOWN_AFTER:
                    down.add(system)
                    result.errors[system] = str(exc)
            else:
                _park(db, message, str(exc), conflict=isinstance(exc, VersionConflict))
                result.parked_now += 1
        except Exception as exc:  # a defect must not lose the message: it waits, parked, with what went wrong
            log.exception("outbox message %s failed", message.id)
            held.add(stream)
            _park(db, message, f"{type(exc).__name__}: {exc}")
            result.parked_now += 1
        else:
            _finish(db, message, "sent", "")
            result.sent += 1
            later_in_a_row[system] = 0
    return result


def _finish(db: Database, message: OutboxMessage, state: str, note: str) -> None:
    with db.unit_of_work() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == message.id).values(
            state=state, sent_at=dt.datetime.now(), last_error=note[:1000], attempts=message.attempts + 1))


def _later(db: Database, message: OutboxMessage, error: str, at: dt.datetime) -> None:
    with db.unit_of_work() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == message.id).values(
            attempts=message.attempts + 1, next_at=at, last_error=error[:1000]))


def _park(db: Database, message: OutboxMessage, error: str, *, conflict: bool = False) -> None:
    with db.unit_of_work() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == message.id).values(
            state="parked", attempts=message.attempts + 1, last_error=error[:1000]))
        if conflict:
            session.add(SyncConflict(order_id=None, kind="onec_version",
                                     detail=f"сообщение {message.id} ({message.kind}): {error}"[:1000]))


def retry_parked(db: Database, ids: list[int] | None = None) -> int:
    """Parked messages (all, or those ids) go back to the queue, to be sent at the next pass."""
    with db.unit_of_work() as session:
        query = update(OutboxMessage).where(OutboxMessage.state == "parked")
        if ids:
            query = query.where(OutboxMessage.id.in_(ids))
        return session.execute(query.values(state="pending", attempts=0, next_at=dt.datetime.now())).rowcount or 0
