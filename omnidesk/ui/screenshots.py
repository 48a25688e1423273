"""Render each page of the main window to a PNG, once its data has loaded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from .main_window import MainWindow


def render_pages(app: QApplication, window: MainWindow, directory: Path, timeout_ms: int = 30_000) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    window.resize(1440, 900)
    window.show()
    loop = QEventLoop()
    window.orders_page.loaded.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    window.start()
    loop.exec()
    if window.orders_page.model.rowCount():
        window.orders_page.table.selectRow(0)
        _settle(app, window)
    written = []
    for page in window.pages:
        window.show_page(page.key)
        _settle(app, window)
        path = directory / f"{page.key}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"не удалось записать {path}")
        written.append(path)
    window.close()
    return written


def _settle(app: QApplication, window: MainWindow, ms: int = 300) -> None:
    """Let background work finish and the widgets repaint."""
    window.runner.wait(10_000)
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()
