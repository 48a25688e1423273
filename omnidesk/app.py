"""Composition root: settings → database → the application context → QApplication → MainWindow."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from omnidesk import __version__
from omnidesk.config import Settings, default_db_url
from omnidesk.services.context import AppContext, JournalFactory
from omnidesk.services.database import init_database, open_database


def build_context(db_url: str | None = None, settings: Settings | None = None, lang: str | None = None, *,
                  journal_factory: JournalFactory | None = None, create_default: bool = False) -> AppContext:
    """The one place the application is wired: settings → database → the context pages and commands use.

    ``create_default``: the window on this computer's own SQLite file creates it on the first start (zero
    set-up); any other database is created and upgraded only by ``omnidesk init``."""
    settings = settings or Settings()
    settings.check()
    url = settings.db_url(db_url)
    db = init_database(url)[0] if create_default and url == default_db_url() else open_database(url)
    return AppContext(db, settings, lang=lang, journal_factory=journal_factory)


def create_qapplication(lang: str):
    from PySide6.QtWidgets import QApplication

    from omnidesk.ui.i18n import install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("OmniDesk")
    app.setOrganizationName("OmniDesk")
    app.setApplicationVersion(__version__)
    install_translators(app, lang)
    return app


def build_window(db_url: str | None = None, lang: str | None = None, *, ask_sign_in: bool = False,
                 context: AppContext | None = None):
    """The QApplication and a main window on the database, not yet shown (None when nobody signed in).

    With ``ask_sign_in`` the sign-in dialog comes first unless this lone SQLite workstation works without it.
    """
    from omnidesk.ui.main_window import MainWindow

    context = context or build_context(db_url, lang=lang, create_default=True)
    app = create_qapplication(context.lang)
    if ask_sign_in and not context.signed_in:
        from omnidesk.ui.sign_in import sign_in

        if sign_in(context) is None:
            context.close()
            return app, None
    window = MainWindow(context)
    return app, window


class NoDisplay(Exception):
    """The window cannot open here; ``str()`` says in one line what to install or set."""


def display_problem(env: dict[str, str] | None = None, find_library=None) -> str | None:
    """Why Qt could not open a window on this machine (it would abort with exit 134), or None."""
    import ctypes.util

    env = dict(os.environ) if env is None else env
    find_library = find_library or ctypes.util.find_library
    platform = env.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform.startswith(("offscreen", "minimal", "vnc", "eglfs")):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return ("нет дисплея: запустите OmniDesk в графическом сеансе, или без окна — "
                "QT_QPA_PLATFORM=offscreen omnidesk screenshots DIR, или на виртуальном экране: xvfb-run omnidesk demo")
    if not platform.startswith("wayland") and find_library("xcb-cursor") is None:
        return ("не хватает системной библиотеки Qt для X11: apt-get install -y libxcb-cursor0 "
                "(остальные — в README, раздел «Start it on a fresh machine»)")
    return None


def run(db_url: str | None = None, lang: str | None = None) -> int:
    """Start the desktop application; returns the exit code."""
    from omnidesk.diagnostics import setup_logging
    from omnidesk.ui.errors import install_crash_handler

    problem = display_problem()
    if problem:
        raise NoDisplay(problem)
    setup_logging()
    app, window = build_window(db_url, lang, ask_sign_in=True)
    if window is None:
        return 0
    install_crash_handler(window)
    window.show()
    window.start()
    window.ask_cashier_name_if_missing()
    return app.exec()


def offscreen_platform(width: int = 1920, height: int = 1200) -> str:
    """``QT_QPA_PLATFORM`` for rendering without a display on a virtual screen of a real desktop's size.

    The offscreen plugin's own screen is 800×600, smaller than the window OmniDesk needs.
    """
    screen = {"name": "OmniDesk", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    path = Path(tempfile.gettempdir()) / f"omnidesk-offscreen-{width}x{height}.json"
    path.write_text(json.dumps({"windowFrameMargins": False, "screens": [screen]}), encoding="utf-8")
    return f"offscreen:configfile={path}"


def screenshots(directory: Path, db_url: str | None = None, lang: str | None = None,
                size: tuple[int, int] = (1440, 900), *, context: AppContext | None = None) -> list[Path]:
    """Render every page of the main window offscreen, at ``size`` on a screen of that size, to
    ``directory/<page>.png``."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = offscreen_platform(*size)
    from omnidesk.ui.screenshots import render_pages

    app, window = build_window(db_url, lang, context=context)
    return render_pages(app, window, Path(directory), size=size)
