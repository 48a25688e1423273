"""A date field that takes a date typed whole — «15.10.2026» or «15102026» — as a Russian office types it.

Qt's QDateEdit edits one section at a time: typing «15.10.2026» over the shown date left 01.10.2026.
This field is a line with the mask ДД.ММ.ГГГГ (the dots are typed or skipped) and a calendar button;
a date that does not exist is refused and the last good one comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

FORMAT = "dd.MM.yyyy"


def parse_date(text: str) -> QDate | None:
    date = QDate.fromString(text.strip(), FORMAT)
    return date if date.isValid() else None


class DateEdit(QWidget):
    dateChanged = Signal(QDate)

    def __init__(self, date: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = date or QDate.currentDate()
        self.line = QLineEdit()
        self.line.setInputMask("00.00.0000")
        self.line.setFixedWidth(self.line.fontMetrics().horizontalAdvance("00.00.00000") + 16)
        self.line.setText(self._date.toString(FORMAT))
        self.line.editingFinished.connect(self.interpretText)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(lambda: self.calendar.setSelectedDate(self._date))
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setMenu(menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = menu
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)

    def lineEdit(self) -> QLineEdit:
        return self.line

    def date(self) -> QDate:
        return self._date

    def setDate(self, date: QDate) -> None:
        self.line.setText(date.toString(FORMAT))
        if date != self._date:
            self._date = date
            self.dateChanged.emit(date)

    def text(self) -> str:
        return self.line.text()

    def interpretText(self) -> None:
        """Take what was typed; a date that does not exist gives back the last good one."""
        typed = parse_date(self.line.text())
        if typed is None:
            self.line.setText(self._date.toString(FORMAT))
            return
        self.setDate(typed)

    def _picked(self, date: QDate) -> None:
        self._menu.close()
        self.setDate(date)
