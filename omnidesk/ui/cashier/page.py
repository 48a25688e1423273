"""The Cashier page: find the customer, take money, record what happened at the door, print.

Database work runs on the ordinary pool, device work on the register's own queue; nothing
prints without a confirmation that shows what will be printed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QLabel, QSplitter, QTabWidget, QToolButton, QVBoxLayout, QWidget

from omnidesk.core.changes import Changes
from omnidesk.core.enums import OrderStatus, ReceiptStatus
from omnidesk.core.money import format_amount
from omnidesk.services import cashier as data
from omnidesk.services import corrections, ledger
from omnidesk.services import orders as order_service
from omnidesk.services.receipts import ReceiptView
from omnidesk.services.uow import Database

from ..flow_layout import FlowLayout
from ..tasks import TaskRunner
from . import widgets
from .correction_dialog import CorrectionDialog
from .customer_panel import CustomerPanel
from .delivery_dialog import DeliveryDialog, ReturnDialog
from .fiscal_queue import FiscalQueue
from .handover import HandoverPanel
from .money_dialogs import CancelOrderDialog, RefundAdvanceDialog
from .owed_panel import OwedPanel
from .payment_dialog import PaymentDialog
from .register_panel import RegisterPanel
from .search import SearchBox

HITS_REFRESH_MS = 3000  # the search index (every customer and order) is re-read at most this often

SHORTCUTS = {  # action → key; the buttons show them
    "search": "Ctrl+F", "payment": "F2", "delivery": "F3", "return": "F4", "cancel": "Ctrl+Shift+X",
    "refund": "F6", "correction": "F7", "apply_advance": "F8", "print_owed": "F9", "print_selected": "Ctrl+P", "reload": "F5",
    "unallocate": "Ctrl+U", "move_allocation": "Ctrl+M", "buyer": "Ctrl+B",
}


class CashierPage(QWidget):
    loaded = Signal()  # the search index (and the chosen customer) arrived
    customer_loaded = Signal(object)  # CustomerView

    def __init__(self, db: Database, runner: TaskRunner, queue: FiscalQueue, parent: QWidget | None = None, *,
                 max_payment: Callable[[], int | None] = lambda: None,
                 connect_register: Callable[[str], Any] | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner, self.queue = db, runner, queue
        self._max_payment = max_payment  # the largest single payment, in kopecks (a setting)
        self.customer_id: int | None = None
        self._pending_order: str | None = None
        self.search = SearchBox()
        self.customer = CustomerPanel()
        self.register = RegisterPanel(db, runner, queue)
        self.handover = HandoverPanel(db, runner, lambda: queue.actor, connect_register=connect_register)
        self.owed = OwedPanel(db, runner, actor=lambda: queue.actor)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._hits_timer = QTimer(self, singleShot=True, interval=HITS_REFRESH_MS)
        self._hits_timer.timeout.connect(self._reload_hits)
        self._build()
        self._connect()

    # --- layout ---------------------------------------------------------------
    def _build(self) -> None:
        self._build_toolbar()
        right = QTabWidget()
        right.addTab(self.register, self.tr("Register"))
        right.addTab(self.owed, self.tr("Receipts to print"))
        right.addTab(self.handover, self.tr("Driver handover"))
        self.right_tabs = right
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.customer)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 520])
        self.splitter = splitter
        self.customer.setMinimumWidth(280)  # the window must fit a small screen; the splitter shares the rest
        right.setMinimumWidth(220)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self._update_buttons()

    def _build_toolbar(self) -> None:
        """The actions as buttons that wrap onto a second line on a small screen: none hides behind »."""
        self.toolbar = QWidget()
        flow = FlowLayout(self.toolbar, spacing=4)
        self.actions: dict[str, QAction] = {}
        for key, title, handler in (  # the most frequent first
                ("print_owed", self.tr("Print waiting receipts"), self.print_owed),
                ("payment", self.tr("Payment…"), self.payment), ("delivery", self.tr("Delivery outcome…"), self.delivery),
                ("apply_advance", self.tr("Pay from advance"), self.apply_advance),
                ("return", self.tr("Return…"), self.return_goods), ("cancel", self.tr("Cancel order…"), self.cancel),
                ("refund", self.tr("Refund advance…"), self.refund), ("correction", self.tr("Correction…"), self.correction),
                ("print_selected", self.tr("Print selected"), self.print_selected)):
            # window-wide, but only while this page is shown (Qt ignores actions of hidden widgets)
            action = QAction(f"{title} ({SHORTCUTS[key]})", self)
            action.setShortcut(QKeySequence(SHORTCUTS[key]))
            action.triggered.connect(handler)
            self.addAction(action)  # the shortcut works while the page is shown
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            flow.addWidget(button)
            self.actions[key] = action
        bold = self.actions["print_owed"].font()
        bold.setBold(True)
        self.actions["print_owed"].setFont(bold)

    def _connect(self) -> None:
        self.search.chosen.connect(self.choose)
        self.register.documents_changed.connect(self.reload_customer)
        self.register.documents_changed.connect(self.owed.reload)
        self.owed.print_all_requested.connect(self.register.print_receipts)
        self.customer.orders.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        for key, handler in (("search", self.search.focus), ("reload", self.reload)):
            QShortcut(QKeySequence(SHORTCUTS[key]), self, handler)
        title = self.tr("Buyer on receipt…")  # the customer's receipts: right-click or the shortcut
        buyer = QAction(f"{title} ({SHORTCUTS['buyer']})", self)
        buyer.setShortcut(QKeySequence(SHORTCUTS["buyer"]))
        buyer.triggered.connect(self.edit_buyer)
        self.customer.receipts.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.customer.receipts.addAction(buyer)
        self.addAction(buyer)
        self.actions["buyer"] = buyer
        self.owed.buyer_saved.connect(lambda _r: self.reload_customer())
        table = self.customer.allocations  # right-click menu and shortcuts on the allocations tab
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for key, title, handler in (("unallocate", self.tr("Return to the advance"), self.unallocate),
                                    ("move_allocation", self.tr("Move to another order…"), self.move_allocation)):
            action = QAction(f"{title} ({SHORTCUTS[key]})", self)
            action.setShortcut(QKeySequence(SHORTCUTS[key]))
            action.triggered.connect(handler)
            table.addAction(action)
            self.addAction(action)
            self.actions[key] = action

    def _update_buttons(self) -> None:
        view, order = self.customer.view, self.customer.selected_order()
        has_customer = view is not None
        for key in ("payment", "correction", "print_owed"):
            self.actions[key].setEnabled(has_customer)
        deliverable = order is not None and order.status.is_open
        self.actions["delivery"].setEnabled(deliverable)
        self.actions["cancel"].setEnabled(deliverable)
        self.actions["return"].setEnabled(order is not None and order.status in (
            OrderStatus.DELIVERED, OrderStatus.PARTIALLY_DELIVERED))
        self.actions["refund"].setEnabled(has_customer and view.card.balance > 0)
        self.actions["apply_advance"].setEnabled(has_customer and view.card.balance > 0 and deliverable
                                                 and order.due > 0)
        self.actions["print_selected"].setEnabled(has_customer)

    # --- loading --------------------------------------------------------------
    def start(self) -> None:
        self.reload()
        self.register.start()

    def reload(self) -> None:
        self._reload_hits()
        self.reload_customer()
        self.register.reload_journal()
        self.handover.reload()
        self.owed.reload()

    def show_owed(self) -> None:
        """Bring the shop-wide list of receipts to print to the front."""
        self.right_tabs.setCurrentWidget(self.owed)

    def _reload_hits(self) -> None:
        self._runner.start(lambda: data.search_hits(self._db), on_done=self._hits_arrived, on_error=self._error)

    def apply_changes(self, changes: Changes) -> None:
        """The customer shown, the register's journal, the handover and the search index follow every change."""
        if self.customer_id is not None and changes.touches("customers", [self.customer_id]):
            self.reload_customer()
        if changes.touches("receipts"):
            self.register.reload_journal()
            self.owed.reload()
        if changes.touches("payments") or changes.touches("drivers") or changes.touches("receipts"):
            self.handover.reload()
        if (changes.touches("orders") or changes.touches("customers")) and not self._hits_timer.isActive():
            self._hits_timer.start()  # new customers and orders become searchable, dues stay right

    def _hits_arrived(self, hits) -> None:
        self.search.set_hits(hits)
        if self.customer_id is None:
            self.loaded.emit()

    def choose(self, hit: data.SearchHit) -> None:
        self._pending_order = hit.order_number
        self.load_customer(hit.customer_id)

    def open_order(self, customer_id: int, number: str) -> None:
        """The customer with this order selected (from the Orders page)."""
        self._pending_order = number
        self.load_customer(customer_id)

    def load_customer(self, customer_id: int) -> None:
        if customer_id != self.customer_id:
            self.message.clear()  # what was said about the previous customer
        self.customer_id = customer_id
        self.reload_customer()

    def reload_customer(self) -> None:
        if self.customer_id is None:
            return
        customer_id, keep = self.customer_id, self.customer.selected_order()
        self._runner.start(lambda: data.load_customer(self._db, customer_id),
                           on_done=lambda view: self._show_customer(view, keep), on_error=self._error)

    def _show_customer(self, view: data.CustomerView, keep) -> None:
        if view.card.customer.id != self.customer_id:
            return  # another customer was chosen meanwhile
        self.customer.show_view(view)
        number = self._pending_order or (keep.number if keep else None)
        self._pending_order = None
        if number:
            self.customer.select_order(number)
        self._update_buttons()
        self.customer_loaded.emit(view)
        self.loaded.emit()
        self.customer.orders.setFocus()

    def _error(self, exc: Exception) -> None:
        widgets.report_error(self, exc)

    def _done(self, summary: str, receipts: tuple[ReceiptView, ...]) -> None:
        """After a money operation: say what happened, refresh, offer to print what it made owed."""
        self.message.setText(f"✓ {summary}")
        self.reload_customer()
        self.handover.reload()
        if receipts:
            self.register.print_receipts(receipts)

    def _run(self, func: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._runner.start(func, on_done=on_done, on_error=self._error)

    # --- where money went --------------------------------------------------------
    def _chosen_allocation(self):
        allocation = self.customer.selected_allocation()
        if allocation is None or allocation.live <= 0:
            self.customer.tabs.setCurrentWidget(self.customer.allocations)
            self._hint(self.tr("Select an allocation that still holds money (tab «Allocations to orders»)."))
            return None
        return allocation

    def unallocate(self) -> None:
        allocation = self._chosen_allocation()
        if allocation is None:
            return
        heading = self.tr("Return {0} from order No. {1} to the customer's advance?").format(
            format_amount(allocation.live), allocation.order_number)
        details = self.tr("A reversing entry is added; nothing is deleted. If the money was fiscalised as a "
                          "prepayment, an income return and an advance receipt become owed.")
        if widgets.confirm(self, self.tr("Undo an allocation"), heading, details, self.tr("Return to the advance")):
            actor = self.queue.actor
            self._run(lambda: ledger.unallocate(self._db, actor, allocation.id),
                      lambda r: self._done(self.tr("Returned to the advance from order No. {0}").format(
                          allocation.order_number), r[1]))

    def move_allocation(self) -> None:
        allocation, view = self._chosen_allocation(), self.customer.view
        if allocation is None:
            return
        targets = [r.number for r in view.orders if r.status.is_open and r.due > 0 and r.number != allocation.order_number]
        if not targets:
            return self._hint(self.tr("The customer has no other open order that owes money."))
        number, ok = QInputDialog.getItem(self, self.tr("Move an allocation"), self.tr("To order:"), targets, 0, False)
        if not ok:
            return
        actor = self.queue.actor
        self._run(lambda: ledger.move_allocation(self._db, actor, allocation.id, number),
                  lambda r: self._done(self.tr("Moved from order No. {0} to order No. {1}").format(
                      allocation.order_number, number), r[1]))

    # --- money in -------------------------------------------------------------
    def payment(self) -> None:
        view = self.customer.view
        if view is None:
            return self._hint(self.tr("Find a customer first (Ctrl+F)."))
        order = self.customer.selected_order()
        dialog = PaymentDialog(view, self, preselect=order.number if order else None, max_amount=self._max_payment())
        if not widgets.run_dialog(dialog):
            return
        request, name = dialog.request(), view.card.customer.name
        details = dialog.summary.text() + "\n\n" + (dialog.owed_text() or "")
        heading = self.tr("Register a payment of {0} — customer {1}?").format(format_amount(request.amount), name)
        if not widgets.confirm(self, self.tr("Register a payment"), heading, details, self.tr("Register the payment")):
            return
        customer_id, actor = view.card.customer.id, self.queue.actor
        self._run(lambda: ledger.register_payment(
            self._db, actor, customer_id=customer_id, kind=request.kind, amount=request.amount,
            allocations=request.allocations, purpose=request.purpose), lambda r: self._done(r.summary, r.receipts))

    def apply_advance(self) -> None:
        """Pay the selected order from the customer's advance; no receipt now, the delivery receipt offsets it."""
        view, order = self.customer.view, self.customer.selected_order()
        if view is None or view.card.balance <= 0:
            return self._hint(self.tr("The customer has no advance to apply."))
        if order is None or not order.status.is_open or order.due <= 0:
            return self._hint(self.tr("Select an open order that still owes money."))
        amount = min(order.due, view.card.balance)
        heading = self.tr("Apply {0} from the advance to order No. {1}?").format(format_amount(amount), order.number)
        details = self.tr("Nothing prints now: the advance receipt was printed when the money came, and the "
                          "receipt at delivery will offset this sum as a prepayment (tag 1215).")
        if not widgets.confirm(self, self.tr("Pay from advance"), heading, details, self.tr("Apply")):
            return
        customer_id, actor, number = view.card.customer.id, self.queue.actor, order.number
        self._run(lambda: ledger.apply_advance(self._db, actor, customer_id=customer_id, order_number=number,
                                               amount=amount),
                  lambda r: self._done(r.summary, r.receipts))

    def refund(self) -> None:
        view = self.customer.view
        if view is None or view.card.balance <= 0:
            return self._hint(self.tr("The customer has no advance to refund."))
        dialog = RefundAdvanceDialog(view.card.balance, self, paid_by=view.paid_by)
        if not widgets.run_dialog(dialog):
            return
        customer_id, actor = view.card.customer.id, self.queue.actor
        amount, kind, reason = dialog.amount.value or 0, dialog.kind.currentData(), dialog.reason.text().strip()
        self._run(lambda: ledger.refund_advance(self._db, actor, customer_id=customer_id, amount=amount, kind=kind,
                                                reason=reason),
                  lambda r: self._done(self.tr("Advance refunded; left on the advance: {0}").format(
                      format_amount(r[0])), r[1]))

    # --- orders ---------------------------------------------------------------
    def _with_detail(self, statuses: Callable[[OrderStatus], bool], then: Callable, *, drivers: bool = False) -> None:
        """Read the selected order's lines (and the drivers) in the background, then open ``then``."""
        order = self.customer.selected_order()
        if order is None or not statuses(order.status):
            return self._hint(self.tr("Select a suitable order in the table first."))
        db = self._db
        self._run(lambda: (order_service.order_detail(db, order.id), data.drivers(db) if drivers else []),
                  lambda loaded: then(*loaded))

    def delivery(self) -> None:
        self._with_detail(lambda s: s.is_open, self._delivery_dialog, drivers=True)

    def _delivery_dialog(self, detail, drivers) -> None:
        dialog = DeliveryDialog(detail, drivers, self)
        if not widgets.run_dialog(dialog):
            return
        r, actor, number = dialog.request(), self.queue.actor, detail.row.number
        self._run(lambda: ledger.record_delivery(
            self._db, actor, order_number=number, refused=r.refused, collected=r.collected, kind=r.kind,
            excess=r.excess, refund_kind=r.refund_kind, driver_id=r.driver_id),
            lambda result: self._done(result.summary, result.receipts))

    def return_goods(self) -> None:
        self._with_detail(lambda s: s in (OrderStatus.DELIVERED, OrderStatus.PARTIALLY_DELIVERED), self._return_dialog)

    def _return_dialog(self, detail, _drivers) -> None:
        dialog = ReturnDialog(detail, self)
        if not widgets.run_dialog(dialog):
            return
        lines, kind, actor, number = dialog.taken(), dialog.kind.currentData(), self.queue.actor, detail.row.number
        self._run(lambda: ledger.return_goods(self._db, actor, order_number=number, lines=lines, kind=kind),
                  lambda result: self._done(result.summary, result.receipts))

    def cancel(self) -> None:
        order = self.customer.selected_order()
        if order is None or not order.status.is_open:
            return self._hint(self.tr("Select an open order to cancel."))
        dialog = CancelOrderDialog(order, self, paid_by=self.customer.view.paid_by if self.customer.view else None)
        if not widgets.run_dialog(dialog):
            return
        choice, kind, reason, actor = dialog.choice(), dialog.kind.currentData(), dialog.reason.text(), self.queue.actor
        self._run(lambda: ledger.cancel_order(self._db, actor, order_number=order.number, money=choice,
                                              refund_kind=kind, reason=reason.strip()),
                  lambda result: self._done(result.summary, result.receipts))

    def correction(self) -> None:
        if self.customer.view is None:
            return self._hint(self.tr("Find a customer first (Ctrl+F)."))
        order = self.customer.selected_order()
        if order is None:
            return self._correction_dialog(None)
        self._with_detail(lambda _s: True, lambda detail, _d: self._correction_dialog(detail))

    def _correction_dialog(self, detail) -> None:
        dialog = CorrectionDialog(detail, self)
        if not widgets.run_dialog(dialog):
            return
        r, actor, customer_id = dialog.request(), self.queue.actor, self.customer_id
        self._run(lambda: corrections.create_correction(
            self._db, actor, operation=r.operation, date=r.date, reason=r.reason, electronic=r.electronic,
            order_number=r.order_number, lines=r.lines, amount=r.amount, customer_id=customer_id,
            order_document=r.order_document),
            lambda receipt: self._done(self.tr("Correction receipt created"), (receipt,)))

    # --- printing -------------------------------------------------------------
    def print_owed(self) -> None:
        """Every receipt still owed to this customer (none waiting for a check)."""
        owed = [r for r in self.customer.owed() if r.status is not ReceiptStatus.PENDING]
        if not owed:
            return self._hint(self.tr("Nothing to print: no receipt is owed to this customer."))
        self.register.print_receipts(owed)

    def print_selected(self) -> None:
        receipt = self.customer.selected_receipt()
        if receipt is None and self.register.journal.hasFocus():
            return self.register.retry_selected()
        if receipt is None or not receipt.owed:
            return self._hint(self.tr("Select a receipt still to print in the Receipts table."))
        self.register.print_receipts([receipt])

    def edit_buyer(self) -> None:
        """«Покупатель в чеке…» for the receipt selected in the customer's Receipts table."""
        receipt = self.customer.selected_receipt()
        if receipt is None or receipt.status not in (ReceiptStatus.PLANNED, ReceiptStatus.FAILED) \
                or receipt.door_status is not None:
            return self._hint(self.tr("Select a receipt not printed yet in the Receipts table: only its buyer "
                                      "can change."))
        self.owed.edit_buyer(receipt)

    def _hint(self, text: str) -> None:
        self.message.setText(text)

    # --- remembered layout ------------------------------------------------------
    def save_state(self, settings) -> None:
        settings.setValue("cashier/splitter", self.splitter.saveState())

    def restore_state(self, settings) -> None:
        state = settings.value("cashier/splitter")
        if state is not None:
            self.splitter.restoreState(state)

