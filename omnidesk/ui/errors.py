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
