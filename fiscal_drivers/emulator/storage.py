"""Non-volatile memory of the emulated register: the FN journal (JSONL) and the device state.

A document is committed by appending one JSON line (flushed and fsynced) and then saving
the state atomically (temp file + rename), in one step the power-cut fault cannot split:
after a restart the journal holds each document fully or not at all, and the state's last
FD number is re-derived from the journal.

One device has one memory: a storage with a journal file holds an exclusive lock on it (``fn.jsonl.lock``)
from the moment it loads until :meth:`Storage.close`, so two programs pointed at the same files behave as
one register with one queue — the second waits up to ``lock_wait`` seconds, then gets :class:`DeviceInUse`.
"""

from __future__ import annotations

import copy
import fcntl
import json
import os
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import DeviceInUse


@dataclass
class DeviceState:
    shift_open: bool = False
    shift_number: int = 0
    shift_opened_at: float = 0.0
    receipts_in_shift: int = 0
    last_fd: int = 0
    doc_counter: int = 0
    cash: int = 0  # kopecks in the drawer
    submode: int = 0
    open_doc: dict[str, Any] | None = None
    pending_tags: dict[str, Any] = field(default_factory=dict)  # 1021/1203 for the next report
    clock_offset: float = 0.0


class Storage:
    def __init__(self, journal_path: str | None = None, state_path: str | None = None, *,
                 lock_wait: float = 30.0) -> None:
        self.journal_path = journal_path
        self.state_path = state_path
        self._lock_fd: int | None = None
        if journal_path:
            self._lock(f"{journal_path}.lock", lock_wait)
        self.journal: list[dict[str, Any]] = self._load_journal()
        self._snapshot = self._load_state()

    def _lock(self, path: str, wait: float) -> None:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._lock_fd = fd
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise DeviceInUse() from None
                time.sleep(0.05)

    def close(self) -> None:
        """Let another program use the register's memory."""
        if self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    # -- journal -----------------------------------------------------------------------------

    def _load_journal(self) -> list[dict[str, Any]]:
        if not self.journal_path or not os.path.exists(self.journal_path):
            return []
        docs = []
        with open(self.journal_path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    docs.append(json.loads(line))
                except json.JSONDecodeError:
                    break  # a torn last line never happens with our writes, but never trust it
        return docs

    def find(self, number: int) -> dict[str, Any] | None:
        if 0 < number <= len(self.journal) and self.journal[number - 1]["number"] == number:
            return self.journal[number - 1]
        return next((doc for doc in self.journal if doc["number"] == number), None)

    def commit(self, document: dict[str, Any], state: DeviceState) -> None:
        """Fiscalise: the document enters the journal and the state is saved."""
        if self.journal_path:
            with open(self.journal_path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(document, ensure_ascii=False) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
        self.journal.append(document)
        self.save(state)

    # -- state -------------------------------------------------------------------------------

    def _load_state(self) -> dict[str, Any]:
        if self.state_path and os.path.exists(self.state_path):
            with open(self.state_path, encoding="utf-8") as fh:
                return json.load(fh)
        return asdict(DeviceState())

    def save(self, state: DeviceState) -> None:
        self._snapshot = copy.deepcopy(asdict(state))
        if self.state_path:
            tmp = f"{self.state_path}.tmp"
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(self._snapshot, fh, ensure_ascii=False)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.state_path)

    def restore(self) -> DeviceState:
        """The state as last saved, with the last FD number taken from the journal."""
        state = DeviceState(**copy.deepcopy(self._snapshot))
        state.last_fd = max((doc["number"] for doc in self.journal), default=0)
        return state
