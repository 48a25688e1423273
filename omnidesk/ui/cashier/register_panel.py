"""The register: its state with clear warnings, shift and cash-drawer actions, and the journal.

Every call to the device goes through the :class:`FiscalQueue` (one thread per register); the
journal table is read from the database on the ordinary pool.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from omnidesk.core.enums import ReceiptStatus
from omnidesk.core.errors import OmniDeskError
from omnidesk.core.money import format_amount
from omnidesk.services import cashier as data
from omnidesk.services.fiscal import FiscalJournal, RegisterState
from omnidesk.services.receipts import ReceiptView
from omnidesk.services.uow import Database

from ..errors import error_text
from ..tasks import TaskRunner
from . import widgets
from .fiscal_queue import FiscalQueue
from .models import JournalModel, RowsProxy
from .money_dialogs import CashDialog


@dataclass(frozen=True)
class PrintOutcome:
    printed: tuple[ReceiptView, ...]
    error: Exception | None
    remaining: int


def print_many(journal: FiscalJournal, ids: Sequence[int]) -> PrintOutcome:
    """Print the receipts in order; stop at the first the register refuses (runs on the device thread)."""
    printed = []
    for receipt_id in ids:
        try:
            printed.append(journal.print_receipt(receipt_id))
        except OmniDeskError as exc:
            return PrintOutcome(tuple(printed), exc, len(ids) - len(printed))
    return PrintOutcome(tuple(printed), None, 0)


class RegisterPanel(QWidget):
    state_changed = Signal(str, bool)  # the status bar's text, and whether all is well
    documents_changed = Signal()  # something was printed or failed: reload what shows receipts

    def __init__(self, db: Database, runner: TaskRunner, queue: FiscalQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner, self.queue = db, runner, queue
        self.state: RegisterState | None = None
        self.journal_model = JournalModel(self)
        self.journal_proxy = RowsProxy(self.journal_model, self)
        self._build()
        queue.busy.connect(self._busy)

    # --- layout ---------------------------------------------------------------
    def _build(self) -> None:
        self.status = QLabel(self.tr("Register: connecting…"))
        self.status.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color:#b3261e; font-weight:bold")
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(10)
        self.progress.setTextVisible(False)
        self._busy("")
        box = self._build_register()
        journal_box = self._build_journal()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addWidget(journal_box, 1)

    def _build_register(self) -> QGroupBox:
        self.open_button = QPushButton(self.tr("Open shift"))
        self.x_button = QPushButton(self.tr("X report"))
        self.z_button = QPushButton(self.tr("Z report (close shift)"))
        self.cash_in_button = QPushButton(self.tr("Cash in…"))
        self.cash_out_button = QPushButton(self.tr("Cash out…"))
        self.refresh_button = QPushButton(self.tr("Check the register"))
        self.refresh_button.setToolTip(self.tr("Read the register's state and settle receipts awaiting a check"))
        grid = QGridLayout()
        for i, button in enumerate((self.open_button, self.x_button, self.z_button, self.cash_in_button,
                                    self.cash_out_button, self.refresh_button)):
            grid.addWidget(button, i // 2, i % 2)
        self.open_button.clicked.connect(self.open_shift)
        self.x_button.clicked.connect(self.x_report)
        self.z_button.clicked.connect(self.z_report)
        self.cash_in_button.clicked.connect(lambda: self.cash(True))
        self.cash_out_button.clicked.connect(lambda: self.cash(False))
        self.refresh_button.clicked.connect(self.check)
        box = QGroupBox(self.tr("Fiscal register"))
        inner = QVBoxLayout(box)
        inner.addWidget(self.status)
        inner.addWidget(self.warnings)
        progress = QHBoxLayout()
        progress.addWidget(self.progress_label)
        progress.addWidget(self.progress, 1)
        inner.addLayout(progress)
        inner.addLayout(grid)
        return box

    def _build_journal(self) -> QGroupBox:
        self.journal = widgets.make_table(self.journal_proxy)
        for column, width in enumerate((40, 95, 130, 150, 95, 105)):
            self.journal.setColumnWidth(column, width)
        self.retry_button = QPushButton(self.tr("Print again"))
        self.retry_button.setToolTip(self.tr("Print the selected receipt that the register refused"))
        self.retry_button.clicked.connect(self.retry_selected)
        self.retry_button.setEnabled(False)
        self.journal.selectionModel().selectionChanged.connect(lambda *_: self.retry_button.setEnabled(
            self._selected_failed() is not None))
        self.journal_model.modelReset.connect(lambda: self.retry_button.setEnabled(False))
        journal_box = QGroupBox(self.tr("Journal: printed and failed documents"))
        journal_layout = QVBoxLayout(journal_box)
        self.journal_empty = QLabel(self.tr("Nothing printed on this database yet: printed and failed receipts "
                                            "appear here."))
        self.journal_empty.setWordWrap(True)
        self.journal_empty.setStyleSheet("color:#666")
        journal_layout.addWidget(self.journal_empty)
        journal_layout.addWidget(self.journal, 1)
        journal_layout.addWidget(self.retry_button)
        return journal_box

    def _busy(self, what: str) -> None:
        self.progress_label.setText(what)
        self.progress.setVisible(bool(what))
        self.progress_label.setVisible(bool(what))

    # --- state ----------------------------------------------------------------
    def start(self) -> None:
        """Settle what an earlier run left pending, then show the state."""
        self.check()
        self.reload_journal()

    def check(self) -> None:
        def work(journal: FiscalJournal) -> RegisterState:
            journal.recover()
            return journal.status()

        self.queue.run(self.tr("Checking the register…"), work, on_done=self._show_state, on_error=self._state_failed)

    def refresh(self) -> None:
        self.queue.run(self.tr("Reading the register…"), lambda j: j.status(), on_done=self._show_state,
                       on_error=self._state_failed)

    def reload_journal(self) -> None:
        self._runner.start(lambda: data.fiscal_journal(self._db), on_done=self._journal_loaded,
                           on_error=lambda exc: widgets.report_error(self, exc))

    def _journal_loaded(self, rows) -> None:
        self.journal_model.set_rows(rows)
        self.journal_empty.setVisible(not rows)  # an empty table says why it is empty

    def _show_state(self, state: RegisterState) -> None:
        self.state = state
        shift = (self.tr("shift No. {0} expired (over 24 h)") if state.shift_expired
                 else self.tr("shift No. {0} open") if state.shift_open else self.tr("shift closed (last No. {0})"))
        shift = shift.format(state.shift_number)
        paper = self.tr("paper: yes") if state.paper_present else self.tr("paper: NO")
        rows = [f"<b>{escape(state.description)}</b>", escape(shift), escape(paper),
                escape(self.tr("last document: FD {0}").format(state.last_document_number)),
                escape(self.tr("fiscal storage No. {0}").format(state.fn_number))]
        if state.pending:
            rows.append(escape(self.tr("receipts awaiting a check: {0}").format(state.pending)))
        self.status.setText("<br>".join(rows))
        self.warnings.setText("\n".join(f"⚠ {w}" for w in state.warnings))
        self.open_button.setEnabled(not state.shift_open)
        self.x_button.setEnabled(state.shift_open)
        self.z_button.setEnabled(state.shift_open)
        bar = self.tr("Register: {0} · {1} · FD {2}").format(state.description, shift, state.last_document_number)
        self.state_changed.emit(bar, not state.warnings)

    def _state_failed(self, exc: Exception) -> None:
        self.state = None
        text = error_text(exc)
        self.status.setText(escape(self.tr("The register does not answer.")))
        self.warnings.setText(f"⚠ {text}")
        self.state_changed.emit(self.tr("Register: not connected — {0}").format(text), False)

    # --- documents ------------------------------------------------------------
    def _document(self, what: str, heading: str, details: str, ok_text: str,
                  call: Callable[[FiscalJournal], Any]) -> None:
        if not widgets.confirm(self, what, heading, details, ok_text):
            return
        self.queue.run(what, call, on_done=lambda _r: self._after_document(),
                       on_error=lambda exc: self._failed(exc))

    def _after_document(self) -> None:
        self.refresh()
        self.reload_journal()
        self.documents_changed.emit()

    def _failed(self, exc: Exception) -> None:
        self._after_document()
        widgets.report_error(self, exc)

    def open_shift(self) -> None:
        self._document(self.tr("Open shift"), self.tr("The register will print the shift-opening report."),
                       self.tr("Cashier: {0}").format(self.queue.actor.name), self.tr("Open shift"),
                       lambda j: j.open_shift())

    def x_report(self) -> None:
        self._document(self.tr("X report"), self.tr("The register will print an X report (the shift stays open)."),
                       "", self.tr("Print"), lambda j: j.x_report())

    def z_report(self) -> None:
        number = self.state.shift_number if self.state else "?"
        self._document(self.tr("Z report"), self.tr("The register will close shift No. {0} and print the Z report.")
                       .format(number), self.tr("After the Z report no receipt prints until a new shift is opened."),
                       self.tr("Close shift"), lambda j: j.close_shift())

    def cash(self, cash_in: bool) -> None:
        dialog = CashDialog(cash_in, self)
        if not widgets.run_dialog(dialog):
            return
        amount = dialog.amount.value or 0
        what = self.tr("Cash in") if cash_in else self.tr("Cash out")
        self._document(what, self.tr("The register will print: {0} {1}").format(what, format_amount(amount)), "",
                       self.tr("Print"), (lambda j: j.cash_in(amount)) if cash_in else (lambda j: j.cash_out(amount)))

    # --- receipts -------------------------------------------------------------
    def print_receipts(self, receipts: Sequence[ReceiptView]) -> bool:
        """Confirm what will be printed, then print on the register's thread. False if declined."""
        if not receipts:
            return False
        total = sum(r.plan.total for r in receipts)
        heading = self.tr("The register will print {0} receipt(s) for {1}:").format(len(receipts), format_amount(total))
        details = "\n\n".join(r.explanation for r in receipts)
        title = self.tr("Print receipts") if len(receipts) > 1 else receipts[0].plan.kind.label
        if not widgets.confirm(self, title, heading, details, self.tr("Print")):
            return False
        ids = [r.id for r in receipts]
        self.queue.run(self.tr("Printing {0} receipt(s)…").format(len(ids)), lambda j: print_many(j, ids),
                       on_done=self._printed, on_error=self._failed)
        return True

    def _printed(self, outcome: PrintOutcome) -> None:
        self._after_document()
        if outcome.error is not None:
            widgets.report_error(self, outcome.error)

    def _selected_failed(self) -> ReceiptView | None:
        rows = self.journal.selectionModel().selectedRows()
        receipt = self.journal_proxy.row_at(rows[0].row()) if rows else None
        return receipt if receipt is not None and receipt.status is ReceiptStatus.FAILED else None

    def retry_selected(self) -> None:
        receipt = self._selected_failed()
        if receipt is not None:
            self.print_receipts([receipt])

