"""Composition root: settings → database → services → QApplication → MainWindow."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from omnidesk import __version__
from omnidesk.config import Settings
from omnidesk.persistence.db import describe
from omnidesk.services.database import open_database


def create_qapplication(lang: str):
    from PySide6.QtWidgets import QApplication

    from omnidesk.ui.i18n import install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("OmniDesk")
    app.setOrganizationName("OmniDesk")
    app.setApplicationVersion(__version__)
    install_translators(app, lang)
    return app


def build_window(db_url: str | None = None, lang: str | None = None):
    """The QApplication and a main window on the database, not yet shown."""
    from omnidesk.ui.main_window import MainWindow

    settings = Settings()
    db = open_database(settings.db_url(db_url))
    app = create_qapplication(lang or settings.get("ui.lang"))
    window = MainWindow(db, settings, describe(db.engine))
    return app, window


def run(db_url: str | None = None, lang: str | None = None) -> int:
    """Start the desktop application; returns the exit code."""
    app, window = build_window(db_url, lang)
    window.show()
    window.start()
    return app.exec()


def screenshots(directory: Path, db_url: str | None = None, lang: str | None = None) -> list[Path]:
    """Render every page of the main window offscreen to ``directory/<page>.png``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from omnidesk.ui.screenshots import render_pages

    app, window = build_window(db_url, lang)
    return render_pages(app, window, Path(directory))
