"""The Settings page: every option of ``omnidesk config list``, grouped, each with its meaning (tooltip and
hint), checked all together on saving (nothing is saved when one is wrong).

What is saved goes out as ``Changes(settings=…)``: the register and routing apply at once, the
database and the language after a restart (the page says which)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from omnidesk.config import OPTIONS, default_db_url
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
        self.demo_enabled = QCheckBox(self.tr("demonstration data"))
        self.demo_enabled.setChecked(bool(settings.get("demo.enabled")))
        self.company_name = QLineEdit(settings.get("company.name"))
        self.company_inn = QLineEdit(settings.get("company.inn"))
        self.company_kpp = QLineEdit(settings.get("company.kpp"))
        self.user_name = QLineEdit(settings.user_name())
        self.user_name.setPlaceholderText(self.tr("e.g. Иванова Анна Сергеевна"))
        self.max_payment = QLineEdit(str(settings.get("cashier.max_payment")))

        database = QGroupBox(self.tr("Database"))
        form = QFormLayout(database)
        form.addRow(self.tr("Database URL"), self.db_url)
        form.addRow("", current)
        fiscal = QGroupBox(self.tr("Fiscal register"))
        form = fiscal_form = QFormLayout(fiscal)
        form.addRow(self.tr("Protocol"), self.fiscal_protocol)
        form.addRow(self.tr("Port"), self.fiscal_url)
        if context.is_demo:
            demo_note = QLabel(self.tr("This is the DEMO database: its receipts print only on the built-in "
                                       "emulator, whatever port is set here."))
            demo_note.setWordWrap(True)
            demo_note.setStyleSheet("color:#7a4b00")
            form.addRow("", demo_note)
        depot = QGroupBox(self.tr("Warehouse"))
        form = QFormLayout(depot)
        form.addRow(self.tr("Address"), self.depot_address)
        coords = QHBoxLayout()
        coords.addWidget(self.depot_lat)
        coords.addWidget(self.depot_lon)
        form.addRow(self.tr("Latitude, longitude"), coords)
        routing = self._routing_group(settings)
        company = QGroupBox(self.tr("Our company (for reconciliation acts)"))
        form = QFormLayout(company)
        form.addRow(self.tr("Name"), self.company_name)
        ids = QHBoxLayout()
        ids.addWidget(QLabel(self.tr("INN")))
        ids.addWidget(self.company_inn)
        ids.addWidget(QLabel(self.tr("KPP")))
        ids.addWidget(self.company_kpp)
        form.addRow(self.tr("Requisites"), ids)
        person = QGroupBox(self.tr("Who works here"))
        form = person_form = QFormLayout(person)
        form.addRow(self.tr("Cashier's full name"), self.user_name)
        form.addRow(self.tr("Largest payment, ₽"), self.max_payment)
        interface = QGroupBox(self.tr("Interface"))
        form = QFormLayout(interface)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Demo"), self.demo_enabled)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.message, 1)
        self.fields: dict[str, QWidget] = {
            "db.url": self.db_url, "ui.lang": self.language, "fiscal.protocol": self.fiscal_protocol,
            "fiscal.url": self.fiscal_url, "company.name": self.company_name, "company.inn": self.company_inn,
            "company.kpp": self.company_kpp, "depot.address": self.depot_address, "depot.lat": self.depot_lat,
            "depot.lon": self.depot_lon, "routing.osrm_url": self.osrm_url, "routing.detour_factor": self.detour_factor,
            "routing.speed_kmh": self.speed_kmh, "routing.geocoder_url": self.geocoder_url,
            "routing.tiles_url": self.tiles_url, "user.name": self.user_name,
            "cashier.max_payment": self.max_payment, "demo.enabled": self.demo_enabled,
        }
        sync = self._other_group(settings, {"user.": person_form, "auth.": person_form, "fiscal.": fiscal_form})
        for key, field in self.fields.items():  # the meaning of each, as `omnidesk config list` says it
            field.setToolTip(f"{OPTIONS[key].help}\n({key})")
        inner = QWidget()
        columns = QHBoxLayout(inner)  # two columns: the page fits a 1366×768 screen
        left, right = QVBoxLayout(), QVBoxLayout()
        for group in (person, fiscal, company, database):
            left.addWidget(group)
        for group in (depot, routing, sync, interface):
            right.addWidget(group)
        left.addStretch(1)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def _other_group(self, settings, forms: dict[str, QFormLayout]) -> QGroupBox:
        """Every other option, each labelled by its own meaning: the cashier's and the register's in their
        groups (by key prefix in ``forms``), the rest (synchronisation with 1C and the CRM) in a group of its own."""
        group = QGroupBox(self.tr("Synchronisation (1C, CRM)"))
        sync_form = QFormLayout(group)
        self.other_fields: dict[str, QWidget] = {}
        choices = {  # options with a few values: a list of their names, not a code to type
            "fiscal.tax_system": (("osn", self.tr("General (OSN)")), ("usn_income", self.tr("Simplified, income")),
                                  ("usn_income_expense", self.tr("Simplified, income minus expenses")),
                                  ("psn", self.tr("Patent (PSN)"))),  # tag 1055
            "sync.payment_master": (("onec", self.tr("1C")), ("crm", self.tr("RetailCRM")), ("none", self.tr("nowhere"))),
        }
        for key, option in OPTIONS.items():
            if key in self.fields:
                continue
            value = settings.get(key)
            field: QWidget
            if isinstance(option.default, bool):
                field = QCheckBox()
                field.setChecked(bool(value))
            elif key in choices:
                field = QComboBox()
                for code, title in choices[key]:
                    field.addItem(title, code)
                field.setCurrentIndex(max(field.findData(value), 0))
            else:
                field = QLineEdit("" if value is None else str(value))
                if option.secret:
                    field.setEchoMode(QLineEdit.EchoMode.Password)
            title = option.help.split(" (")[0].split(", например")[0].split(": ")[0]
            form = next((f for prefix, f in forms.items() if key.startswith(prefix)), sync_form)
            form.addRow(title[:1].upper() + title[1:40], field)
            self.other_fields[key] = field
            self.fields[key] = field
        return group

    @staticmethod
    def _other_value(field: QWidget) -> str:
        if isinstance(field, QCheckBox):
            return "true" if field.isChecked() else "false"
        if isinstance(field, QComboBox):
            return field.currentData()
        assert isinstance(field, QLineEdit)
        return field.text().strip()

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
        form.addRow(self.tr("Detour factor"), self.detour_factor)
        form.addRow(self.tr("average speed, km/h"), self.speed_kmh)
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
            "company.name": self.company_name.text().strip(),
            "company.inn": self.company_inn.text().strip(),
            "company.kpp": self.company_kpp.text().strip(),
            "user.name": self.user_name.text().strip(),
            "cashier.max_payment": self.max_payment.text().strip().replace(" ", "").replace(",", "."),
            "demo.enabled": "true" if self.demo_enabled.isChecked() else "false",
            **{key: self._other_value(field) for key, field in self.other_fields.items()},
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
