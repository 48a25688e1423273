"""Widgets with worker threads: garbage cycles are collected on the GUI thread, as in the application."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def gui_thread_collector(qapp):
    from omnidesk.ui.collector import GuiThreadCollector

    collector = GuiThreadCollector()
    yield collector
    collector.stop()
    collector.deleteLater()
