"""One queue per fiscal register: every journal call runs on a single dedicated thread.

The GUI thread never waits on the device: calls are queued on a pool of one thread and their
results come back by signal. ``busy`` reports the work in progress after half a second, so a
quick status query does not flash a progress bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from omnidesk.services.auth import Actor
from omnidesk.services.context import AppContext
from omnidesk.services.fiscal import FiscalJournal

from ..tasks import Task, TaskRunner

PROGRESS_DELAY_MS = 500


class FiscalQueue(QObject):
    """Runs ``func(journal)`` on the register's own thread; ``busy(text)`` while work is queued."""

    busy = Signal(str)  # the running job's description; "" when idle

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.runner = TaskRunner(self, pool=self.pool)
        self.journal = context.journal()
        self._jobs: list[str] = []
        self._timer = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
        self._timer.timeout.connect(self._show_busy)

    @property
    def actor(self) -> Actor:
        return self.journal.actor

    def run(self, what: str, func: Callable[[FiscalJournal], Any], *, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None) -> Task:
        self._jobs.append(what)
        if not self._timer.isActive():
            self._timer.start()
        journal = self.journal

        def finished_then(handler):
            """The job leaves the progress display before its result is shown: an error dialog is modal,
            and the progress bar must not stay behind it."""
            def call(value) -> None:
                self._finished(what)
                if handler is not None:
                    handler(value)
            return call

        return self.runner.start(lambda: func(journal), on_done=finished_then(on_done),
                                 on_error=finished_then(on_error))

    def is_busy(self) -> bool:
        return bool(self._jobs)

    def _show_busy(self) -> None:
        if self._jobs:
            self.busy.emit(self._jobs[0])

    def _finished(self, what: str) -> None:
        if what in self._jobs:
            self._jobs.remove(what)
        if self._jobs:
            self._timer.start()
        else:
            self._timer.stop()
            self.busy.emit("")

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)

    def rebuild(self) -> None:
        """Use the register (and the person) configured now: the old journal closes after the queued work,
        and every job queued from here on runs on the new one."""
        old, self.journal = self.journal, self._context.journal()
        self.runner.start(old.close)

    def close(self) -> None:
        """Finish the queued work, then close the device on its own thread."""
        self.runner.start(self.journal.close)
        self.pool.waitForDone(30_000)
