"""Background work: run a callable on the thread pool and get its result back on the GUI thread.

Workers never touch widgets. A task can be cancelled: its result is then dropped, and a
generator task stops at its next step.
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    step = Signal(object)
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """Runs ``func``; a generator function's yields are delivered one by one through ``on_step``."""

    def __init__(self, func: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._func = func
        self._cancelled = threading.Event()
        self.signals = _Signals()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self._func()
            if inspect.isgenerator(result):
                for item in result:
                    if self.cancelled:
                        result.close()
                        return
                    self.signals.step.emit(item)
                result = None
            if not self.cancelled:
                self.signals.done.emit(result)
        except Exception as exc:  # reported on the GUI thread by the owner
            if not self.cancelled:
                self.signals.failed.emit(exc)


class TaskRunner(QObject):
    """Starts tasks on a pool and keeps them alive until they finish."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._running: set[Task] = set()

    def start(
        self,
        func: Callable[[], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_step: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> Task:
        task = Task(func)
        for signal, callback in ((task.signals.step, on_step), (task.signals.done, on_done),
                                 (task.signals.failed, on_error)):
            if callback is not None:
                signal.connect(self._while_alive(callback))
        task.signals.done.connect(lambda _r, t=task: self._running.discard(t))
        task.signals.failed.connect(lambda _e, t=task: self._running.discard(t))
        self._running.add(task)
        self._pool.start(task)
        return task

    def _while_alive(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """A result that arrives after the runner's window is gone is dropped, not handed to dead widgets."""
        def deliver(value: Any) -> None:
            if shiboken6.isValid(self):
                callback(value)

        return deliver

    def wait(self, msecs: int = 10_000) -> bool:
        """Wait for the pool to drain (used at shutdown and in tests)."""
        return self._pool.waitForDone(msecs)
