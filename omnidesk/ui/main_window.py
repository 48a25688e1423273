"""The main window: navigation between pages, the status bar, remembered geometry."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from omnidesk.config import Settings, config_dir
from omnidesk.core.enums import Role
from omnidesk.services.audit import current_user
from omnidesk.services.auth import Actor
from omnidesk.services.uow import Database

from .bank.page import BankPage
from .cashier.fiscal_queue import FiscalQueue, JournalFactory, settings_journal_factory
from .cashier.page import CashierPage
from .orders.page import OrdersPage
from .reports.page import ReportsPage
from .routes.page import RoutesPage
from .settings_page import SettingsPage
from .tasks import TaskRunner


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    widget: QWidget


class StatusBar:
    """Three permanent fields: the database, the fiscal register and the sync state."""

    def __init__(self, window: QMainWindow) -> None:
        bar = window.statusBar()
        self.database = QLabel()
        self.fiscal = QLabel()
        self.sync = QLabel()
        for label in (self.database, self.fiscal, self.sync):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    def set_fiscal(self, text: str, ok: bool) -> None:
        self.fiscal.setText(text)
        self.fiscal.setStyleSheet("" if ok else "color:#b3261e")


class MainWindow(QMainWindow):
    def __init__(self, db: Database, settings: Settings, database_description: str,
                 journal_factory: JournalFactory | None = None) -> None:
        """``journal_factory(db)`` builds the fiscal journal; default: the register named in settings."""
        super().__init__()
        self.setWindowTitle(self.tr("OmniDesk"))
        self.db = db
        self.runner = TaskRunner(self)
        self.fiscal = FiscalQueue(db, journal_factory or settings_journal_factory(settings), self)
        self.orders_page = OrdersPage(db, self.runner)
        self.routes_page = RoutesPage(db, self.runner, settings)
        self.cashier_page = CashierPage(db, self.runner, self.fiscal)
        actor = Actor(current_user(settings.get("user.name")), Role(settings.get("user.role")))
        self.bank_page = BankPage(db, self.runner, actor)
        self.reports_page = ReportsPage(db, self.runner)
        self.settings_page = SettingsPage(settings, database_description)
        self.pages = [
            Page("orders", self.tr("Orders"), self.orders_page),
            Page("routes", self.tr("Routes"), self.routes_page),
            Page("cashier", self.tr("Cashier"), self.cashier_page),
            Page("bank", self.tr("Bank"), self.bank_page),
            Page("reports", self.tr("Reports"), self.reports_page),
            Page("settings", self.tr("Settings"), self.settings_page),
        ]
        self._build()
        self.status = StatusBar(self)
        self.status.database.setText(self.tr("Database: {0}").format(database_description))
        fiscal_url = settings.get("fiscal.url")
        self.status.set_fiscal(self.tr("Fiscal register: {0} (not connected)").format(fiscal_url), ok=False)
        self.status.sync.setText(self.tr("Sync: not configured"))
        self.cashier_page.register.state_changed.connect(self.status.set_fiscal)
        self._ui_state = QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)
        self._restore()

    def _build(self) -> None:
        self.navigation = QListWidget()
        self.navigation.setFixedWidth(170)
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setStyleSheet("QListWidget{font-size:14px} QListWidget::item{padding:8px 10px}")
        self.stack = QStackedWidget()
        for number, page in enumerate(self.pages, start=1):
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            item.setToolTip(f"Ctrl+{number}")
            self.navigation.addItem(item)
            self.stack.addWidget(page.widget)
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda n=number - 1: self.navigation.setCurrentRow(n))
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def show_page(self, key: str) -> None:
        for row, page in enumerate(self.pages):
            if page.key == key:
                self.navigation.setCurrentRow(row)
                return
        raise KeyError(key)

    def start(self) -> None:
        """Start the background loading of every page, and read the fiscal register on its own thread."""
        self.orders_page.reload()
        self.bank_page.reload()
        self.routes_page.reload()
        self.cashier_page.start()

    def _restore(self) -> None:
        geometry = self._ui_state.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 860)
        self.orders_page.restore_state(self._ui_state)
        self.cashier_page.restore_state(self._ui_state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._ui_state.setValue("window/geometry", self.saveGeometry())
        self.orders_page.save_state(self._ui_state)
        self.cashier_page.save_state(self._ui_state)
        self._ui_state.sync()
        self.runner.wait(5000)
        self.fiscal.close()
        super().closeEvent(event)
