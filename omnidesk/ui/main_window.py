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
    QPushButton,
    QStackedWidget,
    QWidget,
)

from omnidesk.config import config_dir
from omnidesk.core.changes import Changes
from omnidesk.services.auth import ROLE_NAMES, may
from omnidesk.services.context import SIGNED_IN, AppContext

from .audit_page import AuditPage
from .bank.page import BankPage
from .cashier.fiscal_queue import FiscalQueue
from .cashier.page import CashierPage
from .changes import ChangeBus
from .collector import GuiThreadCollector
from .orders.page import OrdersPage
from .reports.page import ReportsPage
from .routes.page import RoutesPage
from .settings_page import SettingsPage
from .sync.page import SyncPage
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
        self.demo = QLabel()
        self.demo.setStyleSheet("QLabel{background:#fff3c4;color:#7a4b00;font-weight:bold;padding:0 6px}")
        self.demo.hide()
        bar.addWidget(self.demo)
        self.owed = QLabel()  # receipts owed shop-wide; a link to the list
        self.database = QLabel()
        self.fiscal = QLabel()
        self.sync = QLabel()
        for label in (self.owed, self.database, self.fiscal, self.sync):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    def set_database(self, text: str) -> None:
        """The database, shortened to fit a small screen (the whole text in the tooltip)."""
        self.database.setToolTip(text)
        self.database.setText(self.database.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, 300))

    def set_fiscal(self, text: str, ok: bool) -> None:
        self.fiscal.setText(text)
        self.fiscal.setStyleSheet("" if ok else "color:#b3261e")


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        """Everything the window needs comes from ``context`` (built by ``omnidesk.app.build_context``)."""
        super().__init__()
        self.context = context
        self.setWindowTitle(self.tr("OmniDesk — DEMO database") if context.is_demo else self.tr("OmniDesk"))
        self.db = db = context.db
        self.collector = GuiThreadCollector(self)  # garbage cycles collected on this thread, never on a worker
        self.runner = TaskRunner(self)
        self.changes = ChangeBus(context, self.runner, self)
        self.fiscal = FiscalQueue(context, self)
        self.orders_page = OrdersPage(db, self.runner)
        self.routes_page = RoutesPage(context, self.runner)
        self.cashier_page = CashierPage(db, self.runner, self.fiscal, max_payment=context.settings.max_payment,
                                        connect_register=context.driver_register)
        self.bank_page = BankPage(context, self.runner)
        self.reports_page = ReportsPage(db, self.runner, lambda: context.actor)
        self.settings_page = SettingsPage(context)
        self.sync_page = SyncPage(context, self.runner)
        self.audit_page = AuditPage(db, self.runner, lambda: context.actor)
        self.pages = [
            Page("orders", self.tr("Orders"), self.orders_page),
            Page("routes", self.tr("Routes"), self.routes_page),
            Page("cashier", self.tr("Cashier"), self.cashier_page),
            Page("bank", self.tr("Bank"), self.bank_page),
            Page("reports", self.tr("Reports"), self.reports_page),
            Page("sync", self.tr("Sync"), self.sync_page),
            Page("audit", self.tr("Audit log"), self.audit_page),
            Page("settings", self.tr("Settings"), self.settings_page),
        ]
        self._build()
        self.status = StatusBar(self)
        self.status.set_database(self.tr("Database: {0}").format(context.database_description))
        if context.is_demo:
            self.status.demo.setText(self.tr("DEMO database"))
            self.status.demo.setToolTip(self.tr("DEMO: fictitious data, receipts go only to the built-in emulator"))
            self.status.demo.show()
        self._show_register_unread()
        self.status.sync.setText(self.tr("Sync: not configured"))
        self.user_button = QPushButton()
        self.user_button.setFlat(True)
        self.user_button.setToolTip(self.tr("Switch user"))
        self.user_button.clicked.connect(self.switch_user)
        self.statusBar().addPermanentWidget(self.user_button)
        self._show_user()
        self.cashier_page.register.state_changed.connect(self.status.set_fiscal)
        self.cashier_page.owed.count_changed.connect(self._show_owed_count)
        self.orders_page.open_requested.connect(self._open_order_at_cashier)
        self.status.owed.linkActivated.connect(lambda _link: self.show_owed_receipts())
        self.settings_page.saved.connect(self.changes.publish)
        self.sync_page.status_text.connect(self._show_sync_state)
        self.sync_page.settings_saved.connect(self.changes.publish)
        self.changes.changed.connect(self.apply_changes)
        self.changes.reachable.connect(self._show_database_state)
        self._ui_state = QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)
        self._restore()

    def _build(self) -> None:
        self.navigation = QListWidget()
        self.navigation.setFixedWidth(190)  # «Журнал изменений» whole
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the titles fit
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setStyleSheet("QListWidget{font-size:14px} QListWidget::item{padding:8px 10px}")
        self.stack = QStackedWidget()
        for number, page in enumerate(self.pages, start=1):
            item = QListWidgetItem(f"{page.title}\nCtrl+{number}")  # the page's shortcut, shown where it is used
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

    def _show_database_state(self, ok: bool) -> None:
        """The database stopped answering (a restart, the network): say so until it answers again."""
        description = self.context.database_description
        if ok:
            self.status.database.setText(self.tr("Database: {0}").format(description))
            self.status.database.setStyleSheet("")
        else:
            self.status.database.setText(self.tr("Database {0} is not answering — reconnecting…").format(description))
            self.status.database.setStyleSheet("color:#b3261e")

    # --- who works here ------------------------------------------------------------------------------
    def _show_user(self) -> None:
        """The person and role in the status bar; pages the role has no use for are hidden (services refuse anyway)."""
        actor = self.context.actor
        role = ROLE_NAMES[actor.role]
        if actor.user_id is not None:  # a user of the database signed in
            self.user_button.setText(self.tr("{0} ({1}) — switch user").format(actor.name, role))
        else:  # a lone workstation without sign-in: the OS login is who works, say so rather than pass it off as a name
            self.user_button.setText(self.tr("Not signed in: {0} ({1}) — sign in").format(actor.name, role))
        hidden = {"cashier": not (may(actor, "payment.register") or may(actor, "receipt.print")),
                  "bank": not may(actor, "bank.import"), "audit": not may(actor, "audit.view")}
        for row, page in enumerate(self.pages):
            self.navigation.item(row).setHidden(hidden.get(page.key, False))
        if self.navigation.currentItem() is not None and self.navigation.currentItem().isHidden():
            self.navigation.setCurrentRow(0)

    def switch_user(self) -> None:
        """«Сменить пользователя» without restarting: the next person signs in; the window acts as them."""
        from .sign_in import SignInDialog

        dialog = SignInDialog(self.context, self)
        if dialog.exec() and dialog.actor is not None:
            self._show_user()
            self.apply_changes(Changes(settings=frozenset({SIGNED_IN})))

    def _show_owed_count(self, count: int) -> None:
        text = self.tr("Receipts to print: {0}").format(count)
        self.status.owed.setText(f'<a href="owed" style="color:#b3261e">{text}</a>' if count else text)

    def _open_order_at_cashier(self, customer_id: int, number: str) -> None:
        self.show_page("cashier")
        self.cashier_page.open_order(customer_id, number)

    def show_owed_receipts(self) -> None:
        self.show_page("cashier")
        self.cashier_page.show_owed()

    def _show_register_unread(self) -> None:
        url = self.context.register_url
        self.status.set_fiscal(self.tr("Fiscal register: {0} (not connected)").format(url), ok=False)

    def start(self) -> None:
        """Start the background loading of every page, read the fiscal register on its own thread, and
        begin listening for changes made elsewhere."""
        self.orders_page.reload()
        self.bank_page.reload()
        self.routes_page.reload()
        self.cashier_page.start()
        self.sync_page.start()
        self.changes.start()

    def ask_cashier_name_if_missing(self) -> None:
        """On first use, the cashier's full name (receipts carry it) goes into the ``user.name`` setting."""
        if self.context.settings.user_name():
            return
        from . import first_run

        name = first_run.ask_cashier_name(self)
        if name:
            changes = self.context.update_settings({"user.name": name})
            self.settings_page.user_name.setText(self.context.settings.user_name())
            self.changes.publish(changes)

    def _show_sync_state(self, text: str, ok: bool) -> None:
        self.status.sync.setText(text)
        self.status.sync.setStyleSheet("" if ok else "color:#b3261e")

    def apply_changes(self, changes: Changes) -> None:
        """What changed (here, on another workstation, by sync or in Settings) goes to every page."""
        if self.context.journal_depends_on(changes.settings):
            self.fiscal.rebuild()
            self._show_register_unread()
            self.cashier_page.register.check()
        for page in self.pages:
            apply = getattr(page.widget, "apply_changes", None)
            if apply is not None:
                apply(changes)

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
        self.changes.stop()
        self.runner.wait(5000)
        self.fiscal.close()
        self.collector.stop()
        super().closeEvent(event)
