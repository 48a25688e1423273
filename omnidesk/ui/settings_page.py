"""The Settings page: database, fiscal register, depot, routing and language, saved to the settings file.

What is saved goes out as ``Changes(settings=…)``: the register and routing apply at once, the
database and the language after a restart (the page says which)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from omnidesk.config import default_db_url
from omnidesk.core.errors import OmniDeskError
from omnidesk.services.context import RESTART_KEYS, AppContext

from .errors import error_text


class SettingsPage(QWidget):
    saved = Signal(object)  # Changes(settings=the keys whose values changed)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        settings, database_description = context.settings, context.database_description
        self._db_url_shown = settings.shown("db.url")  # the password masked; saved only when edited
        self.db_url = QLineEdit(self._db_url_shown)
        self.db_url.setPlaceholderText(default_db_url())
        current = QLabel(self.tr("In use now: {0}").format(database_description))
        current.setStyleSheet("color:#666")
        self.fiscal_protocol = QComboBox()
        self.fiscal_protocol.addItem(self.tr("Shtrih-M"), "shtrih")
        self.fiscal_url = QLineEdit(settings.fiscal().url)
        self.fiscal_url.setPlaceholderText("/dev/ttyACM0, COM3, socket://192.168.137.111:7778, emulator")
        depot = settings.depot()
        self.depot_address = QLineEdit(depot.address)
        self.depot_lat = QLineEdit(str(depot.lat))
        self.depot_lon = QLineEdit(str(depot.lon))
        self.language = QComboBox()
        self.language.addItem("Русский", "ru")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.lang()), 0))

        database = QGroupBox(self.tr("Database"))
        form = QFormLayout(database)
        form.addRow(self.tr("Database URL"), self.db_url)
        form.addRow("", current)
        fiscal = QGroupBox(self.tr("Fiscal register"))
        form = QFormLayout(fiscal)
        form.addRow(self.tr("Protocol"), self.fiscal_protocol)
        form.addRow(self.tr("Port"), self.fiscal_url)
        depot = QGroupBox(self.tr("Warehouse"))
        form = QFormLayout(depot)
        form.addRow(self.tr("Address"), self.depot_address)
        coords = QHBoxLayout()
        coords.addWidget(self.depot_lat)
        coords.addWidget(self.depot_lon)
        form.addRow(self.tr("Latitude, longitude"), coords)
        routing = self._routing_group(settings)
        interface = QGroupBox(self.tr("Interface"))
        form = QFormLayout(interface)
        form.addRow(self.tr("Language"), self.language)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        for group in (database, fiscal, depot, routing, interface):
            layout.addWidget(group)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def _routing_group(self, settings) -> QGroupBox:
        travel = settings.travel()
        self.osrm_url = QLineEdit(travel.osrm_url)
        self.osrm_url.setPlaceholderText(self.tr("empty: straight line × detour factor"))
        self.detour_factor = QLineEdit(str(travel.detour_factor))
        self.speed_kmh = QLineEdit(str(travel.speed_kmh))
        self.geocoder_url = QLineEdit(settings.geocoder_url())
        self.geocoder_url.setPlaceholderText(self.tr("Nominatim-compatible; empty: do not look up addresses"))
        self.tiles_url = QLineEdit(settings.tiles_url())
        self.tiles_url.setPlaceholderText("https://tile.example.org/{z}/{x}/{y}.png")
        group = QGroupBox(self.tr("Routes"))
        form = QFormLayout(group)
        form.addRow(self.tr("OSRM server"), self.osrm_url)
        ratios = QHBoxLayout()
        ratios.addWidget(self.detour_factor)
        ratios.addWidget(QLabel(self.tr("average speed, km/h")))
        ratios.addWidget(self.speed_kmh)
        form.addRow(self.tr("Detour factor"), ratios)
        form.addRow(self.tr("Geocoder"), self.geocoder_url)
        form.addRow(self.tr("Map tiles"), self.tiles_url)
        return group

    def save(self) -> bool:
        values = {
            "routing.osrm_url": self.osrm_url.text().strip(),
            "routing.detour_factor": self.detour_factor.text().strip().replace(",", "."),
            "routing.speed_kmh": self.speed_kmh.text().strip().replace(",", "."),
            "routing.geocoder_url": self.geocoder_url.text().strip(),
            "routing.tiles_url": self.tiles_url.text().strip(),
            "db.url": self.db_url.text().strip(),
            "fiscal.protocol": self.fiscal_protocol.currentData(),
            "fiscal.url": self.fiscal_url.text().strip() or "emulator",
            "depot.address": self.depot_address.text().strip(),
            "depot.lat": self.depot_lat.text().strip().replace(",", "."),
            "depot.lon": self.depot_lon.text().strip().replace(",", "."),
            "ui.lang": self.language.currentData(),
        }
        if values["db.url"] == self._db_url_shown:
            del values["db.url"]  # not edited: the stored URL keeps its password
        try:
            changes = self._context.update_settings(values)
        except (OmniDeskError, OSError) as exc:  # shown on the page; nothing is saved
            self.message.setStyleSheet("color:#b3261e")
            self.message.setText(error_text(exc))
            return False
        self._db_url_shown = self._context.settings.shown("db.url")
        self.db_url.setText(self._db_url_shown)
        self.message.setStyleSheet("color:#1b5e20")
        if changes.settings & RESTART_KEYS:
            self.message.setText(self.tr("Saved. The register and the warehouse are used at once; the database and "
                                         "the language change only after OmniDesk is restarted."))
        else:
            self.message.setText(self.tr("Saved and in use now."))
        if changes:
            self.saved.emit(changes)
        return True
