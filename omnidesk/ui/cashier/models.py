"""The Cashier page's tables: one small column-driven model, sorted and filtered by a proxy.

Each table declares its columns once: header, shown text, sort key, alignment. Rows are frozen
service objects; the proxy sorts by ``SORT_ROLE`` so amounts sort as numbers, dates as dates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from omnidesk.core.enums import ReceiptStatus
from omnidesk.core.money import format_amount
from omnidesk.core.phones import format_phone

from ..labels import kind_label as customer_kind_label
from ..labels import status_label as order_status_label
from .texts import payments_text, status_label

_Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
RED, GREEN, GREY = QBrush(QColor("#b3261e")), QBrush(QColor("#1b5e20")), QBrush(QColor("#6b6b6b"))
OWED_BACKGROUND = QBrush(QColor("#fdecea"))
_BOLD = QFont()
_BOLD.setBold(True)


@dataclass(frozen=True)
class Column:
    title: str  # QT_TRANSLATE_NOOP("CashierTables", …)
    text: Callable[[Any], str]
    key: Callable[[Any], Any] | None = None  # sort key; default: the text
    money: bool = False


def _date(value) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _datetime(value) -> str:
    return value.strftime("%d.%m.%Y %H:%M") if value else ""


class RowsModel(QAbstractTableModel):
    """Rows of frozen objects shown through ``COLUMNS``; subclasses colour them."""

    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("CashierTables", self.COLUMNS[section].title)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self.COLUMNS):
            return None
        row, column = self._rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.key(row) if column.key else column.text(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.money else None
        return self.style(row, index.column(), role)

    def style(self, row: Any, column: int, role: int) -> Any:
        return None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)


class RowsProxy(QSortFilterProxyModel):
    """Sorts by each column's key; ``accept`` (a predicate on the row) filters."""

    def __init__(self, source: RowsModel, parent=None) -> None:
        super().__init__(parent)
        self.accept: Callable[[Any], bool] | None = None
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    def set_filter(self, accept: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self.accept = accept
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if self.accept is None:
            return True
        row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        return row is not None and self.accept(row)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def row_at(self, proxy_row: int) -> Any:
        return self.index(proxy_row, 0).data(ROW_ROLE)


def _number(row) -> tuple[int, str]:
    return len(row.number), row.number


class OrdersModel(RowsModel):
    """A customer's orders: what each still owes or holds in excess."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("CashierTables", "Order"), lambda r: r.number, _number),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Delivery"), lambda r: _date(r.delivery_date),
               lambda r: r.delivery_date.toordinal() if r.delivery_date else 0),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Status"), lambda r: order_status_label(r.status)),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Total"), lambda r: format_amount(r.total), lambda r: r.total, True),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Paid"), lambda r: format_amount(r.paid), lambda r: r.paid, True),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Due"), lambda r: format_amount(r.due), lambda r: r.due, True),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Address"), lambda r: r.address),
    )

    def style(self, row, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 5 and row.due > 0:
                return RED
            return None if row.status.is_open else GREY
        return None


class ReceiptsModel(RowsModel):
    """Receipts owed and printed; owed ones stand out (red, bold, tinted)."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("CashierTables", "State"), lambda r: status_label(r.status),
               lambda r: (not r.owed, -r.id)),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Receipt"), lambda r: r.plan.kind.label),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Orders"), lambda r: ", ".join(r.order_numbers)),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Sum"), lambda r: format_amount(r.plan.total), lambda r: r.plan.total,
               True),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Paid by"), payments_text),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Created"), lambda r: _datetime(r.created_at), lambda r: r.created_at),
        Column(QT_TRANSLATE_NOOP("CashierTables", "FD"), lambda r: str(r.fd_number or ""), lambda r: r.fd_number or 0),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Why"), lambda r: r.error or r.plan.reason),
    )

    def style(self, row, column: int, role: int) -> Any:
        owed = row.owed
        if role == Qt.ItemDataRole.ForegroundRole:
            return RED if owed else (GREEN if column == 0 else None)
        if role == Qt.ItemDataRole.FontRole and owed and column in (0, 1, 3):
            return _BOLD
        if role == Qt.ItemDataRole.BackgroundRole and owed:
            return OWED_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and column == 7:
            return row.error or row.plan.reason
        return None


