"""The Reports page: pick a customer and a period, preview the act, save it (or a register) to .xlsx."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from omnidesk.core.changes import Changes
from omnidesk.core.money import format_amount
from omnidesk.services import reports
from omnidesk.services.auth import Actor
from omnidesk.services.customers import resolve_customer_id
from omnidesk.services.reports import ReconciliationAct, write_act, write_payments, write_unmatched
from omnidesk.services.uow import Database

from ..date_edit import DateEdit
from ..errors import error_text
from ..tables import ListTableModel
from ..tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex


class ActRowsModel(ListTableModel):
    """The act's rows with the opening and closing balances, as the accountant will see them."""

    def __init__(self, parent=None) -> None:
        super().__init__([self.tr("Date"), self.tr("Document"), self.tr("Receipts, details"), self.tr("Debit"),
                          self.tr("Credit")], parent)

    def set_act(self, act: ReconciliationAct | None) -> None:
        self.act = act
        self.beginResetModel()
        self._rows = []
        if act is not None:
            def cell(k: int) -> str:
                return format_amount(k, currency=False) if k else ""
            self._rows.append(("", self.tr("Opening balance"), "", cell(max(act.opening, 0)), cell(max(-act.opening, 0))))
            self._rows += [(f"{r.date:%d.%m.%Y}", r.document, r.details, cell(r.debit), cell(r.credit)) for r in act.rows]
            self._rows.append(("", self.tr("Turnover"), "", cell(act.debit_turnover), cell(act.credit_turnover)))
            self._rows.append(("", self.tr("Closing balance"), "", cell(max(act.closing, 0)), cell(max(-act.closing, 0))))
        self.endResetModel()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReportsPage(QWidget):
    finished = Signal(str)  # the saved file, or the error text

    def __init__(self, db: Database, runner: TaskRunner, actor: Callable[[], Actor],
                 parent: QWidget | None = None) -> None:
        """``actor()`` is the person signed in now («Сменить пользователя» may replace them)."""
        super().__init__(parent)
        self._db, self._runner, self._actor = db, runner, actor
        self.model = ActRowsModel(self)
        self._act_customer: int | None = None
        today = QDate.currentDate()
        self.customer = QLineEdit(placeholderText=self.tr("INN, id, phone or exact name"))
        self.date_from = DateEdit(QDate(today.year(), today.month(), 1))
        self.date_to = DateEdit(today)
        self.preview_button = QPushButton(self.tr("Show act"))
        self.act_button = QPushButton(self.tr("Save act to Excel…"))
        self.payments_button = QPushButton(self.tr("Save payments register…"))
        self.unmatched_button = QPushButton(self.tr("Save unmatched transfers…"))
        self.message = QLabel(self.tr("Type a customer (INN, id, phone or name) and a period, then «Show act»: the "
                                      "act's shipments and payments appear here."))
        self.message.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.customer)
        period = QHBoxLayout()
        period.addWidget(self.date_from)
        period.addWidget(QLabel("—"))
        period.addWidget(self.date_to)
        period.addStretch(1)
        form.addRow(self.tr("Period"), period)
        buttons = QHBoxLayout()
        for b in (self.preview_button, self.act_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        registers = QHBoxLayout()
        for b in (self.payments_button, self.unmatched_button):
            registers.addWidget(b)
        registers.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(registers)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.preview_button.clicked.connect(self.preview)
        self.act_button.clicked.connect(lambda: self._ask_and_save("act"))
        self.payments_button.clicked.connect(lambda: self._ask_and_save("payments"))
        self.unmatched_button.clicked.connect(lambda: self._ask_and_save("unmatched"))

    def period(self) -> tuple[dt.date, dt.date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def preview(self) -> None:
        start, end = self.period()
        customer, actor = self.customer.text(), self._actor()
        self._runner.start(lambda: reports.reconciliation_act(self._db, actor, resolve_customer_id(self._db, customer), start, end),
                           on_done=self._show_act, on_error=self._failed)

    def _show_act(self, act: ReconciliationAct) -> None:
        self._act_customer = act.customer_id
        self.message.setText("" if act.rows else self.tr("No shipments or payments of this customer in the period."))
        self.model.set_act(act)

    def apply_changes(self, changes: Changes) -> None:
        """The act on screen is worked out again when that customer's money, orders or receipts change."""
        if self._act_customer is not None and changes.touches("customers", [self._act_customer]):
            self.preview()

    def _ask_and_save(self, what: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save to Excel"), self.default_file_name(what),
                                              self.tr("Excel (*.xlsx)"))
        if path:
            self.save(what, path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def default_file_name(self, what: str) -> str:
        """«Акт сверки ООО Ромашка 01.10.2026-31.10.2026.xlsx»: whose and which period, as saved acts are found."""
        start, end = (d.strftime("%d.%m.%Y") for d in self.period())
        act = getattr(self.model, "act", None)
        customer = act.buyer.name if act is not None else self.customer.text().strip()
        customer = "".join(ch for ch in customer if ch not in '\\/:*?"<>|«»').strip()
        names = {"act": self.tr("Reconciliation act {0} {1}-{2}.xlsx").format(customer, start, end),
                 "payments": self.tr("Payments register {0}-{1}.xlsx").format(start, end),
                 "unmatched": self.tr("Unmatched transfers {0}.xlsx").format(end)}
        return " ".join(names[what].split())

    def save(self, what: str, path: str) -> None:
        start, end = self.period()
        customer, actor = self.customer.text(), self._actor()

        def work() -> str:
            if what == "act":
                customer_id = resolve_customer_id(self._db, customer)
                write_act(reports.reconciliation_act(self._db, actor, customer_id, start, end), path)
            elif what == "payments":
                write_payments(reports.payments_register(self._db, actor, start, end), path)
            else:
                write_unmatched(reports.unmatched_transfers(self._db, actor, start, end), path)
            return path

        self.message.setText(self.tr("Saving…"))
        self._runner.start(work, on_done=self._saved, on_error=self._failed)

    def _saved(self, path: str) -> None:
        self.message.setText(self.tr("Saved: {0}").format(path))
        self.finished.emit(path)

    def _failed(self, exc: Exception) -> None:
        self.message.setText(error_text(exc))
        self.finished.emit(error_text(exc))
