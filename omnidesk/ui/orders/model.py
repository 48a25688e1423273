"""The orders table: a list model that filters and sorts 100 000 rows in milliseconds.

Filtering by text, date and status runs over precomputed search keys in one Python pass
(no per-row call from C++), and the visible rows are an index list. The proxy on top keeps
the usual Qt wiring and hands sorting to the source, which sorts with Python's ``sorted``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
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
from PySide6.QtGui import QBrush, QColor

from omnidesk.core.enums import OrderStatus
from omnidesk.core.money import format_amount
from omnidesk.core.phones import format_phone
from omnidesk.core.timefmt import format_window
from omnidesk.services.dto import OrderRow

from ..labels import status_label

_Index = QModelIndex | QPersistentModelIndex

def _number_key(row: OrderRow) -> tuple[int, str]:
    """Numbers sort as numbers (10231 after 9999), whatever their length."""
    return len(row.number), row.number


def _when_key(row: OrderRow) -> tuple:
    window = row.window_start if row.window_start is not None else -1
    return row.delivery_date or dt.date.min, window, _number_key(row)


COLUMNS: tuple[tuple[str, str, Callable[[OrderRow], Any]], ...] = (
    ("number", QT_TRANSLATE_NOOP("OrdersTableModel", "No."), _number_key),
    ("date", QT_TRANSLATE_NOOP("OrdersTableModel", "Date"), _when_key),
    ("window", QT_TRANSLATE_NOOP("OrdersTableModel", "Window"), lambda r: _when_key(r)[1:]),
    ("customer", QT_TRANSLATE_NOOP("OrdersTableModel", "Customer"), lambda r: r.customer_name.lower()),
    ("phone", QT_TRANSLATE_NOOP("OrdersTableModel", "Phone"), lambda r: r.customer_phone or ""),
    ("total", QT_TRANSLATE_NOOP("OrdersTableModel", "Total"), lambda r: r.total),
    ("paid", QT_TRANSLATE_NOOP("OrdersTableModel", "Paid"), lambda r: r.paid),
    ("due", QT_TRANSLATE_NOOP("OrdersTableModel", "Due"), lambda r: r.due),
    ("status", QT_TRANSLATE_NOOP("OrdersTableModel", "Status"), lambda r: r.status.value),
    ("address", QT_TRANSLATE_NOOP("OrdersTableModel", "Address"), lambda r: r.address),
)
MONEY_COLUMNS = {"total", "paid", "due"}
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
KEEP: Any = object()  # set_filter: leave this filter as it is
_SERVED_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.ToolTipRole, ROW_ROLE,
})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DUE_COLOUR = QBrush(QColor("#b3261e"))
_DONE_COLOUR = QBrush(QColor("#6b6b6b"))


def _search_key(row: OrderRow) -> str:
    phone = row.customer_phone or ""
    return " ".join((row.number, row.customer_name, row.customer_inn or "", phone, phone[2:], row.address)).lower()


class OrdersTableModel(QAbstractTableModel):
    """All loaded orders; ``rowCount`` is the number that pass the current filter."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[OrderRow] = []
        self._position: dict[int, int] = {}  # order id → index in _rows
        self._keys: list[str] = []
        self._order: list[int] = []  # every row, in the current sort order
        self._visible: list[int] = []  # the rows of _order that pass the filters
        self._sort_keys: dict[int, list] = {}  # per column, the sort key of every row
        self._texts: dict[int, tuple[str, ...]] = {}  # shown texts of the rows painted so far
        self._totals: list[int] = []  # per row, for the page's running sums
        self._dues: list[int] = []
        self._text = ""
        self._date: dt.date | None = None
        self._status: OrderStatus | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- Qt model interface -------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("OrdersTableModel", COLUMNS[section][1])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # painting asks for many roles per cell: answer the ones we do not serve first and cheaply
        if role not in _SERVED_ROLES or not index.isValid():
            return None
        position = index.row()
        if position >= len(self._visible):
            return None
        row_index = self._visible[position]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(row_index)
            if texts is None:
                texts = self._texts[row_index] = self._display(self._rows[row_index])
            return texts[column]
        row = self._rows[row_index]
        name = COLUMNS[column][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if name in MONEY_COLUMNS else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if name == "due" and row.due > 0:
                return _DUE_COLOUR
            return None if row.status.is_open else _DONE_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.customer_name}\n{row.address}" if name in ("customer", "address") else None
        return row  # ROW_ROLE

    @staticmethod
    def _display(row: OrderRow) -> tuple[str, ...]:
        """The shown text of every column of one row (kept, as it never changes)."""
        return (
            row.number,
            row.delivery_date.strftime("%d.%m.%Y") if row.delivery_date else "",
            format_window(row.window_start, row.window_end),
            row.customer_name,
            format_phone(row.customer_phone),
            format_amount(row.total),
            format_amount(row.paid),
            format_amount(row.due),
            status_label(row.status),
            row.address,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._resort()
        self._visible = self._filtered(self._order)
        self.layoutChanged.emit()

    # --- loading and filtering ----------------------------------------------
    def set_rows(self, rows: Sequence[OrderRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._position = {r.id: i for i, r in enumerate(self._rows)}
        self._keys = [_search_key(r) for r in self._rows]
        self._sort_keys.clear()
        self._totals, self._dues = [], []
        self._texts.clear()
        self._order = list(range(len(self._rows)))
        self._resort()
        self._visible = self._filtered(self._order)
        self.endResetModel()

    def append_rows(self, rows: Sequence[OrderRow]) -> None:
        """Add rows that arrived later (the table stays usable while the rest loads)."""
        if not rows:
            return
        start = len(self._rows)
        self._rows.extend(rows)
        self._position.update((r.id, start + i) for i, r in enumerate(rows))
        self._keys.extend(_search_key(r) for r in rows)
        new = range(start, len(self._rows))
        if self._sort is not None:
            self.layoutAboutToBeChanged.emit()
            self._order.extend(new)
            self._resort()
            self._visible = self._filtered(self._order)
            self.layoutChanged.emit()
            return
        self._order.extend(new)
        new_visible = self._filtered(new)
        if new_visible:
            first = len(self._visible)
            self.beginInsertRows(QModelIndex(), first, first + len(new_visible) - 1)
            self._visible.extend(new_visible)
            self.endInsertRows()

    def update_rows(self, rows: Sequence[OrderRow]) -> None:
        """Replace the rows of orders already shown and add new ones; only those rows are recomputed."""
        new = [r for r in rows if r.id not in self._position]
        changed = [r for r in rows if r.id in self._position]
        if changed and self._stays_in_place(changed):
            self._replace_in_place(changed)
        elif changed:
            self.layoutAboutToBeChanged.emit()
            persistent = self.persistentIndexList()
            held = [(self._visible[p.row()] if p.row() < len(self._visible) else None, p.column()) for p in persistent]
            for row in changed:
                self._store(row)
            self._resort()
            self._visible = self._filtered(self._order)
            where = {i: position for position, i in enumerate(self._visible)}
            self.changePersistentIndexList(persistent, [
                self.index(where[i], column) if i in where else QModelIndex() for i, column in held])
            self.layoutChanged.emit()
        self.append_rows(new)

    def _store(self, row: OrderRow) -> int:
        """Put a shown order's new row in place with its derived keys and totals; its index."""
        i = self._position[row.id]
        self._rows[i], self._keys[i] = row, _search_key(row)
        self._texts.pop(i, None)
        for column, keys in self._sort_keys.items():
            if i < len(keys):
                keys[i] = COLUMNS[column][2](row)
        if i < len(self._totals):
            self._totals[i], self._dues[i] = row.total, row.due
        return i

    def _stays_in_place(self, rows: Sequence[OrderRow]) -> bool:
        """True when no row changes its sort key or whether it passes the filter: nothing moves."""
        sort_column = self._sort[0] if self._sort is not None else None
        for row in rows:
            i = self._position[row.id]
            old = self._rows[i]
            if sort_column is not None and COLUMNS[sort_column][2](old) != COLUMNS[sort_column][2](row):
                return False
            if self._passes(old, self._keys[i]) != self._passes(row, _search_key(row)):
                return False
        return True

    def _passes(self, row: OrderRow, key: str) -> bool:
        return (all(word in key for word in self._text.split())
                and (self._date is None or row.delivery_date == self._date)
                and (self._status is None or row.status is self._status))

    def _replace_in_place(self, rows: Sequence[OrderRow]) -> None:
        """Swap the rows' data and repaint just their cells (a payment changes paid/due, not the order)."""
        visible: dict[int, int] | None = None
        last = self.columnCount() - 1
        for row in rows:
            i = self._store(row)
            if len(rows) <= 8:  # a few rows: a scan each is cheaper than a map of every visible row
                position = self.position_of(row.id)
            else:
                if visible is None:
                    visible = {index: position for position, index in enumerate(self._visible)}
                position = visible.get(i)
            if position is not None:
                self.dataChanged.emit(self.index(position, 0), self.index(position, last))

    def position_of(self, order_id: int) -> int | None:
        """The visible row of an order, or None when it is not shown."""
        i = self._position.get(order_id)
        if i is None:
            return None
        try:
            return self._visible.index(i)
        except ValueError:
            return None

    def set_filter(self, text: str | None = None, date: Any = KEEP, status: Any = KEEP) -> None:
        """Change any of the filters (date and status: a value or None for all); the others stay."""
        if text is not None:
            self._text = text.strip().lower()
        if date is not KEEP:
            self._date = date
        if status is not KEEP:
            self._status = status
        self.beginResetModel()
        self._visible = self._filtered(self._order)
        self.endResetModel()

    def _filtered(self, candidates) -> list[int]:
        """The candidates (in their order) that pass every filter: one list pass per filter."""
        rows, keys = self._rows, self._keys
        result = list(candidates)
        for word in self._text.split():
            result = [i for i in result if word in keys[i]]
        if self._date is not None:
            result = [i for i in result if rows[i].delivery_date == self._date]
        if self._status is not None:
            result = [i for i in result if rows[i].status is self._status]
        return result

    def _resort(self) -> None:
        """Put every row in the current sort order; filtering then keeps that order for free."""
        if self._sort is None:
            return
        column, order = self._sort
        keys = self._sort_keys.setdefault(column, [])
        if len(keys) < len(self._rows):
            key = COLUMNS[column][2]
            keys.extend(key(r) for r in self._rows[len(keys):])
        self._order.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)

    # --- helpers for the page -----------------------------------------------
    def row_at(self, row: int) -> OrderRow:
        return self._rows[self._visible[row]]

    def delivery_dates(self) -> list[dt.date]:
        return sorted({r.delivery_date for r in self._rows if r.delivery_date})

    def total_count(self) -> int:
        return len(self._rows)

    def visible_totals(self) -> tuple[int, int]:
        """(sum of totals, sum still due) over the rows that pass the filter."""
        if len(self._totals) < len(self._rows):
            fresh = self._rows[len(self._totals):]
            self._totals.extend(r.total for r in fresh)
            self._dues.extend(r.due for r in fresh)
        return sum(map(self._totals.__getitem__, self._visible)), sum(map(self._dues.__getitem__, self._visible))


class OrdersProxyModel(QSortFilterProxyModel):
    """The view's model; sorting is done by the source in one pass, filtering by the source too."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, OrdersTableModel):
            source.sort(column, order)
        else:  # pragma: no cover - any other source sorts the usual way
            super().sort(column, order)
