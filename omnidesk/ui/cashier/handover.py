"""Driver cash handover: per driver and route, money expected at the stops vs money handed in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from omnidesk.core.errors import InvalidInput
from omnidesk.core.money import format_amount
from omnidesk.services import cashier as data
from omnidesk.services import door
from omnidesk.services.uow import Database

from ..tasks import TaskRunner
from . import widgets
from .driver_register import DriverRegisterDialog, no_register_reason, reading_html
from .models import HandoverModel, RowsProxy
from .money_dialogs import HandoverDialog


class HandoverPanel(QWidget):
    register_read = Signal(object)  # RegisterReading: a driver's register was read (tests wait for it)

    def __init__(self, db: Database, runner: TaskRunner, actor: Callable[[], Any], parent: QWidget | None = None, *,
                 connect_register: Callable[[str], Any] | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner, self._actor = db, runner, actor  # actor(): who is signed in now
        self._connect_register = connect_register  # url → a connection to a driver's register (AppContext)
        self.registers: dict[int, door.DriverRegister] = {}
        self.drivers: list[door.DriverRegister] = []
        self.model = HandoverModel(self)
        self.proxy = RowsProxy(self.model, self)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd.MM.yyyy")
        self.table = widgets.make_table(self.proxy)
        self.table.setColumnWidth(0, 200)
        self.totals = QLabel()
        note = QLabel(self.tr("Expected: what the route's stops had to pay at the door. Collected: money recorded "
                              "with the delivery outcomes. Handed in: what the cashier counted («Receive money…»)."))
        note.setWordWrap(True)
        note.setStyleSheet("color:#666")
        self.receive_button = QPushButton(self.tr("Receive money…"))
        self.receive_button.setToolTip(self.tr("Count what the selected driver hands in (cash and card slips)"))
        self.receive_button.clicked.connect(self.receive)
        self.read_button = QPushButton(self.tr("Read driver's register"))
        self.read_button.clicked.connect(self.read_register)
        self.setup_button = QPushButton(self.tr("Driver's register…"))
        self.setup_button.setToolTip(self.tr("The port, serial No. and FN No. of a driver's own register"))
        self.setup_button.clicked.connect(self.set_register)
        self.reading = QTextBrowser()
        self.reading.setMaximumHeight(150)
        self.reading.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day:")))
        top.addWidget(self.day)
        top.addStretch(1)
        top.addWidget(self.receive_button)
        registers = QHBoxLayout()
        registers.addWidget(self.read_button)
        registers.addWidget(self.setup_button)
        registers.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addLayout(registers)
        layout.addWidget(self.reading)
        layout.addWidget(note)
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_read())
        self._update_read()

    def selected_day(self) -> dt.date:
        return self.day.date().toPython()

    def reload(self) -> None:
        day = self.selected_day()
        self._runner.start(lambda: (data.handover(self._db, day), door.driver_registers(self._db)),
                           on_done=self._loaded, on_error=lambda exc: widgets.report_error(self, exc))

    def _loaded(self, result) -> None:
        rows, self.drivers = result
        self.registers = {d.driver_id: d for d in self.drivers if d.url}
        self._show(rows)

    def _show(self, rows) -> None:
        keep = self.selected_row()
        self.model.set_rows(rows)
        if keep is not None:
            self.select_driver(keep.driver_id, keep.route_id)
        cash, card = sum(r.handed_cash for r in rows), sum(r.handed_card for r in rows)
        diff = sum(r.difference for r in rows)
        text = self.tr("Cash handed in: {0} · card: {1} · difference: {2}").format(
            format_amount(cash), format_amount(card), format_amount(diff))
        if not rows:
            text = self.tr("No driver money recorded on this day.")
        html = f"<b>{escape(text)}</b>"
        read, unread, missing = (sum(getattr(r, f) for r in rows) for f in ("door_read", "door_unread", "door_missing"))
        if read or unread or missing:
            door_text = self.tr("Door money on drivers' registers: confirmed {0} · not read yet {1} · not printed "
                                "(corrections owed) {2}").format(format_amount(read), format_amount(unread),
                                                                  format_amount(missing))
            html += "<br>" + escape(door_text)
        self.totals.setText(html)
        self.totals.setWordWrap(True)
        self._update_read()

    def selected_row(self):
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.row_at(rows[0].row()) if rows else None

    def select_driver(self, driver_id: int | None, route_id: int | None = None) -> None:
        """Select the driver's row (the first one, or the one of this route)."""
        for r in range(self.proxy.rowCount()):
            row = self.proxy.row_at(r)
            if row.driver_id == driver_id and (route_id is None or row.route_id == route_id):
                self.table.selectRow(r)
                return

    def _update_read(self) -> None:
        row = self.selected_row()
        register = self.registers.get(row.driver_id) if row is not None and row.driver_id is not None else None
        self.read_button.setEnabled(register is not None and self._connect_register is not None)
        if register is not None:
            self.read_button.setToolTip(self.tr("Read the receipts {0} printed at the doors from the register "
                                                "({1}) and match them with the stops").format(row.driver, register.url))
        else:
            self.read_button.setToolTip(no_register_reason(row.driver if row is not None else None))

    def read_register(self) -> None:
        row = self.selected_row()
        if row is None or row.driver_id not in self.registers or self._connect_register is None:
            return
        db, actor, connect, driver_id = self._db, self._actor(), self._connect_register, row.driver_id
        self.read_button.setEnabled(False)
        self.reading.setVisible(True)
        self.reading.setPlainText(self.tr("Reading the register of {0}…").format(row.driver))
        self._runner.start(lambda: door.read_register(db, actor, driver_id, connect), on_done=self._read_done,
                           on_error=self._read_failed)

    def _read_done(self, reading) -> None:
        self.reading.setHtml(reading_html(reading))
        self.reload()  # the door figures; the change channel also tells the other pages
        self.register_read.emit(reading)

    def _read_failed(self, exc: Exception) -> None:
        self.reading.setPlainText(self.tr("The register was not read: {0}").format(exc))
        self._update_read()
        widgets.report_error(self, exc)

    def set_register(self) -> None:
        row = self.selected_row()
        if not self.drivers:
            widgets.report_error(self, InvalidInput(self.tr("There is no driver yet.")))
            return
        dialog = DriverRegisterDialog(self.drivers, row.driver_id if row is not None else None, self)
        if not widgets.run_dialog(dialog):
            return
        driver_id, url, serial, fn_number = dialog.values()
        db, actor = self._db, self._actor()
        self._runner.start(
            lambda: door.set_driver_register(db, actor, driver_id, url=url, serial=serial, fn_number=fn_number),
            on_done=lambda _r: self.reload(), on_error=lambda exc: widgets.report_error(self, exc))

    def receive(self) -> None:
        row = self.selected_row()
        if row is None or row.driver_id is None:
            widgets.report_error(self, InvalidInput(self.tr("Select a driver's row first.")))
            return
        dialog = HandoverDialog(row.driver, row.cash, row.card, self)
        if not widgets.run_dialog(dialog):
            return
        cash, card = dialog.amounts()
        day, note, actor = self.selected_day(), dialog.remark.text().strip(), self._actor()
        self._runner.start(
            lambda: data.record_handover(self._db, actor, day=day, driver_id=row.driver_id, cash=cash, card=card,
                                         route_id=row.route_id, note=note),
            on_done=self._show, on_error=lambda exc: widgets.report_error(self, exc))
