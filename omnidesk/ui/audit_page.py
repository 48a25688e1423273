"""The audit viewer: who changed what and when, filtered by user, object and period; exported to Excel or CSV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from omnidesk.core.changes import Changes
from omnidesk.services import audit
from omnidesk.services.audit import AuditFilter, AuditRow
from omnidesk.services.auth import Actor
from omnidesk.services.uow import Database

from .errors import error_text
from .tables import Index, ListTableModel
from .tasks import TaskRunner

ENTITIES = ("", "payment", "allocation", "order", "receipt", "register", "routes", "bank_line", "customer",
            "user", "setting")


class AuditModel(ListTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([self.tr("When"), self.tr("Who"), self.tr("Workstation"), self.tr("Action"),
                          self.tr("Object"), self.tr("Details (before → after)")], parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index) or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r: AuditRow = self._rows[index.row()]
        target = r.entity if r.entity_id is None else f"{r.entity} {r.entity_id}"
        return (f"{r.at:%d.%m.%Y %H:%M:%S}", r.user, r.workstation, r.action, target, r.summary)[index.column()]


class AuditPage(QWidget):
    finished = Signal(str)  # a saved file or an error

    def __init__(self, db: Database, runner: TaskRunner, actor: Callable[[], Actor],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner, self._actor = db, runner, actor
        self.model = AuditModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        today = QDate.currentDate()
        self.user = QLineEdit(placeholderText=self.tr("login"))
        self.entity = QComboBox()
        for entity in ENTITIES:
            self.entity.addItem(entity or self.tr("any object"), entity)
        self.date_from = QDateEdit(today.addDays(-7), calendarPopup=True)
        self.date_to = QDateEdit(today, calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("dd.MM.yyyy")
        self.show_button = QPushButton(self.tr("Show"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.message = QLabel()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self._loaded = False  # newest first, as the service returns them
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        filters = QHBoxLayout()
        for label, widget in ((self.tr("User"), self.user), (self.tr("Object"), self.entity),
                              (self.tr("From"), self.date_from), (self.tr("To"), self.date_to)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.show_button)
        filters.addWidget(self.export_button)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.show_button.clicked.connect(self.reload)
        self.user.returnPressed.connect(self.reload)
        self.export_button.clicked.connect(self._ask_and_export)

    def where(self) -> AuditFilter:
        start: dt.date = self.date_from.date().toPython()
        end: dt.date = self.date_to.date().toPython()
        return AuditFilter(user=self.user.text().strip(), entity=self.entity.currentData() or "", since=start,
                           until=end)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.reload()

    def reload(self) -> None:
        db, actor, where = self._db, self._actor(), self.where()
        self.message.setText(self.tr("Loading…"))
        self._runner.start(lambda: audit.entries(db, actor, where), on_done=self._show, on_error=self._failed)

    def _show(self, rows: list[AuditRow]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.message.setText(self.tr("Entries: {0}").format(len(rows)))

    def apply_changes(self, changes: Changes) -> None:
        """Anything written anywhere adds entries; the page reloads only when someone looks at it."""
        if changes and self.isVisible() and self.model.rowCount():
            self.reload()

    def _ask_and_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), self.tr("audit.xlsx"),
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:  # the dialog itself asks before overwriting an existing file
            self.export(path if path.lower().endswith((".xlsx", ".csv")) else path + ".xlsx")

    def export(self, path: str) -> None:
        db, actor, where = self._db, self._actor(), self.where()
        self.message.setText(self.tr("Saving…"))
        self._runner.start(lambda: (audit.export(db, actor, where, path), path)[1], on_done=self._saved,
                           on_error=self._failed)

    def _saved(self, path: str) -> None:
        self.message.setText(self.tr("Saved: {0}").format(path))
        self.finished.emit(path)

    def _failed(self, exc: Exception) -> None:
        self.message.setText(error_text(exc))
        self.finished.emit(error_text(exc))
