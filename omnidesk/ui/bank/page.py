"""The Bank page: import a statement (button or drag and drop) on a worker thread, the lines with their
status, and for a line to review its suggestions, the split editor, "not ours" and undo of an allocation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from omnidesk.core.changes import Changes
from omnidesk.core.enums import BankLineStatus
from omnidesk.core.money import format_amount
from omnidesk.services import banking
from omnidesk.services.context import AppContext
from omnidesk.services.customers import customer_choices, resolve_customer_id

from ..errors import error_text
from ..tasks import Task, TaskRunner
from .model import LINE_ROLE, BankLinesModel, BankLinesProxy
from .split import SplitEditor


def confirm(parent: QWidget | None, title: str, heading: str, details: str, ok_text: str) -> bool:
    """Ask before booking (tests replace this function to answer)."""
    from ..cashier import widgets

    return widgets.confirm(parent, title, heading, details, ok_text)

PROGRESS_DELAY_MS = 500


class BankPage(QWidget):
    imported = Signal(object)  # ImportResult
    refreshed = Signal()
    action_done = Signal(str)

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context, self._db, self._runner = context, context.db, runner
        self._import_task: Task | None = None
        self.model = BankLinesModel(self)
        self.proxy = BankLinesProxy(self)
        self.proxy.setSourceModel(self.model)
        self.setAcceptDrops(True)
        self._build()

    @property
    def _actor(self):
        return self._context.actor  # the signed-in person now («Сменить пользователя» replaces it)

    def _build(self) -> None:
        self.import_button = QPushButton(self.tr("Import statement…"))
        self.import_button.setToolTip(self.tr("1CClientBankExchange file; you can also drop it on this page"))
        self.review_only = QCheckBox(self.tr("Only lines to review"))
        self.summary = QLabel(self.tr("Drop a bank statement here or press Import."))
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        top = QHBoxLayout()
        for w in (self.import_button, self.review_only):
            top.addWidget(w)
        top.addWidget(self.summary, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self._detail())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        self.import_button.clicked.connect(self._choose_file)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.review_only.toggled.connect(self.proxy.set_review_only)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.suggestions.itemDoubleClicked.connect(lambda _i: self._use_suggestion())
        self.use_button.clicked.connect(self._use_suggestion)
        self.split.book.connect(self._book)
        self.not_ours_button.clicked.connect(self._not_ours)
        self.new_customer_button.clicked.connect(self._new_customer)
        self.undo_button.clicked.connect(self._undo)

    def _detail(self) -> QWidget:
        panel = QWidget()
        self.purpose = QLabel()
        self.purpose.setWordWrap(True)
        self.purpose.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.suggestions = QListWidget()
        self.suggestions.setWordWrap(True)
        self.use_button = QPushButton(self.tr("Use suggestion"))
        self.split = SplitEditor()
        self.not_ours_button = QPushButton(self.tr("Not ours"))
        self.new_customer_button = QPushButton(self.tr("New customer from the payer"))
        self.new_customer_button.setToolTip(self.tr("Create a customer with the payer's name, INN, KPP and account, "
                                                    "then book the payment to them"))
        self.allocations = QListWidget()
        self.undo_button = QPushButton(self.tr("Undo allocation"))
        self.undo_button.setToolTip(self.tr("A reversing entry: the money goes back to the customer's advance"))
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.purpose)
        layout.addWidget(QLabel(self.tr("Suggestions")))
        layout.addWidget(self.suggestions, 1)
        row = QHBoxLayout()
        row.addWidget(self.use_button)
        row.addWidget(self.new_customer_button)
        row.addStretch(1)
        row.addWidget(self.not_ours_button)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Split across orders and advance")))
        layout.addWidget(self.split, 1)
        layout.addWidget(QLabel(self.tr("Allocations of this payment")))
        layout.addWidget(self.allocations, 1)
        layout.addWidget(self.undo_button)
        self._show_line(None)
        return panel

    # --- loading ------------------------------------------------------------
    def reload(self) -> None:
        """Every recent statement's lines and every line to review (not only the last file's)."""
        self._runner.start(lambda: banking.recent_lines(self._db), on_done=self._loaded, on_error=self._failed)
        self._runner.start(lambda: customer_choices(self._db), on_done=self.split.set_customers, on_error=self._failed)

    def _loaded(self, lines) -> None:
        self._show_lines(lines)
        self.refreshed.emit()

    def _show_lines(self, lines) -> None:
        """Replace the list, keeping the line the right panel shows selected and shown as it is now."""
        shown = self.current_line()
        self.model.set_lines(lines)
        self.table.resizeColumnsToContents()
        row = next((r for r in range(self.proxy.rowCount())
                    if shown is not None and self.proxy.index(r, 0).data(LINE_ROLE).id == shown.id), None)
        if row is None:
            self._show_line(None)
        else:
            self.table.selectRow(row)
            self._show_line(self.current_line())

    def apply_changes(self, changes: Changes) -> None:
        """Bank lines, payments or customers changed (here, on another workstation, by sync): list them anew."""
        if changes.touches("bank_lines") or changes.touches("payments") or changes.touches("customers"):
            self.reload()

    # --- import -------------------------------------------------------------
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Bank statement"), "",
                                              self.tr("Bank statements (*.txt);;All files (*)"))
        if path:
            self.import_file(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.import_file(files[0])

    def import_file(self, path: str) -> Task:
        if self._import_task is not None:
            self._import_task.cancel()
        name = Path(path).name

        def work():
            data = Path(path).read_bytes()
            yield from banking.import_steps(self._db, self._actor, data, name)

        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Importing {0}…").format(name))
        self.progress.setRange(0, 0)
        task = self._runner.start(work, on_step=self._step, on_done=lambda _r: self._import_finished(),
                                  on_error=self._import_failed)
        self._import_task = task
        QTimer.singleShot(PROGRESS_DELAY_MS, lambda t=task: self._show_progress(t))
        return task

    def _show_progress(self, task: Task) -> None:
        if task is self._import_task:
            self.progress.setVisible(True)
            self.cancel_button.setVisible(True)

    def cancel_import(self) -> None:
        if self._import_task is not None:
            self._import_task.cancel()
            self._import_finished()
            self.summary.setText(self.tr("Import cancelled."))

    def _step(self, step) -> None:
        if isinstance(step, banking.ImportResult):
            self._show_result(step)
        elif step.total:
            self.progress.setRange(0, step.total)
            self.progress.setValue(step.done)

    def _show_result(self, result: banking.ImportResult) -> None:
        self.summary.setText(self.tr("{0}: {1} new, {2} duplicates, {3} outgoing skipped; {4} to review").format(
            result.file_name, result.imported, result.duplicates, result.outgoing_skipped,
            sum(1 for line in result.lines if line.status is BankLineStatus.REVIEW)))
        known = {line.id for line in self.model.rows()}  # the file's new lines join the list at once
        self._show_lines([line for line in result.lines if line.id is not None and line.id not in known]
                         + list(self.model.rows()))
        self.imported.emit(result)

    def _import_finished(self) -> None:
        self._import_task = None
        self.import_button.setEnabled(True)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def _import_failed(self, exc: Exception) -> None:
        self._import_finished()
        self.summary.setText(self.tr("Nothing imported: {0}").format(error_text(exc)))
        self.imported.emit(None)

    # --- one line -----------------------------------------------------------
    def current_line(self) -> banking.LineView | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(LINE_ROLE) if rows else None

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_line(self.current_line())

    def _show_line(self, line: banking.LineView | None) -> None:
        self.purpose.setText(line.purpose if line else "")
        self.suggestions.clear()
        for s in line.suggestions if line else ():
            parts = [f"№{a.order_number}: {format_amount(a.amount)}" for a in s.allocations]
            if s.advance:
                parts.append(self.tr("advance") + f": {format_amount(s.advance)}")
            item = QListWidgetItem(f"{s.customer_name or '?'} — {'; '.join(parts)}\n{s.explanation}")
            item.setData(Qt.ItemDataRole.UserRole, s)
            self.suggestions.addItem(item)
        review = line is not None and line.status is BankLineStatus.REVIEW
        self.use_button.setEnabled(review and self.suggestions.count() > 0)
        self.not_ours_button.setEnabled(review)
        self.split.set_line(line)
        self.allocations.clear()
        self.undo_button.setEnabled(False)
        if line is not None and line.payment_id and line.id is not None:
            self._runner.start(lambda i=line.id: banking.line_allocations(self._db, i), on_done=self._show_allocations,
                               on_error=self._failed)

    def _show_allocations(self, allocations) -> None:
        self.allocations.clear()
        for a in allocations:
            text = f"№{a.order_number}: {format_amount(a.amount)}"
            if a.reversed:
                text += " " + self.tr("(undone {0})").format(format_amount(a.reversed))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, a)
            self.allocations.addItem(item)
        self.undo_button.setEnabled(any(a.live > 0 for a in allocations))
        if self.allocations.count():
            self.allocations.setCurrentRow(0)

    def _use_suggestion(self) -> None:
        item = self.suggestions.currentItem() or self.suggestions.item(0)
        if item is not None:
            self.split.apply(item.data(Qt.ItemDataRole.UserRole))

    def _act(self, func, done_text: str) -> None:
        def done(_result) -> None:
            self.message.setText(done_text)
            self.action_done.emit(done_text)
            self.reload()

        self._runner.start(func, on_done=done, on_error=self._failed)

    def _new_customer(self) -> None:
        line = self.current_line()
        if line is None or line.id is None:
            return
        line_id = line.id

        def made(customer_id: int) -> None:
            self.split.customer.setText(str(customer_id))
            self.message.setText(self.tr("Customer «{0}» created (id {1}); check the split and book.").format(
                line.payer_name, customer_id))
            self._runner.start(lambda: customer_choices(self._db), on_done=self.split.set_customers)

        self._runner.start(lambda: banking.customer_from_payer(self._db, self._actor, line_id), on_done=made,
                           on_error=self._failed)

    def _book(self, customer: str, allocations: list) -> None:
        line = self.current_line()
        if line is not None and line.id is not None:
            orders = ", ".join(f"№{a.order_number}" for a in allocations) or self.tr("none (all to the advance)")
            heading = self.tr("Book payment No. {0} for {1}?").format(line.number, format_amount(line.amount))
            details = self.tr("Payer: {0}\nCustomer: {1}\nOrders: {2}").format(line.payer_name, customer, orders)
            if not confirm(self, self.tr("Book a payment"), heading, details, self.tr("Book")):
                return
            def book():
                customer_id = resolve_customer_id(self._db, customer)  # the typed text resolved at the edge
                return banking.book_line(self._db, self._actor, line.id, customer_id=customer_id, allocations=allocations)

            self._act(book,
                      self.tr("Payment No. {0} booked.").format(line.number))

    def _not_ours(self) -> None:
        line = self.current_line()
        if line is not None and line.id is not None:
            self._act(lambda: banking.mark_not_ours(self._db, self._actor, line.id),
                      self.tr("Payment No. {0} marked as not ours.").format(line.number))

    def _undo(self) -> None:
        item = self.allocations.currentItem()
        if item is not None:
            allocation = item.data(Qt.ItemDataRole.UserRole)
            self._act(lambda: banking.undo_allocation(self._db, self._actor, allocation.id),
                      self.tr("Allocation to order No. {0} undone.").format(allocation.order_number))

    def _failed(self, exc: Exception) -> None:
        self.message.setText(error_text(exc))
        self.action_done.emit(error_text(exc))
