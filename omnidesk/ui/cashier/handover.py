"""Driver cash handover: per driver and route, money expected at the stops vs money handed in."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from omnidesk.core.errors import InvalidInput
from omnidesk.core.money import format_amount
from omnidesk.services import cashier as data
from omnidesk.services.uow import Database

from ..tasks import TaskRunner
from . import widgets
from .models import HandoverModel, RowsProxy
from .money_dialogs import HandoverDialog


class HandoverPanel(QWidget):
    def __init__(self, db: Database, runner: TaskRunner, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner, self._actor = db, runner, actor
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
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day:")))
        top.addWidget(self.day)
        top.addStretch(1)
        top.addWidget(self.receive_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(note)
        self.day.dateChanged.connect(lambda _d: self.reload())

    def selected_day(self) -> dt.date:
        return self.day.date().toPython()

    def reload(self) -> None:
        day = self.selected_day()
        self._runner.start(lambda: data.handover(self._db, day), on_done=self._show,
                           on_error=lambda exc: widgets.report_error(self, exc))

    def _show(self, rows) -> None:
        self.model.set_rows(rows)
        cash, card = sum(r.handed_cash for r in rows), sum(r.handed_card for r in rows)
        diff = sum(r.difference for r in rows)
        text = self.tr("Cash handed in: {0} · card: {1} · difference: {2}").format(
            format_amount(cash), format_amount(card), format_amount(diff))
        if not rows:
            text = self.tr("No driver money recorded on this day.")
        self.totals.setText(f"<b>{escape(text)}</b>")

    def receive(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.proxy.row_at(rows[0].row()) if rows else None
        if row is None or row.driver_id is None:
            widgets.report_error(self, InvalidInput(self.tr("Select a driver's row first.")))
            return
        dialog = HandoverDialog(row.driver, row.cash, row.card, self)
        if not widgets.run_dialog(dialog):
            return
        cash, card = dialog.amounts()
        day, note, actor = self.selected_day(), dialog.remark.text().strip(), self._actor
        self._runner.start(
            lambda: data.record_handover(self._db, actor, day=day, driver_id=row.driver_id, cash=cash, card=card,
                                         route_id=row.route_id, note=note),
            on_done=self._show, on_error=lambda exc: widgets.report_error(self, exc))
