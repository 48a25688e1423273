"""The one place where errors become messages a user can act on."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from omnidesk.core.errors import OmniDeskError


def error_text(exc: BaseException) -> str:
    if isinstance(exc, OmniDeskError):
        return str(exc)
    return QCoreApplication.translate("errors", "Unexpected error: {0}").format(f"{type(exc).__name__}: {exc}")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    title = QCoreApplication.translate("errors", "OmniDesk")
    QMessageBox.warning(parent, title, error_text(exc))


def install_crash_handler(parent: QWidget | None = None) -> None:
    """An error nobody caught: a report file (no secrets) and a calm message saying where it is."""
    import sys

    from omnidesk.diagnostics import write_crash_report

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        path = write_crash_report(exc.with_traceback(tb), "gui")
        QMessageBox.warning(parent, QCoreApplication.translate("errors", "OmniDesk"), crash_text(str(path)))

    sys.excepthook = hook


def crash_text(path: str) -> str:
    return QCoreApplication.translate(
        "errors", "Something went wrong, but your data is safe: every operation is saved whole or not at all.\n"
                  "A report for the support team is in {0}").format(path)
