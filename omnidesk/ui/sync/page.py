"""The Sync page: the CRM's and 1C's connection state and last pull, the outbox (waiting, parked, sent) with
"retry" and "sync now", conflicts to resolve, 1C's catalogs for payments; a background pass every N minutes.

Every pass and every read runs on the task runner: the GUI thread never waits for the network.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from omnidesk.core.changes import Changes
from omnidesk.services.context import AppContext
from omnidesk.services.sync.engine import SyncReport
from omnidesk.services.sync.send import retry_parked
from omnidesk.services.sync.status import ONEC_CHOICES, SyncStatus, onec_choices, resolve_conflict, sync_status

from ..errors import error_text
from ..tasks import TaskRunner
from .models import ConflictsModel, OutboxModel

SYNC_KEYS = frozenset({"crm.url", "crm.api_key", "crm.site", "crm.rate", "onec.url", "onec.user", "onec.password",
                       "sync.payment_master", "sync.interval_min", "sync.status_map",
                       *(f"onec.{name}" for name in ONEC_CHOICES)})


class SyncPage(QWidget):
    status_text = Signal(str, bool)  # the status bar's sync field: text, everything fine
    pass_finished = Signal(object)  # SyncReport or the error
    settings_saved = Signal(object)  # Changes(settings=…) of the 1C catalogs chosen here

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context, self._runner = context, runner
        self._syncing = False
        self._last_report: SyncReport | None = None
        self.crm_state, self.onec_state, self.master = QLabel(), QLabel(), QLabel()
        for label in (self.crm_state, self.onec_state):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.retry_button = QPushButton(self.tr("Retry parked"))
        self.resolve_button = QPushButton(self.tr("Conflict resolved"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.outbox = OutboxModel(self)
        self.conflicts = ConflictsModel(self)
        self.outbox_view = self._table(self.outbox, stretch=8)
        self.conflicts_view = self._table(self.conflicts, stretch=2)
        self.choices: dict[str, QComboBox] = {name: QComboBox() for name in ONEC_CHOICES}
        self.load_choices_button = QPushButton(self.tr("Load from 1C"))
        self.save_choices_button = QPushButton(self.tr("Save choice"))
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self._build()
        self.sync_button.clicked.connect(self.sync_now)
        self.retry_button.clicked.connect(self.retry)
        self.resolve_button.clicked.connect(self.resolve)
        self.load_choices_button.clicked.connect(self.load_choices)
        self.save_choices_button.clicked.connect(self.save_choices)

    def _table(self, model, stretch: int) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return view

    def _build(self) -> None:
        systems = QGroupBox(self.tr("Connections"))
        form = QFormLayout(systems)
        form.addRow(self.tr("RetailCRM:"), self.crm_state)
        form.addRow(self.tr("1C:"), self.onec_state)
        form.addRow(self.tr("Payments go to:"), self.master)
        catalogs = QGroupBox(self.tr("1C catalogs for payments"))
        grid = QFormLayout(catalogs)
        labels = {"organization": self.tr("Organization:"), "bank_account": self.tr("Bank account:"),
                  "cash_desk": self.tr("Cash desk:"), "cashflow_item": self.tr("Cash flow item:")}
        for name in ONEC_CHOICES:
            self.choices[name].setMinimumWidth(220)
            grid.addRow(labels[name], self.choices[name])
        row = QHBoxLayout()
        row.addWidget(self.load_choices_button)
        row.addWidget(self.save_choices_button)
        grid.addRow(row)
        top = QHBoxLayout()
        top.addWidget(systems, 3)
        top.addWidget(catalogs, 2)
        buttons = QHBoxLayout()
        for button in (self.sync_button, self.retry_button, self.resolve_button):
            buttons.addWidget(button)
        buttons.addWidget(self.message, 1)
        outbox = QWidget()
        box = QVBoxLayout(outbox)
        box.setContentsMargins(0, 0, 0, 0)
        self.outbox_title = QLabel(self.tr("Outbox"))
        box.addWidget(self.outbox_title)
        box.addWidget(self.outbox_view)
        conflicts = QWidget()
        box = QVBoxLayout(conflicts)
        box.setContentsMargins(0, 0, 0, 0)
        self.conflicts_title = QLabel(self.tr("Conflicts to resolve"))
        box.addWidget(self.conflicts_title)
        box.addWidget(self.conflicts_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(outbox)
        split.addWidget(conflicts)
        split.setSizes([400, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)

    # --- life -------------------------------------------------------------------------------------
    def start(self) -> None:
        """Show the state, and begin the background passes (every ``sync.interval_min`` minutes)."""
        self._restart_timer()
        self.reload()

    def _configured(self) -> bool:
        settings = self._context.settings.sync()
        return bool((settings.crm_url and settings.crm_api_key) or settings.onec_url)

    def _restart_timer(self) -> None:
        self.timer.stop()
        if self._configured():
            self.timer.start(self._context.settings.sync().interval_min * 60_000)

    def apply_changes(self, changes: Changes) -> None:
        if changes.settings & SYNC_KEYS:
            self._restart_timer()
        if changes:
            self.reload()

    def reload(self) -> None:
        db, settings = self._context.db, self._context.settings.sync()
        self._runner.start(lambda: sync_status(db, settings), on_done=self._show_status, on_error=self._failed)

    # --- showing ----------------------------------------------------------------------------------
    def _show_status(self, status: SyncStatus) -> None:
        self.outbox.set_rows(status.messages)
        self.conflicts.set_rows(status.open_conflicts)
        configured = status.crm_configured or status.onec_configured
        self.outbox_title.setText(
            self.tr("Outbox") if status.messages else
            self.tr("Outbox: empty — everything has been sent") if configured else
            self.tr("Outbox: empty — neither RetailCRM nor 1C is set up, nothing is sent"))
        self.conflicts_title.setText(
            self.tr("Conflicts to resolve: {0}").format(len(status.open_conflicts)) if status.open_conflicts else
            self.tr("Conflicts to resolve: none — the CRM's and OmniDesk's changes agree"))
        master = {"onec": self.tr("1C"), "crm": self.tr("RetailCRM"), "none": self.tr("nowhere")}
        self.master.setText(master.get(status.payment_master, status.payment_master))
        report = self._last_report
        self.crm_state.setText(self._system_text(status.crm_configured, status.crm_last_pull,
                                                 report.crm if report else None))
        self.onec_state.setText(self._system_text(status.onec_configured, status.onec_last_pull,
                                                  report.onec if report else None))
        self.retry_button.setEnabled(status.parked > 0)
        self.resolve_button.setEnabled(status.conflicts > 0)
        self._emit_status(status)

    def _system_text(self, configured: bool, last: str, state) -> str:
        if not configured:
            return self.tr("not configured")
        if state is not None and state.state == "down":
            return self.tr("not available: {0}").format(state.error)
        if last:
            return self.tr("connected; last successful exchange {0}").format(last)
        return self.tr("configured, no exchange yet")

    def _emit_status(self, status: SyncStatus) -> None:
        if not (status.crm_configured or status.onec_configured):
            self.status_text.emit(self.tr("Sync: not configured"), True)
            return
        report = self._last_report
        down = [name for name, state in (("CRM", report.crm), ("1C", report.onec))
                if state.state == "down"] if report else []
        parts = []
        if self._syncing:
            parts.append(self.tr("running"))
        elif down:
            parts.append(self.tr("{0} not available").format(", ".join(down)))
        elif report is not None:
            parts.append(self.tr("OK at {0}").format(dt.datetime.now().strftime("%H:%M")))
        parts.append(self.tr("waiting {0}").format(status.pending))
        if status.parked:
            parts.append(self.tr("parked {0}").format(status.parked))
        if status.conflicts:
            parts.append(self.tr("conflicts {0}").format(status.conflicts))
        ok = not down and not status.parked and not status.conflicts
        self.status_text.emit(self.tr("Sync: {0}").format(", ".join(parts)), ok)

    # --- actions ----------------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self._syncing or not self._configured():
            if not self._configured():
                self.message.setText(self.tr("Set the CRM and/or 1C address in the settings first."))
            return
        self._syncing = True
        self.sync_button.setEnabled(False)
        self.message.setText(self.tr("Synchronising…"))
        engine = self._context.sync_engine()
        self._runner.start(engine.run, on_done=self._synced, on_error=self._sync_failed)

    def _synced(self, report: SyncReport) -> None:
        self._syncing = False
        self._last_report = report
        self.sync_button.setEnabled(True)
        self.message.setText(self.tr("Orders new {0}, changed {1}; sent {2}; conflicts new {3}").format(
            report.orders_created, report.orders_updated, report.sent, report.conflicts_new))
        self.pass_finished.emit(report)
        self.reload()

    def _sync_failed(self, exc: Exception) -> None:
        self._syncing = False
        self.sync_button.setEnabled(True)
        self.message.setText(error_text(exc))
        self.pass_finished.emit(exc)
        self.reload()

    def retry(self) -> None:
        db = self._context.db
        self._runner.start(lambda: retry_parked(db), on_done=lambda n: self._after(
            self.tr("Back in the queue: {0}").format(n)), on_error=self._failed)

    def resolve(self) -> None:
        rows = self.conflicts_view.selectionModel().selectedRows()
        if not rows:
            self.message.setText(self.tr("Select a conflict first."))
            return
        conflict = self.conflicts.row(rows[0].row())
        db, actor = self._context.db, self._context.actor
        self._runner.start(lambda: resolve_conflict(db, actor, conflict.id),
                           on_done=lambda _r: self._after(self.tr("Conflict closed.")), on_error=self._failed)

    def _after(self, text: str) -> None:
        self.message.setText(text)
        self.reload()

    def _failed(self, exc: Exception) -> None:
        self.message.setText(error_text(exc))

    def load_choices(self) -> None:
        settings = self._context.settings.sync()
        self.message.setText(self.tr("Reading 1C catalogs…"))
        self._runner.start(lambda: onec_choices(settings), on_done=self._show_choices, on_error=self._failed)

    def _show_choices(self, choices: dict[str, list[tuple[str, str]]]) -> None:
        refs = self._context.settings.sync().onec_refs
        for name, combo in self.choices.items():
            combo.clear()
            for key, title in choices.get(name, []):
                combo.addItem(title, key)
            current = refs.get(name) or ""
            found = max(combo.findData(current), combo.findText(current))
            combo.setCurrentIndex(found if found >= 0 else 0 if combo.count() == 1 else -1)
        self.message.setText(self.tr("Choose and save; with exactly one entry in 1C it is used by itself."))

    def save_choices(self) -> None:
        values = {f"onec.{name}": combo.currentData() for name, combo in self.choices.items()
                  if combo.currentData()}
        if not values:
            self.message.setText(self.tr("Load the catalogs from 1C first."))
            return
        try:
            changes = self._context.update_settings(values)
        except Exception as exc:
            self.message.setText(error_text(exc))
            return
        self.message.setText(self.tr("Saved."))
        self.settings_saved.emit(changes)