class JournalModel(ReceiptsModel):
    """The register's journal: printed, failed and pending documents, newest first."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("CashierTables", "FD"), lambda r: str(r.fd_number or ""), lambda r: r.fd_number or 0),
        Column(QT_TRANSLATE_NOOP("CashierTables", "State"), lambda r: status_label(r.status)),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Receipt"), lambda r: r.plan.kind.label),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Customer"), lambda r: r.customer_name),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Sum"), lambda r: format_amount(r.plan.total), lambda r: r.plan.total,
               True),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Time"), lambda r: _datetime(r.printed_at or r.created_at),
               lambda r: r.printed_at or r.created_at),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Why"), lambda r: r.error or ""),
    )

    def style(self, row, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            return GREEN if row.status is ReceiptStatus.PRINTED else RED
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.error or row.plan.reason
        return None


class OwedModel(ReceiptsModel):
    """Every receipt the shop still owes, oldest first: whom, why and how much."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("CashierTables", "Created"), lambda r: _datetime(r.created_at),
               lambda r: (r.created_at, r.id)),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Customer"), lambda r: r.customer_name),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Receipt"), lambda r: r.plan.kind.label),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Sum"), lambda r: format_amount(r.plan.total), lambda r: r.plan.total,
               True),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Orders"), lambda r: ", ".join(r.order_numbers)),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Why"), lambda r: r.error or r.plan.reason),
    )

    def style(self, row, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.explanation
        return None


class LedgerModel(RowsModel):
    """Payments, allocations and refunds: their effect on the customer's advance."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("CashierTables", "When"), lambda r: _datetime(r.at), lambda r: r.at),
        Column(QT_TRANSLATE_NOOP("CashierTables", "What"), lambda r: r.description),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Advance ±"), lambda r: format_amount(r.amount),
               lambda r: r.amount, True),
    )

    def style(self, row, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return GREEN if row.amount > 0 else RED
        return None


class AllocationsModel(RowsModel):
    """Money applied to orders: what each allocation still holds, for undoing or moving it."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("CashierTables", "When"), lambda r: _datetime(r.created_at), lambda r: r.created_at),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Order"), lambda r: r.order_number,
               lambda r: (len(r.order_number), r.order_number)),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Payment"), lambda r: str(r.payment_id), lambda r: r.payment_id),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Applied"), lambda r: format_amount(r.amount), lambda r: r.amount,
               True),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Still in the order"), lambda r: format_amount(r.live),
               lambda r: r.live, True),
        Column(QT_TRANSLATE_NOOP("CashierTables", "By"), lambda r: r.created_by),
    )

    def style(self, row, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.live == 0:
            return GREY
        return None


class SearchModel(RowsModel):
    """Customers and orders the search box found."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("CashierTables", "Order"), lambda r: r.order_number or "",
               lambda r: (r.order_number is not None, len(r.order_number or ""), r.order_number or "")),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Customer"), lambda r: r.customer_name),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Kind"), lambda r: customer_kind_label(r.kind)),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Phone"), lambda r: format_phone(r.phone)),
        Column(QT_TRANSLATE_NOOP("CashierTables", "INN"), lambda r: r.inn or ""),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Due"), lambda r: format_amount(r.due), lambda r: r.due, True),
    )


class HandoverModel(RowsModel):
    """Per driver and route: expected at the stops vs handed in."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("CashierTables", "Driver"), lambda r: r.driver or "—"),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Route"), lambda r: r.route or "—"),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Stops"), lambda r: str(r.stops), lambda r: r.stops, True),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Expected"), lambda r: format_amount(r.expected) if r.stops else "—",
               lambda r: r.expected, True),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Collected"), lambda r: format_amount(r.cash + r.card),
               lambda r: r.cash + r.card, True),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Cash in"), lambda r: format_amount(r.handed_cash),
               lambda r: r.handed_cash, True),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Card in"), lambda r: format_amount(r.handed_card),
               lambda r: r.handed_card, True),
        Column(QT_TRANSLATE_NOOP("CashierTables", "Difference"), lambda r: format_amount(r.difference),
               lambda r: r.difference, True),
    )

    def style(self, row, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 7 and row.difference:
            return RED
        return None
