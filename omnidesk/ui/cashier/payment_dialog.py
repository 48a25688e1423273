"""Register a payment: kind, amount, spread over open orders; the rest is the advance, shown live."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from omnidesk.core.enums import PaymentKind
from omnidesk.core.money import format_amount
from omnidesk.core.receipts import receipt_owed_for_payment
from omnidesk.services.cashier import CustomerView
from omnidesk.services.dto import OrderRow
from omnidesk.services.ledger import AllocationRequest

from ..labels import payment_kind_label
from .widgets import AmountEdit, error_label

KINDS = (PaymentKind.CASH, PaymentKind.CARD, PaymentKind.SBP, PaymentKind.TRANSFER)


@dataclass(frozen=True)
class PaymentRequest:
    kind: PaymentKind
    amount: int
    allocations: tuple[AllocationRequest, ...]
    purpose: str


_ORDER_DUE = QT_TRANSLATE_NOOP("PaymentDialog", "No. {0} · due {1}")
_EMPTY_MEANS_DUE = QT_TRANSLATE_NOOP("PaymentDialog", "Empty: as much as the order still owes")


def _tr(text: str) -> str:
    return QCoreApplication.translate("PaymentDialog", text)


class _OrderRow:
    """One open order in the dialog: a check box and the amount applied to it."""

    def __init__(self, order: OrderRow) -> None:
        self.order = order
        self.check = QCheckBox(_tr(_ORDER_DUE).format(order.number, format_amount(order.due)))
        self.amount = AmountEdit(allow_empty=True)
        self.amount.setEnabled(False)
        self.amount.setToolTip(_tr(_EMPTY_MEANS_DUE))

    def wanted(self) -> int | None:
        """Kopecks for this order, None when it is not checked."""
        if not self.check.isChecked():
            return None
        return self.amount.value


class PaymentDialog(QDialog):
    def __init__(self, view: CustomerView, parent: QWidget | None = None, *, preselect: str | None = None,
                 max_amount: int | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.max_amount = max_amount  # kopecks; the setting cashier.max_payment
        self.setWindowTitle(self.tr("Register a payment — {0}").format(view.card.customer.name))
        self.resize(620, 520)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(payment_kind_label(kind), kind)
        self.amount = AmountEdit()
        self.amount_error = error_label()
        self.purpose = QLineEdit()
        self.rows = [_OrderRow(o) for o in view.orders if o.status.is_open and o.due > 0]
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight:bold; font-size:14px")
        self.receipts = QLabel()
        self.receipts.setWordWrap(True)
        self.error = error_label()
        self._build()
        for row in self.rows:
            row.check.toggled.connect(lambda on, r=row: self._toggled(r, on))
            row.amount.changed.connect(self._update)
            if row.order.number == preselect:
                row.check.setChecked(True)
        self.amount.changed.connect(self._update)
        self.kind.currentIndexChanged.connect(self._update)
        self._update()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Amount, ₽:"), self.amount)
        form.addRow("", self.amount_error)
        form.addRow(self.tr("&Purpose:"), self.purpose)
        box = QGroupBox(self.tr("Apply to open orders (the rest stays as the customer's advance)"))
        grid = QGridLayout(box)
        for number, row in enumerate(self.rows):
            grid.addWidget(row.check, number, 0)
            grid.addWidget(row.amount, number, 1)
        if not self.rows:
            grid.addWidget(QLabel(self.tr("The customer has no orders to pay: all of it becomes an advance.")), 0, 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Register"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        if self.view.card.balance > 0:
            hint = QLabel(self.tr("The customer already has {0} on advance: close this dialog and press F8 to pay "
                                  "the selected order from it.").format(format_amount(self.view.card.balance)))
            hint.setWordWrap(True)
            hint.setStyleSheet("color:#1b5e20")
            layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.receipts)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.amount.setFocus()

    def _toggled(self, row: _OrderRow, on: bool) -> None:
        row.amount.setEnabled(on)
        if on and not row.amount.text():
            free = max((self.amount.value or 0) - self._allocated(exclude=row), 0)
            row.amount.set_amount(min(row.order.due, free) if free else row.order.due)
        self._update()

    # --- the live sums --------------------------------------------------------
    def _plan(self) -> list[tuple[OrderRow, int]]:
        """(order, kopecks) for every checked order; an empty field means what it still owes."""
        plan = []
        for row in self.rows:
            wanted = row.wanted()
            if wanted is not None:
                plan.append((row.order, wanted or row.order.due))
        return plan

    def _allocated(self, exclude: _OrderRow | None = None) -> int:
        return sum(amount for order, amount in self._plan() if exclude is None or order is not exclude.order)

    def problem(self) -> str:
        """Why the payment cannot be registered as entered; "" when it can."""
        if self.amount.error:
            return self.amount.error
        if not self.amount.value:
            return self.tr("The amount must be greater than zero")
        if self.max_amount is not None and self.amount.value > self.max_amount:
            return self.tr("More than {0} in one payment: check the amount (the limit is the setting "
                           "cashier.max_payment)").format(format_amount(self.max_amount))
        for row in self.rows:
            if row.check.isChecked() and row.amount.error:
                return self.tr("Order No. {0}: {1}").format(row.order.number, row.amount.error)
        for order, amount in self._plan():
            if amount > order.due:
                return self.tr("Order No. {0} owes {1}: cannot apply {2}").format(
                    order.number, format_amount(order.due), format_amount(amount))
        excess = self._allocated() - self.amount.value
        if excess > 0:
            return self.tr("The orders take {0} more than the payment").format(format_amount(excess))
        return ""

    def advance(self) -> int:
        return max((self.amount.value or 0) - self._allocated(), 0)

    def _update(self) -> None:
        problem = self.problem()
        self.amount_error.setText(self.amount.error)
        self.error.setText(problem if problem != self.amount.error else "")
        self.ok.setEnabled(not problem)
        self.summary.setText(self.tr("To orders: {0} · Advance: {1}").format(
            format_amount(self._allocated()), format_amount(self.advance())))
        self.receipts.setText("" if problem else self.owed_text())  # nothing to preview for a wrong amount

    def owed_text(self) -> str:
        """Which receipts the payment will make owed, for the dialog and its confirmation."""
        kind: PaymentKind = self.kind.currentData()
        if not receipt_owed_for_payment(self.view.card.customer.kind, kind):
            return self.tr("No receipt is owed: a bank transfer from a company or sole trader.")
        items = []
        for order, amount in self._plan():
            full = order.paid == 0 and amount == order.total
            what = self.tr("full prepayment") if full else self.tr("partial prepayment")
            items.append(self.tr("• prepayment receipt for order No. {0}: {1} ({2})").format(
                order.number, format_amount(amount), what))
        if self.advance():
            items.append(self.tr("• advance receipt: {0}").format(format_amount(self.advance())))
        heading = self.tr("Receipts that will be owed (paid {0}):").format(payment_kind_label(kind))
        return "\n".join([heading, *items]) if items else ""

    def request(self) -> PaymentRequest:
        allocations = tuple(AllocationRequest(order.number, amount) for order, amount in self._plan())
        return PaymentRequest(self.kind.currentData(), self.amount.value or 0, allocations, self.purpose.text().strip())
