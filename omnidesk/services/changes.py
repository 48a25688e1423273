"""Changes made elsewhere: other workstations and the sync worker's process, read from ``change_log``.

``ChangeFeed.poll()`` is one cheap indexed query: the rows above the last one seen, plus a small window
below it, because on PostgreSQL a transaction that took a lower ``seq`` can commit after a higher one
is already visible. Rows are de-duplicated by ``seq``; rows this process wrote are skipped (its own
subscribers heard of them at commit). Now and then rows older than a day are deleted.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Callable

from sqlalchemy import delete, func, select

from omnidesk.core.changes import KINDS, Changes
from omnidesk.persistence.models import ChangeLog

from .uow import Database

WINDOW = 200  # seqs re-read below the last seen one
KEEP = dt.timedelta(days=1)
PRUNE_EVERY_S = 600.0


class ChangeFeed:
    """What other processes committed since the last poll. Thread-safe; meant to run on a worker."""

    def __init__(self, db: Database, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._clock = clock
        self._last: int | None = None
        self._seen: set[int] = set()
        self._pruned_at: float | None = None

    def start(self) -> None:
        """Begin at the newest row: what happened before this process looked is already in its pages."""
        with self._db.read() as session:
            last = session.scalar(select(func.max(ChangeLog.seq))) or 0
            recent = session.scalars(select(ChangeLog.seq).where(ChangeLog.seq > last - WINDOW)).all()
        with self._lock:
            if self._last is None:
                self._last, self._seen = last, set(recent)

    def poll(self) -> Changes:
        """Everything committed by others since the previous poll (``Changes()`` if nothing)."""
        if self._last is None:
            self.start()
            return Changes()
        with self._lock:
            low = max((self._last or 0) - WINDOW, 0)
        with self._db.read() as session:
            rows = session.execute(
                select(ChangeLog.seq, ChangeLog.origin, ChangeLog.payload)
                .where(ChangeLog.seq > low).order_by(ChangeLog.seq)).all()
        changes = Changes()
        with self._lock:
            for seq, origin, payload in rows:
                if seq in self._seen:
                    continue
                self._seen.add(seq)
                if origin != self._db.origin:
                    changes = changes | _decode(payload)
            if rows:
                self._last = max(self._last or 0, rows[-1][0])
            floor = (self._last or 0) - WINDOW
            self._seen = {seq for seq in self._seen if seq > floor}
        self._maybe_prune()
        return changes

    def _maybe_prune(self) -> None:
        now = self._clock()
        if self._pruned_at is not None and now - self._pruned_at < PRUNE_EVERY_S:
            return
        self._pruned_at = now
        prune(self._db)


def prune(db: Database, older_than: dt.timedelta = KEEP) -> None:
    """Delete change rows older than ``older_than`` (one indexed statement; no change of its own)."""
    cutoff = dt.datetime.now() - older_than
    with db.engine.begin() as conn:
        conn.execute(delete(ChangeLog).where(ChangeLog.at < cutoff))


def _decode(payload: str) -> Changes:
    try:
        return Changes.from_json(json.loads(payload))
    except (ValueError, TypeError, AttributeError):  # a row from a newer or broken writer: say "anything"
        return Changes(kinds=frozenset(KINDS))
