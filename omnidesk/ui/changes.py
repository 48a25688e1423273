"""The window's change bus: what changed, from this process or elsewhere, told to every page.

Local units of work report at commit (on whatever thread committed; the news is queued to the GUI
thread). Other workstations and the sync worker's process are heard by polling ``change_log`` on the
thread pool every couple of seconds; the GUI thread never waits for the query. Changes that arrive
together are merged and delivered once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from omnidesk.core.changes import Changes
from omnidesk.services.changes import ChangeFeed
from omnidesk.services.context import AppContext

from .tasks import TaskRunner

POLL_MS = 2000


class ChangeBus(QObject):
    changed = Signal(object)  # Changes, on the GUI thread
    reachable = Signal(bool)  # the database stopped or started answering the poll
    _arrived = Signal(object)  # from any thread

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QObject | None = None,
                 poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._runner = runner
        self._pending = Changes()
        self._polling = False
        self.database_ok = True
        self.feed = ChangeFeed(context.db)
        self._arrived.connect(self.publish, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = context.db.subscribe(self._from_any_thread)
        self._flush = QTimer(self, singleShot=True, interval=0)
        self._flush.timeout.connect(self._deliver)
        self.timer = QTimer(self, interval=poll_ms)
        self.timer.timeout.connect(self.poll)

    def _from_any_thread(self, changes: Changes) -> None:
        try:
            self._arrived.emit(changes)
        except RuntimeError:  # the window is gone; nobody to tell
            self._unsubscribe()

    def start(self) -> None:
        """Begin polling for other processes' changes (the first poll only notes where the log ends)."""
        self._polling = True
        self._runner.start(self.feed.start, on_done=lambda _r: self._polled(Changes()), on_error=self._poll_failed)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._unsubscribe()

    def poll(self) -> None:
        if self._polling:
            return
        self._polling = True
        self._runner.start(self.feed.poll, on_done=self._polled, on_error=self._poll_failed)

    def _polled(self, changes: Changes) -> None:
        self._polling = False
        self._set_reachable(True)
        self.publish(changes)

    def _poll_failed(self, _exc: Exception) -> None:
        self._polling = False  # the database is away for a moment; the next tick tries again (a new connection)
        self._set_reachable(False)

    def _set_reachable(self, ok: bool) -> None:
        if ok != self.database_ok:
            self.database_ok = ok
            self.reachable.emit(ok)

    def publish(self, changes: Changes) -> None:
        """Tell every page (merged with whatever else arrives in the same turn of the event loop)."""
        if not changes:
            return
        self._pending = self._pending | changes
        self._flush.start()

    def _deliver(self) -> None:
        changes, self._pending = self._pending, Changes()
        if changes:
            self.changed.emit(changes)
