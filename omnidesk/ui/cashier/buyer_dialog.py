"""«Покупатель в чеке…»: the buyer (1227 name, 1228 INN) and the contact (1008) of one receipt not yet printed."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from omnidesk.core.errors import OmniDeskError
from omnidesk.core.inn import is_valid_inn
from omnidesk.core.money import format_amount
from omnidesk.services.receipt_edits import buyer_contact
from omnidesk.services.receipts import ReceiptView

from .money_dialogs import _FormDialog


class BuyerDialog(_FormDialog):
    def __init__(self, receipt: ReceiptView, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Buyer on receipt No. {0}").format(receipt.id), self.tr("Save"), parent)
        plan = receipt.plan
        self.note.setText(self.tr("For this receipt only: «{0}» for {1}, customer {2}. The customer's card does not "
                                  "change.").format(plan.kind.label, format_amount(plan.total), receipt.customer_name))
        self.name = QLineEdit(plan.buyer_name or "")
        self.name.setMaxLength(64)
        self.name.setPlaceholderText(self.tr("e.g. ООО «Тепломонтаж» or Иванов Иван Иванович"))
        self.inn = QLineEdit(plan.buyer_inn or "")
        self.inn.setMaxLength(12)
        self.inn.setPlaceholderText(self.tr("10 digits for a company, 12 for a person"))
        self.contact = QLineEdit(plan.buyer_contact or "")
        self.contact.setMaxLength(64)
        self.contact.setPlaceholderText(self.tr("e-mail or phone: the receipt is sent there"))
        self.form.addRow(self.tr("Buyer &name:"), self.name)
        self.form.addRow(self.tr("Buyer &INN:"), self.inn)
        self.form.addRow(self.tr("E-mail or &phone:"), self.contact)

    def values(self) -> tuple[str, str, str]:
        """(name, INN, contact) as typed, trimmed; empty clears."""
        return self.name.text().strip(), self.inn.text().strip(), self.contact.text().strip()

    def accept(self) -> None:
        name, inn, contact = self.values()
        if inn and not is_valid_inn(inn):
            return self._refuse(self.inn, self.tr("INN «{0}» is not valid: 10 or 12 digits with correct check "
                                                  "digits.").format(inn))
        if inn and not name:
            return self._refuse(self.name, self.tr("With an INN the receipt also needs the buyer's name."))
        if contact:
            try:
                buyer_contact(contact)
            except OmniDeskError as exc:
                return self._refuse(self.contact, str(exc))
        super().accept()

    def _refuse(self, field: QLineEdit, text: str) -> None:
        self.error.setText(text)
        field.setFocus()
        field.selectAll()
