"""The Orders page: search as you type, filters by date and status, the table and a detail panel."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelection, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from omnidesk.core.changes import Changes
from omnidesk.core.enums import OrderStatus
from omnidesk.core.money import format_amount
from omnidesk.services import orders as order_service
from omnidesk.services.orders_export import export_orders
from omnidesk.services.uow import Database

from ..errors import error_text
from ..labels import status_label
from ..tasks import Task, TaskRunner
from .detail import OrderDetailPanel
from .model import COLUMNS, OrdersProxyModel, OrdersTableModel

FIRST_CHUNK = 500
CHUNK = 20_000


class OrdersPage(QWidget):
    """Loads orders in the background: the first rows show at once, the rest follow."""

    loaded = Signal(int)
    open_requested = Signal(int, str)  # customer id, order number: take the order to the Cashier page

    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._load_task: Task | None = None
        self._detail_task: Task | None = None
        self._detail_id: int | None = None
        self._waiting = Changes()  # arrived while the table was loading
        self.model = OrdersTableModel(self)
        self.proxy = OrdersProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._connect()

    # --- layout ---------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Search: order number, customer, phone, INN, address"))
        self.search.setClearButtonEnabled(True)
        self.date_filter = QComboBox()
        self.date_filter.addItem(self.tr("All dates"), None)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in OrderStatus:
            self.status_filter.addItem(status_label(status), status)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Reload orders from the database (F5)"))
        self.export_button = QPushButton(self.tr("Excel…"))
        self.export_button.setToolTip(self.tr("Save the orders shown (as filtered) to an Excel file"))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.date_filter, 1)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.refresh_button)
        filters.addWidget(self.export_button)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by date and window, as a logist reads them
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        self._fit_columns()

        self.detail = OrderDetailPanel()
        # the order's detail below the table: every column of the table fits a 1366-pixel screen
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 200])
        self.splitter = splitter

        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)

    def _fit_columns(self) -> None:
        """Every column shows on a 1366-pixel screen: short ones as wide as their longest possible text,
        the customer and the address share what is left (stretching with the window)."""
        header, metrics = self.table.horizontalHeader(), self.table.fontMetrics()
        samples = {"number": "100000", "date": "31.12.2026", "window": "10:00–12:00", "phone": "+7 (916) 123-45-67",
                   "total": "9 999 999,00", "paid": "9 999 999,00", "due": "9 999 999,00",
                   "status": max((status_label(s) for s in OrderStatus), key=len)}
        for column, (name, _title, _key) in enumerate(COLUMNS):
            if name in samples:
                title = str(self.proxy.headerData(column, Qt.Orientation.Horizontal))
                width = max(metrics.horizontalAdvance(samples[name]), header.fontMetrics().horizontalAdvance(title)
                            + 20) + 14
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda text: self._filter(text=text))
        self.date_filter.currentIndexChanged.connect(lambda _i: self._filter(date=self.selected_date()))
        self.status_filter.currentIndexChanged.connect(lambda _i: self._filter(status=self.status_filter.currentData()))
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self.export)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for title, handler in ((self.tr("Open at the cashier (Enter)"), self.open_selected),
                               (self.tr("Copy the order number"), self.copy_number),
                               (self.tr("Save the list to Excel…"), self.export)):
            action = QAction(title, self.table)
            action.triggered.connect(handler)
            self.table.addAction(action)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.open_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search.setFocus)
        # the model resets on every filter change; keep the detail in step
        self.model.modelReset.connect(self._detail_cleared)

    def _detail_cleared(self) -> None:
        self._detail_id = None
        self.detail.clear()

    # --- loading --------------------------------------------------------------
    def reload(self) -> None:
        """Load every order in the background: a first small chunk, then the rest."""
        if self._load_task is not None:
            self._load_task.cancel()
        self.summary.setText(self.tr("Loading orders…"))
        self._first_chunk = True
        self._load_task = self._runner.start(
            self._load_chunks, on_step=self._chunk_arrived, on_done=self._load_finished, on_error=self._load_failed
        )

    def _load_chunks(self):
        threshold, buffer = FIRST_CHUNK, []
        for chunk in order_service.iter_order_rows(self._db, chunk_size=FIRST_CHUNK):
            buffer.extend(chunk)
            if len(buffer) >= threshold:
                yield buffer
                threshold, buffer = CHUNK, []
        if buffer:
            yield buffer

    def _chunk_arrived(self, rows) -> None:
        if self._first_chunk:
            self._first_chunk = False
            self.model.set_rows(rows)
        else:
            self.model.append_rows(rows)
        self._update_summary()

    def _load_finished(self, _result) -> None:
        if self._first_chunk:  # no orders at all
            self.model.set_rows([])
        self._load_task = None
        self._fill_dates()
        self._update_summary()
        if not self.model.total_count():  # an empty table says where orders come from
            self.summary.setText(self.tr("No orders yet. Orders come from 1C and the CRM by synchronisation (set it "
                                         "up in its settings); to try OmniDesk with sample data, run «omnidesk demo»."))
        self.loaded.emit(self.model.total_count())
        waiting, self._waiting = self._waiting, Changes()
        if waiting:
            self.apply_changes(waiting)

    # --- what changed elsewhere -------------------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        """Refresh the rows of the orders (and customers) that changed; everything only when too many did."""
        if not (changes.touches("orders") or changes.touches("customers")):
            return
        if self._load_task is not None:
            self._waiting = self._waiting | changes
            return
        if changes.kinds & {"orders", "customers"}:
            self.reload()
            return
        ids, customers = changes.orders, changes.customers
        self._runner.start(lambda: order_service.order_rows(self._db, ids, customers), on_done=self._rows_changed,
                           on_error=self._load_failed)

    def _rows_changed(self, rows) -> None:
        self.model.update_rows(rows)
        self._update_summary()
        if self._detail_id is not None and any(r.id == self._detail_id for r in rows):
            self._show_detail(self._detail_id)

    def _load_failed(self, exc: Exception) -> None:
        self._load_task = None
        self.summary.setText(self.tr("Could not load orders: {0}").format(error_text(exc)))

    def _fill_dates(self) -> None:
        current = self.date_filter.currentData()
        self.date_filter.blockSignals(True)
        self.date_filter.clear()
        self.date_filter.addItem(self.tr("All dates"), None)
        today = dt.date.today()
        names = {today: self.tr("today"), today + dt.timedelta(days=1): self.tr("tomorrow")}
        for day in self.model.delivery_dates():
            label = day.strftime("%d.%m.%Y") + (f" ({names[day]})" if day in names else "")
            self.date_filter.addItem(label, day.isoformat())  # plain text: Qt would turn a date into a QDate
        index = self.date_filter.findData(current)
        self.date_filter.setCurrentIndex(max(index, 0))
        self.date_filter.blockSignals(False)

    def selected_date(self) -> dt.date | None:
        data = self.date_filter.currentData()
        return dt.date.fromisoformat(data) if data else None

    # --- filtering and details -----------------------------------------------
    def _filter(self, **changes) -> None:
        self.model.set_filter(**changes)
        self._update_summary()

    def _update_summary(self) -> None:
        total, due = self.model.visible_totals()
        self.summary.setText(
            self.tr("Shown: {0} of {1} orders · total {2} · due {3}").format(
                self.model.rowCount(), self.model.total_count(), format_amount(total), format_amount(due)
            )
        )

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        row = self.model.row_at(self.proxy.mapToSource(indexes[0]).row())
        self._show_detail(row.id)

    def selected_row(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_requested.emit(row.customer_id, row.number)

    def copy_number(self) -> None:
        row = self.selected_row()
        if row is not None:
            QGuiApplication.clipboard().setText(row.number)

    def shown_rows(self) -> list:
        return [self.model.row_at(r) for r in range(self.model.rowCount())]

    def export(self) -> None:
        name = self.tr("Orders {0}.xlsx").format(dt.date.today().strftime("%d.%m.%Y"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save to Excel"), name, self.tr("Excel (*.xlsx)"))
        if path:
            self.save_list(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def save_list(self, path: str) -> None:
        rows, what = self.shown_rows(), " · ".join(t for t in (self.search.text().strip(),) if t)
        self._runner.start(lambda: export_orders(rows, path, what),
                           on_done=lambda saved: self.summary.setText(self.tr("Saved: {0}").format(saved)),
                           on_error=lambda exc: self.summary.setText(error_text(exc)))

    def _show_detail(self, order_id: int) -> None:
        self._detail_id = order_id
        if self._detail_task is not None:
            self._detail_task.cancel()
        self._detail_task = self._runner.start(
            lambda: order_service.order_detail(self._db, order_id),
            on_done=self.detail.show_detail,
            on_error=lambda exc: self.detail.show_message(error_text(exc)),
        )

    # --- remembered layout ---------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("orders/columns", self.table.horizontalHeader().saveState())
        settings.setValue("orders/detail_below", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        header = settings.value("orders/columns")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        splitter = settings.value("orders/detail_below")
        if splitter is not None:
            self.splitter.restoreState(splitter)

