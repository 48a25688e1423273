"""A driver's own register on the handover tab: set it on the driver's card, and what a reading found."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from omnidesk.core.money import format_amount
from omnidesk.services.door import DriverRegister, RegisterReading

from .money_dialogs import _FormDialog


class DriverRegisterDialog(_FormDialog):
    """«Касса водителя»: the port of the driver's register, its serial and FN number; an empty port — none."""

    def __init__(self, drivers: list[DriverRegister], driver_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Driver's register"), self.tr("Save"), parent)
        self.drivers = {d.driver_id: d for d in drivers}
        self.note.setText(self.tr("Money taken at the door is fiscalised on the driver's own register. Port: "
                                  "/dev/ttyACM0, COM3 or socket://host:port; leave it empty if the driver has none."))
        self.driver = QComboBox()
        for d in drivers:
            self.driver.addItem(d.name, d.driver_id)
        self.url = QLineEdit()
        self.url.setPlaceholderText("socket://192.168.1.50:7778")
        self.serial = QLineEdit()
        self.fn_number = QLineEdit()
        self.fn_number.setMaxLength(16)
        self.form.addRow(self.tr("&Driver:"), self.driver)
        self.form.addRow(self.tr("&Port:"), self.url)
        self.form.addRow(self.tr("&Serial No.:"), self.serial)
        self.form.addRow(self.tr("&FN No.:"), self.fn_number)
        self.driver.currentIndexChanged.connect(lambda _i: self._fill())
        if driver_id in self.drivers:
            self.driver.setCurrentIndex(self.driver.findData(driver_id))
        self._fill()

    def _fill(self) -> None:
        d = self.drivers.get(self.driver.currentData())
        self.url.setText(d.url or "" if d else "")
        self.serial.setText(d.serial or "" if d else "")
        self.fn_number.setText(d.fn_number or "" if d else "")
        self.error.clear()

    def values(self) -> tuple[int, str | None, str | None, str | None]:
        """(driver id, port, serial, FN number); empty fields are None."""
        return (self.driver.currentData(), self.url.text().strip() or None, self.serial.text().strip() or None,
                self.fn_number.text().strip() or None)

    def accept(self) -> None:
        _driver, url, _serial, fn_number = self.values()
        if self.driver.currentData() is None:
            return self.error.setText(self.tr("No driver to set a register for."))
        if fn_number and not fn_number.isdigit():
            return self.error.setText(self.tr("The FN number is digits only (16 digits on the FN's label)."))
        if (self.serial.text().strip() or fn_number) and not url:
            return self.error.setText(self.tr("Give the register's port, or clear the serial and FN number."))
        super().accept()


KINDS = {  # Discrepancy.kind → what the cashier reads
    "missing": QT_TRANSLATE_NOOP("DriverRegister", "Not printed at the door"),
    "wrong_amount": QT_TRANSLATE_NOOP("DriverRegister", "Printed for another amount"),
    "unexplained": QT_TRANSLATE_NOOP("DriverRegister", "A document no stop explains"),
}


def reading_html(reading: RegisterReading) -> str:
    """What a reading of the driver's register found, for the handover tab (rich text)."""
    total = format_amount(reading.matched_total)
    head = QCoreApplication.translate("DriverRegister", "Register of {0}: serial No. {1}, FN {2}, documents {3}…{4}").format(
        reading.driver, reading.serial, reading.fn_number, reading.read_from + 1, reading.read_to)
    parts = [f"<b>{escape(head)}</b>",
             escape(QCoreApplication.translate("DriverRegister", "Matched with the stops: {0} receipt(s) for {1}").format(len(reading.matched), total))]
    if not reading.discrepancies:
        parts.append(escape(QCoreApplication.translate("DriverRegister", "No discrepancies: nothing is owed at the office for this driver.")))
    for d in reading.discrepancies:
        owed = (QCoreApplication.translate("DriverRegister", "correction receipt(s) now owed: {0}").format(", ".join(f"№{i}" for i in d.corrections))
                if d.corrections else QCoreApplication.translate("DriverRegister", "no receipt is made automatically: {0}").format(d.proposal))
        kind = QCoreApplication.translate("DriverRegister", KINDS.get(d.kind, d.kind))
        parts.append(f"<span style='color:#b00020'>⚠ <b>{escape(kind)}</b></span>: "
                     f"{escape(d.why)} — <i>{escape(owed)}</i>")
    return "<br>".join(parts)


def no_register_reason(name: str | None) -> str:
    if not name:
        return QCoreApplication.translate("DriverRegister", "Select a driver's row first.")
    return QCoreApplication.translate("DriverRegister", "{0} has no register of their own on the driver's card — set it with «Driver's register…»").format(name)

