"""The split editor: one reviewed line across a customer's orders, the rest as an advance."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from omnidesk.core.enums import BankLineStatus
from omnidesk.core.errors import InvalidInput
from omnidesk.core.money import format_amount, parse_amount, to_decimal_str
from omnidesk.services.banking import LineView, Suggestion
from omnidesk.services.ledger import AllocationRequest


class SplitEditor(QWidget):
    """Emits ``book(customer, allocations)`` when the split is valid; the page does the booking."""

    book = Signal(str, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._amount = 0
        self.customer = QLineEdit(placeholderText=self.tr("Customer: part of the name, INN, phone or id"))
        self.choices = QStringListModel(self)
        completer = QCompleter(self.choices, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        completer.activated[str].connect(self._chosen)
        self.customer.setCompleter(completer)
        self._ids: dict[str, int] = {}
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Order"), self.tr("Amount")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add order"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.advance = QLabel()
        self.book_button = QPushButton(self.tr("Book"))
        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.customer)
        buttons = QHBoxLayout()
        for w in (self.add_button, self.remove_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.book_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addWidget(self.advance)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_row("", 0))
        self.remove_button.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.table.itemChanged.connect(lambda _i: self._update())
        self.book_button.clicked.connect(self._book)
        self.set_line(None)

    def set_customers(self, choices: list[tuple[int, str]]) -> None:
        """What the customer field searches: «name · ИНН … · phone» by any part of it."""
        self._ids = {f"{text} · #{cid}": cid for cid, text in choices}
        self.choices.setStringList(list(self._ids))

    def _chosen(self, text: str) -> None:
        if text in self._ids:
            QTimer.singleShot(0, lambda: self.customer.setText(str(self._ids[text])))

    def customer_reference(self) -> str:
        """The id when a customer was picked from the list; otherwise what was typed."""
        text = self.customer.text().strip()
        return str(self._ids[text]) if text in self._ids else text

    def set_line(self, line: LineView | None) -> None:
        self._amount = line.amount if line else 0
        self.table.setRowCount(0)
        self.customer.clear()
        self.setEnabled(line is not None and line.status is BankLineStatus.REVIEW)
        self._update()

    def apply(self, suggestion: Suggestion) -> None:
        self.customer.setText(str(suggestion.customer_id) if suggestion.customer_id is not None else "")
        self.table.setRowCount(0)
        for a in suggestion.allocations:
            self.add_row(a.order_number, a.amount)
        self._update()

    def add_row(self, order: str, amount: int) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(order))
        self.table.setItem(row, 1, QTableWidgetItem(to_decimal_str(amount) if amount else ""))

    def allocations(self) -> list[AllocationRequest]:
        out = []
        for row in range(self.table.rowCount()):
            order = (self.table.item(row, 0).text() if self.table.item(row, 0) else "").strip()
            amount_text = (self.table.item(row, 1).text() if self.table.item(row, 1) else "").strip()
            if not order and not amount_text:
                continue
            if not order:
                raise InvalidInput(self.tr("row {0}: no order number").format(row + 1))
            out.append(AllocationRequest(order, parse_amount(amount_text) if amount_text else None))
        return out

    def _update(self) -> None:
        try:
            left = self._amount - sum(a.amount or 0 for a in self.allocations())
            text = self.tr("To the advance: {0}").format(format_amount(left)) if left >= 0 else \
                self.tr("Split exceeds the payment by {0}").format(format_amount(-left))
        except InvalidInput as exc:
            text = str(exc)
        self.advance.setText(text)

    def _book(self) -> None:
        try:
            allocations = self.allocations()
        except InvalidInput as exc:
            self.advance.setText(str(exc))
            return
        self.book.emit(self.customer_reference(), allocations)
