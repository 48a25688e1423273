"""Garbage made on a worker thread is collected on the GUI thread (a Qt object destroyed elsewhere crashes)."""

from __future__ import annotations

import gc
import threading


class _Cycle:
    finalised_on: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.finalised_on.append(threading.current_thread().name)


def test_cycles_made_by_a_worker_are_collected_on_the_gui_thread(qtbot, gui_thread_collector):
    assert not gc.isenabled()
    _Cycle.finalised_on.clear()

    def work():
        for _ in range(20_000):  # far past every threshold: the automatic collector would run here
            _Cycle()

    worker = threading.Thread(target=work, name="worker")
    worker.start()
    worker.join()
    assert _Cycle.finalised_on == []  # nothing collected on the worker
    qtbot.waitUntil(lambda: len(_Cycle.finalised_on) >= 19_000, timeout=5000)
    assert set(_Cycle.finalised_on) == {threading.main_thread().name}


def test_stopping_gives_automatic_collection_back(qapp):
    from omnidesk.ui.collector import GuiThreadCollector

    gc.enable()
    collector = GuiThreadCollector()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
