"""Find a customer or an order as you type: number, name, phone or INN; Enter picks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from omnidesk.services.cashier import SearchHit

from .models import RowsProxy, SearchModel
from .widgets import make_table

MAX_HEIGHT = 190
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SearchBox(QWidget):
    chosen = Signal(object)  # SearchHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(placeholderText=self.tr(
            "Find a customer or order: number, name, phone, INN (Ctrl+F) — Enter picks the first"))
        self.edit.setClearButtonEnabled(True)
        self.model = SearchModel(self)
        self.proxy = RowsProxy(self.model, self)
        self.results = make_table(self.proxy)
        self.results.setMaximumHeight(MAX_HEIGHT)
        self.results.hide()
        for column, width in enumerate((80, 320, 130, 150, 130)):
            self.results.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.results)
        self.edit.textChanged.connect(self._filter)
        self.edit.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.activated.connect(lambda index: self._pick(index.row()))

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.model.set_rows(hits)
        self._filter(self.edit.text())

    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()

    def _filter(self, text: str) -> None:
        words = text.lower().replace("№", " ").split()
        self.proxy.set_filter(lambda hit: all(w in hit.key for w in words) if words else False)
        self.proxy.sort(0 if any(w.isdigit() for w in words) else 1)
        self.results.setVisible(bool(words))
        if self.proxy.rowCount():
            self.results.selectRow(0)

    def _pick(self, row: int) -> None:
        hit = self.proxy.row_at(row)
        if hit is None:
            return
        self.chosen.emit(hit)
        self.edit.blockSignals(True)
        self.edit.setText(hit.order_number or hit.customer_name)
        self.edit.blockSignals(False)
        self.results.hide()

    def _current_row(self) -> int:
        rows = self.results.selectionModel().selectedRows()
        return rows[0].row() if rows else 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key in _ENTER and self.results.isVisible() and self.proxy.rowCount():
            self._pick(self._current_row())
            return True
        if watched is self.edit and key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.isVisible():
            self.results.setFocus()
            return False
        if key == Qt.Key.Key_Escape and self.results.isVisible():
            self.results.hide()
            self.edit.setFocus()
            return True
        return False
