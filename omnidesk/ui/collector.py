"""Python's cycle collector, run on the GUI thread only.

Automatic collection runs in whichever thread happens to allocate when a threshold is crossed — a
worker thread reading 100 000 orders, say. A Qt object in a garbage cycle collected there is destroyed
outside the GUI thread, and Qt crashes the program (seen in the tests: a segmentation fault in
"Garbage-collecting" on a worker). So while the window lives, automatic collection is off and this
object collects on the GUI thread, by the same thresholds, a few times a second.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    @staticmethod
    def collect_due() -> int:
        """Collect the generation the automatic collector would have collected by now; how many objects."""
        (young, middle, old), (limit0, limit1, limit2) = gc.get_count(), gc.get_threshold()
        if young <= limit0:
            return 0
        generation = 2 if middle > limit1 and old > limit2 else 1 if middle > limit1 else 0
        return gc.collect(generation)

    def stop(self) -> None:
        """Automatic collection as it was before (a closed window in tests, the end of the program)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
