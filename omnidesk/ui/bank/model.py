"""The statement's lines as a table: date, number, amount, payer, status, customer, why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from omnidesk.core.enums import BankLineStatus
from omnidesk.core.money import format_amount
from omnidesk.services.banking import LineView

from ..tables import ListTableModel

LINE_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_COLOURS = {BankLineStatus.REVIEW: "#fff4e5", BankLineStatus.DUPLICATE: "#eeeeee", BankLineStatus.OUTGOING: "#eeeeee",
            BankLineStatus.NOT_OURS: "#eeeeee"}


def status_text(status: BankLineStatus) -> str:
    texts = {
        BankLineStatus.ALLOCATED: QCoreApplication.translate("bank", "allocated"),
        BankLineStatus.ADVANCE: QCoreApplication.translate("bank", "advance"),
        BankLineStatus.REVIEW: QCoreApplication.translate("bank", "to review"),
        BankLineStatus.BOOKED: QCoreApplication.translate("bank", "booked by hand"),
        BankLineStatus.NOT_OURS: QCoreApplication.translate("bank", "not ours"),
        BankLineStatus.DUPLICATE: QCoreApplication.translate("bank", "duplicate"),
        BankLineStatus.OUTGOING: QCoreApplication.translate("bank", "outgoing, skipped"),
    }
    return texts[status]


class BankLinesModel(ListTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([self.tr("Date"), self.tr("No."), self.tr("Amount"), self.tr("Payer"), self.tr("Status"),
                          self.tr("Customer"), self.tr("Explanation")], parent)

    def set_lines(self, lines: list[LineView]) -> None:
        self.set_rows(lines)

    def line(self, row: int) -> LineView:
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        line, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, col)
        if role == LINE_ROLE:
            return line
        if role == Qt.ItemDataRole.EditRole:  # sort keys
            return (line.date.toordinal(), line.number, line.amount, line.payer_name, line.status.value,
                    line.customer_name, line.explanation)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and line.status in _COLOURS:
            return QBrush(QColor(_COLOURS[line.status]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return line.purpose or None
        return None

    @staticmethod
    def _text(line: LineView, col: int) -> str:
        if col == 0:
            return f"{line.date:%d.%m.%Y}"
        if col == 2:
            return format_amount(line.amount)
        if col == 4:
            return status_text(line.status)
        return (None, line.number, None, line.payer_name, None, line.customer_name, line.explanation)[col] or ""


class BankLinesProxy(QSortFilterProxyModel):
    """Sorts by the real values; ``review_only`` hides everything that needs no decision."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(Qt.ItemDataRole.EditRole)
        self._review_only = False

    def set_review_only(self, on: bool) -> None:
        self.beginFilterChange()
        self._review_only = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._review_only:
            return True
        line = self.sourceModel().index(source_row, 0, source_parent).data(LINE_ROLE)
        return line is not None and line.status is BankLineStatus.REVIEW
