"""«Receipts to print»: every receipt the shop owes, whoever it is for, oldest first, printed in one go."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from omnidesk.core.money import format_amount
from omnidesk.services import cashier as data
from omnidesk.services.receipt_edits import set_receipt_buyer
from omnidesk.services.uow import Database

from ..tasks import TaskRunner
from . import widgets
from .buyer_dialog import BuyerDialog
from .models import OwedModel, RowsProxy


class OwedPanel(QWidget):
    count_changed = Signal(int)  # receipts owed shop-wide (the status bar's counter)
    print_all_requested = Signal(list)  # the ReceiptViews to print
    buyer_saved = Signal(object)  # the ReceiptView with its new buyer

    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget | None = None, *,
                 actor: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner, self._actor = db, runner, actor
        self.model = OwedModel(self)
        self.proxy = RowsProxy(self.model, self)
        self.table = widgets.make_table(self.proxy)
        self.table.setSortingEnabled(False)  # oldest first, the order they will print in
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.print_all = QPushButton(self.tr("Print all"))
        self.print_all.setToolTip(self.tr("Print every receipt in this list, oldest first (you confirm what prints)"))
        self.print_all.clicked.connect(self._print_all)
        self.buyer_button = QPushButton(self.tr("Buyer on receipt…"))
        self.buyer_button.setToolTip(self.tr("The buyer's name and INN, an e-mail or phone — on the selected "
                                             "receipt only"))
        self.buyer_button.clicked.connect(lambda: self.edit_buyer())
        self.buyer_button.setEnabled(False)
        buyer_action = QAction(self.buyer_button.text(), self)
        buyer_action.triggered.connect(lambda: self.edit_buyer())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addAction(buyer_action)
        self.table.doubleClicked.connect(lambda _i: self.edit_buyer())
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.buyer_button.setEnabled(self.selected() is not None))
        self.model.modelReset.connect(lambda: self.buyer_button.setEnabled(self.selected() is not None))
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.buyer_button)
        top.addWidget(self.print_all)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.receipts: list = []

    def reload(self) -> None:
        self._runner.start(lambda: data.owed_receipts(self._db), on_done=self._show,
                           on_error=lambda exc: widgets.report_error(self, exc))

    def _show(self, receipts) -> None:
        keep = self.selected()
        self.receipts = sorted(receipts, key=lambda r: (r.created_at, r.id))
        self.model.set_rows(self.receipts)
        if keep is not None:
            self.select_receipt(keep.id)
        total = sum(r.plan.total for r in self.receipts)
        if self.receipts:
            self.summary.setText(self.tr("{0} receipt(s) owed for {1}, oldest first").format(
                len(self.receipts), format_amount(total)))
        else:
            self.summary.setText(self.tr("Every receipt is printed: nothing is owed."))
        self.print_all.setEnabled(bool(self.receipts))
        self.count_changed.emit(len(self.receipts))

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.row_at(rows[0].row()) if rows else None

    def select_receipt(self, receipt_id: int) -> None:
        for r in range(self.proxy.rowCount()):
            if self.proxy.row_at(r).id == receipt_id:
                self.table.selectRow(r)
                return

    def edit_buyer(self, receipt=None) -> None:
        """«Покупатель в чеке…» for ``receipt`` (default: the selected one), through the service ``receipts buyer``
        uses."""
        receipt = receipt or self.selected()
        if receipt is None or self._actor is None:
            return
        dialog = BuyerDialog(receipt, self)
        if not widgets.run_dialog(dialog):
            return
        name, inn, contact = dialog.values()
        db, actor = self._db, self._actor()
        self._runner.start(
            lambda: set_receipt_buyer(db, actor, receipt.id, contact=contact, buyer_name=name, buyer_inn=inn),
            on_done=self._buyer_saved, on_error=lambda exc: widgets.report_error(self, exc))

    def _buyer_saved(self, receipt) -> None:
        self.buyer_saved.emit(receipt)
        self.reload()

    def _print_all(self) -> None:
        if self.receipts:
            self.print_all_requested.emit(list(self.receipts))
