"""Small pieces the cashier's dialogs share: an amount field with its error, a table, a confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from omnidesk.core.money import MoneyFormatError, format_amount, parse_amount

ERROR_STYLE = "color:#b3261e"


class AmountEdit(QLineEdit):
    """Text parsed as money as you type; ``value`` is kopecks or None, ``error`` says why not."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, allow_empty: bool = False) -> None:
        super().__init__(parent)
        self.allow_empty = allow_empty
        self.value: int | None = None
        self.error = ""
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0,00")
        self.textChanged.connect(self._parse)
        self._parse("")

    def set_amount(self, kopecks: int | None) -> None:
        self.setText("" if kopecks is None else format_amount(kopecks, currency=False))

    def _parse(self, text: str) -> None:
        self.value, self.error = None, ""
        if not text.strip():
            self.value = 0 if self.allow_empty else None
            self.error = "" if self.allow_empty else self.tr("Enter an amount")
        else:
            try:
                self.value = parse_amount(text)
            except MoneyFormatError:
                self.error = self.tr("Not an amount of money: {0}").format(text)
            else:
                if self.value < 0:
                    self.value, self.error = None, self.tr("The amount cannot be negative")
        self.changed.emit()


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


def make_table(model, *, stretch_last: bool = True) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table: the page works from the keyboard
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(stretch_last)
    return table


class ConfirmDialog(QDialog):
    """«This will be printed: …» — the operation, lines, sums and payment kinds, then OK or Cancel."""

    def __init__(self, title: str, heading: str, details: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 460)
        label = QLabel(heading)
        label.setWordWrap(True)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()


def confirm(parent: QWidget | None, title: str, heading: str, details: str, ok_text: str) -> bool:
    """Ask; tests replace this function to answer without a modal loop."""
    return ConfirmDialog(title, heading, details, ok_text, parent).exec() == QDialog.DialogCode.Accepted


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally; tests replace this function to fill it in and accept."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def report_error(parent: QWidget | None, exc: BaseException) -> None:
    """Errors become one message, through ``omnidesk.ui.errors`` (tests replace this function)."""
    from ..errors import show_error

    show_error(parent, exc)
