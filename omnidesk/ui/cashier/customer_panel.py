"""One customer at the cash desk: advance balance, orders, receipts owed and printed, the ledger."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from omnidesk.core.enums import CustomerKind
from omnidesk.core.money import format_amount
from omnidesk.core.phones import format_phone
from omnidesk.services.cashier import CustomerView
from omnidesk.services.dto import OrderRow
from omnidesk.services.receipts import ReceiptView

from ..labels import kind_label as customer_kind_label
from .models import AllocationsModel, LedgerModel, OrdersModel, ReceiptsModel, RowsProxy
from .widgets import make_table


class CustomerPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: CustomerView | None = None
        self.orders_model, self.receipts_model, self.ledger_model = OrdersModel(self), ReceiptsModel(self), LedgerModel(self)
        self.allocations_model = AllocationsModel(self)
        self.allocations_proxy = RowsProxy(self.allocations_model, self)
        self.orders_proxy = RowsProxy(self.orders_model, self)
        self.receipts_proxy = RowsProxy(self.receipts_model, self)
        self.ledger_proxy = RowsProxy(self.ledger_model, self)
        self._build()
        self.show_closed.toggled.connect(self._filter_orders)
        self._filter_orders(False)
        self.show_view(None)

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.balance = QLabel()
        self.balance.setStyleSheet("font-size:18px; font-weight:bold")
        self.owed_banner = QLabel()
        self.owed_banner.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.balance)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._build_orders())
        splitter.addWidget(self._build_tabs())
        splitter.setSizes([190, 430])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.owed_banner)
        layout.addWidget(splitter, 1)

    def _build_orders(self) -> QWidget:
        self.orders = make_table(self.orders_proxy)
        self.orders.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        # the address takes what is left: at 1366×768 the table fits without scrolling sideways
        for column, width in enumerate((62, 86, 112, 102, 102, 102)):
            self.orders.setColumnWidth(column, width)
        self.show_closed = QCheckBox(self.tr("Show delivered and cancelled orders too"))
        orders_box = QWidget()
        orders_layout = QVBoxLayout(orders_box)
        orders_layout.setContentsMargins(0, 0, 0, 0)
        orders_title = QHBoxLayout()
        heading = self.tr("Orders")
        orders_title.addWidget(QLabel(f"<b>{escape(heading)}</b>"))
        orders_title.addStretch(1)
        orders_title.addWidget(self.show_closed)
        orders_layout.addLayout(orders_title)
        orders_layout.addWidget(self.orders, 1)
        return orders_box

    def _build_tabs(self) -> QTabWidget:
        self.receipts = make_table(self.receipts_proxy)
        self.receipts.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((170, 230, 80, 110, 230, 120, 50)):
            self.receipts.setColumnWidth(column, width)
        self.ledger = make_table(self.ledger_proxy)
        self.ledger.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.ledger.setColumnWidth(0, 130)
        self.ledger.setColumnWidth(1, 420)
        self.explanation = QPlainTextEdit()
        self.explanation.setReadOnly(True)
        self.explanation.setPlaceholderText(self.tr("Select a receipt to see what it prints and why."))
        receipts_box = QSplitter(Qt.Orientation.Vertical)
        receipts_box.addWidget(self.receipts)
        receipts_box.addWidget(self.explanation)
        receipts_box.setSizes([170, 150])
        self.receipts.selectionModel().selectionChanged.connect(lambda *_: self._explain())
        self.tabs = QTabWidget()
        self.tabs.addTab(receipts_box, self.tr("Receipts"))
        self.tabs.addTab(self.ledger, self.tr("Payments and allocations"))
        self.allocations = make_table(self.allocations_proxy)
        self.allocations.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.allocations.setToolTip(self.tr("Undo an allocation (the money returns to the advance) or move it to "
                                            "another order: Ctrl+U, Ctrl+M"))
        self.tabs.addTab(self.allocations, self.tr("Allocations to orders"))
        return self.tabs

    def _filter_orders(self, show_closed: bool) -> None:
        self.orders_proxy.set_filter(None if show_closed else (lambda r: r.status.is_open or r.excess > 0))

    # --- content --------------------------------------------------------------
    def show_view(self, view: CustomerView | None) -> None:
        self.view = view
        self.explanation.clear()
        if view is None:
            hint = self.tr("Find a customer or an order above (Ctrl+F).")
            self.title.setText(f"<span style='color:#666'>{escape(hint)}</span>")
            self.balance.clear()
            self.owed_banner.clear()
            self.owed_banner.setStyleSheet("")
            for model in (self.orders_model, self.receipts_model, self.ledger_model, self.allocations_model):
                model.set_rows([])
            return
        c = view.card.customer
        ids = " · ".join(x for x in (customer_kind_label(c.kind), self.tr("INN {0}").format(c.inn) if c.inn else "",
                                     format_phone(c.phone), c.email or "") if x)
        self.title.setText(f"<span style='font-size:16px'><b>{escape(c.name)}</b></span><br>{escape(ids)}")
        self.balance.setText(self.tr("Advance: {0}").format(format_amount(view.card.balance)))
        self.orders_model.set_rows(view.orders)
        self.receipts_model.set_rows(view.receipts)
        self.ledger_model.set_rows(view.card.ledger)
        self.allocations_model.set_rows(view.allocations)
        self._banner()
        if self.orders_proxy.rowCount():
            self.orders.selectRow(0)
        if self.receipts_proxy.rowCount():
            self.receipts.selectRow(0)  # owed ones sort first: the one to print next is explained

    def _explain(self) -> None:
        receipt = self.selected_receipt()
        self.explanation.setPlainText(receipt.explanation if receipt else "")

    def _banner(self) -> None:
        owed = self.owed()
        if owed:
            text = self.tr("⚠ Receipts to print: {0} for {1} — press F9 to print them").format(
                len(owed), format_amount(sum(r.plan.total for r in owed)))
            style = "background:#fdecea; color:#b3261e; font-weight:bold; padding:6px; border-radius:4px"
        else:
            text = self.tr("✓ Every receipt owed to this customer is printed")
            style = "background:#e8f5e9; color:#1b5e20; padding:6px; border-radius:4px"
        waiting = self._awaiting_final()
        if waiting:
            text += "\n" + self.tr("At delivery a «full settlement» receipt will be owed for prepaid orders: {0}").format(
                ", ".join(f"№{n}" for n in waiting))
        self.owed_banner.setText(text)
        self.owed_banner.setStyleSheet(style)

    def _awaiting_final(self) -> list[str]:
        """Open orders with money on them: their second receipt comes when the goods are handed over."""
        if self.view is None or self.view.card.customer.kind is not CustomerKind.INDIVIDUAL:
            return []
        return [o.number for o in self.view.orders if o.status.is_open and o.paid > 0]

    def owed(self) -> list[ReceiptView]:
        return [r for r in self.view.receipts if r.owed] if self.view else []

    def selected_order(self) -> OrderRow | None:
        rows = self.orders.selectionModel().selectedRows()
        return self.orders_proxy.row_at(rows[0].row()) if rows else None

    def select_order(self, number: str) -> None:
        if not any(r.number == number for r in self.orders_model.rows()):
            return
        if not self.show_closed.isChecked() and not any(
                self.orders_proxy.row_at(i).number == number for i in range(self.orders_proxy.rowCount())):
            self.show_closed.setChecked(True)  # a closed order was asked for: show closed ones too
        for row in range(self.orders_proxy.rowCount()):
            if self.orders_proxy.row_at(row).number == number:
                self.orders.selectRow(row)
                return

    def selected_allocation(self):
        rows = self.allocations.selectionModel().selectedRows()
        return self.allocations_proxy.row_at(rows[0].row()) if rows else None

    def selected_receipt(self) -> ReceiptView | None:
        rows = self.receipts.selectionModel().selectedRows()
        return self.receipts_proxy.row_at(rows[0].row()) if rows else None
