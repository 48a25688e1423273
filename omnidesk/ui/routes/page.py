"""The Routes page: date, unassigned orders, routes per driver with drag and drop, map, optimise, publish;
find coordinates of orders without them, pin an order to a driver, hand an order over to a carrier."""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from omnidesk.core.changes import Changes
from omnidesk.services import planning
from omnidesk.services.auth import Actor
from omnidesk.services.context import AppContext
from omnidesk.services.geocoding import GeocodeOutcome, GeocodeProgress, geocode_orders
from omnidesk.services.planning.sheets import export_route_sheets

from ..errors import error_text
from ..flow_layout import FlowLayout
from ..tasks import Task, TaskRunner
from .map_view import RouteMap
from .models import STOP_ROLE, RoutesModel, UnassignedModel
from .widgets import LoadBarDelegate, print_route_sheets

REFRESH_DELAY_MS = 500  # changes arriving together reload the day once


class _Relay(QObject):
    """Carries the solver's and the geocoder's progress from the pool thread to the GUI thread."""

    progress = Signal(object)
    geocoded = Signal(object)


class RoutesPage(QWidget):
    loaded = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._db = context.db
        self._runner = runner
        self.draft: planning.DayDraft | None = None
        self._task: Task | None = None
        self._cancel = threading.Event()
        self._tiles_requested: set[tuple[int, int, int]] = set()
        self._relay = _Relay(self)
        self._relay.progress.connect(self._progress)
        self._relay.geocoded.connect(self._geocode_step)
        self.selected_order: str | None = None
        self._stale = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._stale.timeout.connect(self._refresh_if_idle)
        self.unassigned = UnassignedModel(self)
        self.routes = RoutesModel(self)
        self._build()
        for model in (self.unassigned, self.routes):
            model.moveRequested.connect(self.move)

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.reload_button = QPushButton(self.tr("Refresh"))
        self.optimise_button = QPushButton(self.tr("Optimise all"))
        self.optimise_rest_button = QPushButton(self.tr("Optimise unlocked"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.lock_button = QPushButton(self.tr("Lock up to selected stop"))
        self.publish_button = QPushButton(self.tr("Publish"))
        self.excel_button = QPushButton(self.tr("Route sheets (Excel)"))
        self.pdf_button = QPushButton(self.tr("Route sheets (PDF)"))
        self.geocode_button = QPushButton(self.tr("Find coordinates"))
        self.geocode_button.setToolTip(self.tr("Look up the coordinates of the day's orders that have none "
                                               "(the geocoder is set in Settings)"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        self.cancel_button.hide()
        bar = FlowLayout()  # wraps onto a second line on a small screen instead of widening the window
        bar.addWidget(QLabel(self.tr("Date:")))
        for widget in (self.date_edit, self.reload_button, self.geocode_button, self.optimise_button,
                       self.optimise_rest_button, self.cancel_button, self.progress, self.lock_button,
                       self.publish_button, self.excel_button, self.pdf_button):
            bar.addWidget(widget)
        order_bar = self._build_order_bar()

        self.unassigned_view = QTableView()
        self.unassigned_view.setModel(self.unassigned)
        self.routes_view = QTreeView()
        self.routes_view.setModel(self.routes)
        self.routes_view.setItemDelegateForColumn(3, LoadBarDelegate(self.routes_view))
        for view in (self.unassigned_view, self.routes_view):
            view.setDragEnabled(True)
            view.setAcceptDrops(True)
            view.setDropIndicatorShown(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            view.setDefaultDropAction(Qt.DropAction.MoveAction)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.unassigned_view.verticalHeader().setVisible(False)
        self.unassigned_view.horizontalHeader().setStretchLastSection(True)
        self.unassigned_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the address elides
        for column, width in enumerate((68, 96, 86, 38)):  # the address takes the rest: no sideways scrolling at 1366
            self.unassigned_view.setColumnWidth(column, width)
        for column, width in enumerate((230, 110, 95, 190, 300)):
            self.routes_view.setColumnWidth(column, width)
        self.map = RouteMap()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.unassigned_title = QLabel()
        self.unassigned_title.setWordWrap(True)
        left_layout.addWidget(self.unassigned_title)
        left_layout.addWidget(self.unassigned_view)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.routes_view)
        right.addWidget(self.map)
        right.setSizes([420, 380])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([480, 920])
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # a long text wraps; it never widens the window
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(order_bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.verdict)

        self.date_edit.dateChanged.connect(lambda _d: self.reload())
        self.reload_button.clicked.connect(self.reload)
        self.optimise_button.clicked.connect(lambda: self.optimise(keep_locks=False))
        self.optimise_rest_button.clicked.connect(lambda: self.optimise(keep_locks=True))
        self.cancel_button.clicked.connect(self.cancel)
        self.lock_button.clicked.connect(self.lock_selected)
        self.publish_button.clicked.connect(self.publish)
        self.excel_button.clicked.connect(self.export_excel)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.geocode_button.clicked.connect(self.find_coordinates)
        self.pin_button.clicked.connect(self.pin_selected)
        self.carrier_button.clicked.connect(self.set_carrier_selected)
        self.unassigned_view.selectionModel().currentChanged.connect(
            lambda index, _old: self.select_order(index.data(STOP_ROLE)))
        self.routes_view.selectionModel().currentChanged.connect(
            lambda index, _old: self.select_order(index.siblingAtColumn(0).data(STOP_ROLE)
                                                  if index.internalId() != 0 else None))

    def _build_order_bar(self) -> FlowLayout:
        """The selected order: pin it to a driver, hand it over to a carrier with a track number."""
        self.order_label = QLabel()
        self.pin_combo = QComboBox()
        self.pin_combo.setMinimumWidth(200)
        self.pin_button = QPushButton(self.tr("Pin"))
        self.pin_button.setToolTip(self.tr("Only this driver may take the order; it moves onto the driver's route"))
        self.carrier_edit = QLineEdit()
        self.carrier_edit.setPlaceholderText(self.tr("transport company"))
        self.carrier_edit.setMinimumWidth(180)
        self.track_edit = QLineEdit()
        self.track_edit.setMinimumWidth(140)
        self.track_edit.setPlaceholderText(self.tr("track number"))
        self.carrier_button = QPushButton(self.tr("Save carrier"))
        self.carrier_button.setToolTip(self.tr("The stop becomes a hand-over at the carrier's terminal "
                                               "(the order's address); an empty company undoes it"))
        bar = FlowLayout()
        bar.addWidget(self.order_label)
        for widget in (QLabel(self.tr("Driver:")), self.pin_combo, self.pin_button, QLabel(self.tr("Carrier:")),
                       self.carrier_edit, self.track_edit, self.carrier_button):
            bar.addWidget(widget)
        self.select_order(None)
        return bar

    def date(self) -> dt.date:
        return self.date_edit.date().toPython()

    @property
    def actor(self) -> Actor:
        return self._context.actor

    @property
    def travel(self) -> planning.Travel:
        """The context's: routing settings saved on the Settings page apply to the next plan."""
        return self._context.travel

    def _fallback_depot(self) -> tuple[str, float, float]:
        return self._context.depot_point()

    # --- loading and showing -----------------------------------------------------------------
    def reload(self) -> None:
        date, depot = self.date(), self._fallback_depot()
        self.summary.setText(self.tr("Loading routes…"))
        self._start(lambda: planning.load_draft(self._db, date, self.travel, depot), self._loaded)

    def _loaded(self, draft: planning.DayDraft) -> None:
        self.show_draft(draft)
        self.loaded.emit()

    def show_draft(self, draft: planning.DayDraft | None) -> None:
        self.draft = draft
        self.unassigned.set_draft(draft)
        self.routes.set_draft(draft)
        self.routes_view.expandAll()
        self.map.set_draft(draft)
        if not self._context.tiles_url:
            self.map.set_notice(self.tr("No map background: no tile server is set. Set «Map tiles» on the Settings "
                                        "page (routing.tiles_url), e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
        elif draft is not None:
            self._fetch_tiles()
        self._fill_drivers()
        self.select_order(self.selected_order, refill=False)
        self._show_summary()

    # --- what changed elsewhere ----------------------------------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        """Routes, drivers or orders changed (money collected at the door, a new order, another logist's
        move): reload the day, once, and never in the middle of the logist's own work."""
        if "routing.tiles_url" in changes.settings:
            self._tiles_requested.clear()  # the new server's tiles (or the notice that there is none)
        if changes.settings & {"depot.address", "depot.lat", "depot.lon", "routing.tiles_url"} or any(
                changes.touches(kind) for kind in ("routes", "drivers", "orders")):
            self._stale.start()

    def _refresh_if_idle(self) -> None:
        if self._task is not None:
            self._stale.start()  # after the optimisation or save in progress
        else:
            self.reload()

    # --- the selected order: pin, carrier ----------------------------------------------------
    def _fill_drivers(self) -> None:
        current = self.pin_combo.currentData()
        self.pin_combo.blockSignals(True)
        self.pin_combo.clear()
        self.pin_combo.addItem(self.tr("any driver"), None)
        for driver in (self.draft.records.drivers if self.draft is not None else ()):
            self.pin_combo.addItem(f"{driver.name} · {driver.plate}", driver.id)
        self.pin_combo.setCurrentIndex(max(self.pin_combo.findData(current), 0))
        self.pin_combo.blockSignals(False)

    def select_order(self, stop: str | None, *, refill: bool = True) -> None:
        """Show the order of a selected row (a stop or an unassigned order) in the order bar;
        without `refill` (a new plan of the same order) what the logist is typing stays."""
        number = stop.removeprefix("P:") if stop else None
        info = self.draft.orders.get(number) if self.draft is not None and number else None
        self.selected_order = number if info is not None else None
        for widget in (self.pin_combo, self.pin_button, self.carrier_edit, self.track_edit, self.carrier_button):
            widget.setEnabled(info is not None)
        if info is None:
            self.order_label.setText(self.tr("Select an order"))
            self.carrier_edit.clear()
            self.track_edit.clear()
            return
        if not refill:
            return
        self.order_label.setText(self.tr("Order №{0}:").format(info.number))
        pinned = self.draft.records.pins.get(info.number)
        self.pin_combo.setCurrentIndex(max(self.pin_combo.findData(pinned), 0))
        self.carrier_edit.setText(info.carrier or "")
        self.track_edit.setText(info.track_number or "")

    def pin_selected(self) -> None:
        if self.draft is None or self.selected_order is None:
            return
        draft, order, driver = self.draft, self.selected_order, self.pin_combo.currentData()
        self._start(lambda: planning.pin_order(self._db, self.actor, draft, order, driver, self.travel),
                    self._saved)

    def set_carrier_selected(self) -> None:
        if self.draft is None or self.selected_order is None:
            return
        draft, order = self.draft, self.selected_order
        carrier, track = self.carrier_edit.text(), self.track_edit.text()

        def work():
            planning.set_carrier(self._db, self.actor, order, carrier, track)
            return planning.reloaded(self._db, draft, self.travel)

        self._start(work, self._saved)

    def _show_summary(self, note: str = "") -> None:
        draft = self.draft
        if draft is None:
            return
        s = draft.summary()
        self.unassigned_title.setText(self.tr("Not on a route: {0} (only assembled orders can leave)").format(
            s.unassigned))
        text = self.tr("Vans: {0} · {1} km · stops: {2} · not on a route: {3}").format(
            s.vans_used, f"{s.distance_m / 1000:.1f}", s.stops, s.unassigned)
        self.summary.setText(text + (" · " + note if note else ""))
        if draft.verdict:
            self.verdict.setStyleSheet("color:#b3261e")
            self.verdict.setText(self.tr("Validator: {0}").format("; ".join(draft.verdict[:6])))
        else:
            self.verdict.setStyleSheet("color:#2e7d32")
            self.verdict.setText(self.tr("Validator: the plan is valid"))

    # --- background work ---------------------------------------------------------------------
    def _start(self, func, on_done, busy: bool = False) -> None:
        if self._task is not None:
            self._task.cancel()
        self._set_busy(busy)
        self._task = self._runner.start(func, on_done=lambda r: self._finished(on_done, r), on_error=self._failed)

    def _finished(self, on_done, result) -> None:
        self._task = None
        self._set_busy(False)
        on_done(result)

    def _failed(self, exc: Exception) -> None:
        self._task = None
        self._set_busy(False)
        self.summary.setText(self.tr("Error: {0}").format(error_text(exc)))
        self.verdict.setStyleSheet("color:#b3261e")
        self.verdict.setText(error_text(exc))

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(busy)
        for button in (self.optimise_button, self.optimise_rest_button, self.publish_button, self.geocode_button):
            button.setEnabled(not busy)

    # --- actions -----------------------------------------------------------------------------
    def optimise(self, keep_locks: bool = True, time_limit: float = 10.0, max_iterations: int | None = None) -> None:
        if self.draft is None:
            return
        draft, self._cancel = self.draft, threading.Event()
        cancel, relay = self._cancel, self._relay

        def work():
            planned = planning.optimise(draft, time_limit, keep_locks=keep_locks, cancel=cancel,
                                        on_progress=relay.progress.emit, max_iterations=max_iterations)
            return planning.save(self._db, self.actor, planned, self.travel)

        self.summary.setText(self.tr("Optimising…"))
        self._start(work, self.show_draft, busy=True)

    def _progress(self, progress: planning.PlanProgress) -> None:
        if self._task is None:
            return
        self.show_draft(progress.draft)
        state = self.tr("complete") if progress.complete else self.tr("not all orders placed yet")
        self._show_summary(self.tr("searching: {0} s, best {1} km, {2}").format(
            f"{progress.elapsed:.1f}", f"{progress.distance_m / 1000:.1f}", state))

    def cancel(self) -> None:
        self._cancel.set()

    def find_coordinates(self) -> None:
        """Look up the day's orders without coordinates on a worker (progress, cancel), then reload."""
        geocoder = self._context.geocoder()
        if geocoder is None:
            self._show_summary(self.tr("no geocoder: set its address (routing.geocoder_url) in Settings"))
            return
        date, self._cancel = self.date(), threading.Event()
        cancel, relay, depot = self._cancel, self._relay, self._fallback_depot()

        def work():
            outcome = geocode_orders(self._db, self.actor, geocoder, date,
                                     on_progress=relay.geocoded.emit, cancel=cancel)
            return outcome, planning.load_draft(self._db, date, self.travel, depot)

        self.summary.setText(self.tr("Finding coordinates…"))
        self._start(work, self._geocoded, busy=True)

    def _geocode_step(self, step: GeocodeProgress) -> None:
        if self._task is None:
            return
        self.progress.setRange(0, step.total)
        self.progress.setValue(step.done)
        self.summary.setText(self.tr("Finding coordinates: {0} of {1}").format(step.done, step.total))

    def _geocoded(self, result: tuple[GeocodeOutcome, planning.DayDraft]) -> None:
        outcome, draft = result
        self.show_draft(draft)
        note = self.tr("coordinates found: {0}, not found: {1}").format(len(outcome.located),
                                                                          len(outcome.not_found))
        if outcome.not_found:
            note += " (" + ", ".join("№" + number for number in outcome.not_found[:10]) + ")"
        self._show_summary(note + (" · " + self.tr("cancelled") if outcome.cancelled else ""))

    def move(self, stop: str, vehicle: str | None, position: int | None) -> None:
        """Apply a hand move at once (the validator's verdict shows immediately), then save in the background."""
        if self.draft is None:
            return
        try:
            moved = self.draft.moved(stop, vehicle, position)
        except Exception as exc:  # a locked stop, an order that cannot be planned
            self._failed(exc)
            return
        self.show_draft(moved)
        self._start(lambda: planning.save(self._db, self.actor, moved, self.travel), self._saved)

    def _saved(self, draft: planning.DayDraft) -> None:
        self.show_draft(draft)

    def lock_selected(self) -> None:
        index = self.routes_view.currentIndex()
        if self.draft is None or not index.isValid() or index.internalId() == 0:
            return
        vehicle = self.routes.vehicle_at(index.parent().row())
        locked = self.draft.locked(vehicle, index.row() + 1)
        self.show_draft(locked)
        self._start(lambda: planning.save(self._db, self.actor, locked, self.travel), self._saved)

    def publish(self) -> None:
        if self.draft is None:
            return
        draft = self.draft
        self._start(lambda: planning.publish_day(self._db, self.actor, draft, self.travel), self._published)

    def _published(self, result) -> None:
        count, draft = result
        self.show_draft(draft)
        self._show_summary(self.tr("published routes: {0}").format(count))

    def export_excel(self) -> None:
        if self.draft is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Route sheets"), f"routes-{self.date()}.xlsx",
                                              "Excel (*.xlsx)")
        if path:
            draft = self.draft
            self._start(lambda: export_route_sheets(draft, path), lambda _p: self._show_summary(path))

    def export_pdf(self) -> None:
        if self.draft is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Route sheets"), f"routes-{self.date()}.pdf",
                                              "PDF (*.pdf)")
        if path:
            print_route_sheets(self.draft, path)
            self._show_summary(path)

    def _fetch_tiles(self) -> None:
        fetch_tile = self._context.fetch_tile
        for key in self.map.wanted_tiles():
            if key in self._tiles_requested:
                continue
            self._tiles_requested.add(key)
            self._runner.start(lambda k=key: (k, fetch_tile(*k)),
                               on_done=self._tile_arrived, on_error=self._tile_failed)

    def _tile_arrived(self, result) -> None:
        self.map.add_tile(*result)
        if self.map.notice:
            self.map.set_notice("")

    def _tile_failed(self, exc: Exception) -> None:
        self.map.set_notice(self.tr("The map tile server cannot be reached ({0}). Check «Map tiles» on the Settings "
                                    "page (routing.tiles_url) and the network.").format(error_text(exc)))
