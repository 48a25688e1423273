"""One workstation at a time at the fiscal registers: from reading the last document number to saving the result.

Exactly-once printing settles an interrupted receipt against ``fd_before + 1``; that holds only if nobody
else prints on the same register in between, and only a receipt whose printer is gone may be settled.
So a workstation holds the register's lock while it claims, prints and records a receipt, and while it
recovers (one lock for all the office's registers: a pending receipt found under it is an orphan, whichever
register it was sent to): on PostgreSQL a session advisory lock (released by the server if the workstation dies), on
SQLite a file lock beside the database file (released by the system if the process dies).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text

from omnidesk.core.errors import Busy

from .uow import Database

BUSY = "ККТ занята другим рабочим местом, повторите"


KEY = int.from_bytes(hashlib.sha256(b"omnidesk: fiscal registers").digest()[:8], "big", signed=True)


@contextmanager
def register_lock(db: Database, wait: float = 30.0) -> Iterator[None]:
    """Hold the registers for this workstation; Busy if another holds them longer than ``wait`` seconds."""
    deadline = time.monotonic() + wait
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            while not conn.scalar(text("SELECT pg_try_advisory_lock(:k)"), {"k": KEY}):
                if time.monotonic() >= deadline:
                    raise Busy(BUSY)
                time.sleep(0.05)
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": KEY})
        return
    database = db.engine.url.database
    if not database or database == ":memory:":
        yield
        return
    fd = os.open(f"{database}.fiscal.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(BUSY) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the file releases the lock
