"""Small money dialogs: cancel an order, refund an advance, cash in or out of the drawer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from omnidesk.core.enums import PaymentKind
from omnidesk.core.money import format_amount
from omnidesk.services.dto import OrderRow
from omnidesk.services.ledger import ExcessChoice

from .delivery_dialog import REFUND_KINDS, kind_combo
from .widgets import AmountEdit, error_label


class _FormDialog(QDialog):
    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 260)
        self.form = QFormLayout()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAutoDefault(False)  # Enter never cancels
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def showEvent(self, event) -> None:
        """Typing starts in the first field (digits typed into a button were lost)."""
        super().showEvent(event)
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            field = item.widget() if item is not None else None
            if field is not None and field.isEnabled() and field.focusPolicy() != Qt.FocusPolicy.NoFocus:
                field.setFocus()
                return


class CancelOrderDialog(_FormDialog):
    def __init__(self, order: OrderRow, parent: QWidget | None = None, *, paid_by: PaymentKind | None = None) -> None:
        super().__init__(self.tr("Cancel order No. {0}").format(order.number), self.tr("Cancel the order"), parent)
        self.order = order
        self.note.setText(self.tr("Order No. {0} for {1} will be cancelled. Paid on it: {2}.").format(
            order.number, format_amount(order.total), format_amount(order.paid)))
        self.keep = QRadioButton(self.tr("keep the money as the customer's advance"))
        self.refund = QRadioButton(self.tr("refund the money"))
        self.keep.setChecked(True)
        self.kind = kind_combo(REFUND_KINDS, paid_by)
        self.reason = QLineEdit()
        if order.paid:
            self.form.addRow(self.tr("Money:"), self.keep)
            self.form.addRow("", self.refund)
            self.form.addRow(self.tr("Refund &by:"), self.kind)
        self.form.addRow(self.tr("&Reason:"), self.reason)
        self.refund.toggled.connect(self.kind.setEnabled)
        self.kind.setEnabled(False)

    def choice(self) -> ExcessChoice:
        return ExcessChoice.REFUND if self.refund.isChecked() else ExcessChoice.ADVANCE


class RefundAdvanceDialog(_FormDialog):
    def __init__(self, balance: int, parent: QWidget | None = None, *, paid_by: PaymentKind | None = None) -> None:
        super().__init__(self.tr("Refund of the advance"), self.tr("Refund"), parent)
        self.balance = balance
        self.note.setText(self.tr("On the customer's advance: {0}").format(format_amount(balance)))
        self.amount = AmountEdit()
        self.amount.set_amount(balance)
        self.kind = kind_combo(REFUND_KINDS, paid_by)
        self.reason = QLineEdit()
        self.form.addRow(self.tr("&Amount, ₽:"), self.amount)
        self.form.addRow(self.tr("Refund &by:"), self.kind)
        self.form.addRow(self.tr("&Reason:"), self.reason)
        self.amount.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        problem = self.amount.error
        if not problem and not self.amount.value:
            problem = self.tr("The amount must be greater than zero")
        if not problem and (self.amount.value or 0) > self.balance:
            problem = self.tr("Only {0} is on the advance").format(format_amount(self.balance))
        self.error.setText(problem)
        self.ok.setEnabled(not problem)


class CashDialog(_FormDialog):
    """Cash put into (in) or taken out of (out) the register's drawer."""

    def __init__(self, cash_in: bool, parent: QWidget | None = None) -> None:
        title = self.tr("Cash in") if cash_in else self.tr("Cash out")
        super().__init__(title, title, parent)
        self.note.setText(self.tr("The register prints a cash-in document.") if cash_in
                          else self.tr("The register prints a cash-out document."))
        self.amount = AmountEdit()
        self.form.addRow(self.tr("&Amount, ₽:"), self.amount)
        self.amount.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        problem = self.amount.error or ("" if self.amount.value else self.tr("The amount must be greater than zero"))
        self.error.setText(problem if self.amount.text() else "")
        self.ok.setEnabled(not problem)


class HandoverDialog(_FormDialog):
    """What a driver hands in at the end of the day: cash counted and card slips."""

    def __init__(self, driver: str, collected_cash: int, collected_card: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Driver handover"), self.tr("Receive"), parent)
        self.note.setText(self.tr("{0} collected at the doors: cash {1}, card {2}.").format(
            driver, format_amount(collected_cash), format_amount(collected_card)))
        self.cash, self.card = AmountEdit(), AmountEdit()
        self.cash.set_amount(collected_cash)
        self.card.set_amount(collected_card)
        self.remark = QLineEdit()
        self.form.addRow(self.tr("&Cash counted, ₽:"), self.cash)
        self.form.addRow(self.tr("Car&d slips, ₽:"), self.card)
        self.form.addRow(self.tr("&Note:"), self.remark)
        self.cash.changed.connect(self._update)
        self.card.changed.connect(self._update)
        self._update()

    def amounts(self) -> tuple[int, int]:
        return self.cash.value or 0, self.card.value or 0

    def _update(self) -> None:
        problem = self.cash.error or self.card.error
        if not problem and not sum(self.amounts()):
            problem = self.tr("The amount must be greater than zero")
        self.error.setText(problem)
        self.ok.setEnabled(not problem)
