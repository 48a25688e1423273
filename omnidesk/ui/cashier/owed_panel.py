"""«Receipts to print»: every receipt the shop owes, whoever it is for, oldest first, printed in one go."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from omnidesk.core.money import format_amount
from omnidesk.services import cashier as data
from omnidesk.services.uow import Database

from ..tasks import TaskRunner
from . import widgets
from .models import OwedModel, RowsProxy


class OwedPanel(QWidget):
    count_changed = Signal(int)  # receipts owed shop-wide (the status bar's counter)
    print_all_requested = Signal(list)  # the ReceiptViews to print

    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner = db, runner
        self.model = OwedModel(self)
        self.proxy = RowsProxy(self.model, self)
        self.table = widgets.make_table(self.proxy)
        self.table.setSortingEnabled(False)  # oldest first, the order they will print in
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.print_all = QPushButton(self.tr("Print all"))
        self.print_all.setToolTip(self.tr("Print every receipt in this list, oldest first (you confirm what prints)"))
        self.print_all.clicked.connect(self._print_all)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.print_all)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.receipts: list = []

    def reload(self) -> None:
        self._runner.start(lambda: data.owed_receipts(self._db), on_done=self._show,
                           on_error=lambda exc: widgets.report_error(self, exc))

    def _show(self, receipts) -> None:
        self.receipts = sorted(receipts, key=lambda r: (r.created_at, r.id))
        self.model.set_rows(self.receipts)
        total = sum(r.plan.total for r in self.receipts)
        if self.receipts:
            self.summary.setText(self.tr("{0} receipt(s) owed for {1}, oldest first").format(
                len(self.receipts), format_amount(total)))
        else:
            self.summary.setText(self.tr("Every receipt is printed: nothing is owed."))
        self.print_all.setEnabled(bool(self.receipts))
        self.count_changed.emit(len(self.receipts))

    def _print_all(self) -> None:
        if self.receipts:
            self.print_all_requested.emit(list(self.receipts))
