"""First use: the cashier's full name, which every receipt carries (tag 1021), asked for once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_cashier_name(parent: QWidget | None) -> str | None:
    """Ask; tests replace this function. None when the person declines."""
    title = QCoreApplication.translate("FirstRun", "Who is at the register?")
    label = QCoreApplication.translate("FirstRun", "Your full name, as receipts print it (e.g. Иванова Анна "
                                                   "Сергеевна). It can be changed later on the Settings page.")
    name, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, "")
    return name.strip() if ok and name.strip() else None
