"""A correction receipt: what was missed (order lines or a sum), its date (1178), on whose initiative."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from omnidesk.core.money import format_amount
from omnidesk.core.receipts import Operation
from omnidesk.services.dto import OrderDetail

from .delivery_dialog import part_amount
from .widgets import AmountEdit, error_label


@dataclass(frozen=True)
class CorrectionRequest:
    operation: Operation
    date: dt.date
    reason: str
    electronic: bool
    order_number: str | None
    lines: dict[int, int] | None
    amount: int | None
    order_document: str | None


class CorrectionDialog(QDialog):
    """``detail``: the selected order (its lines can be picked) or None (a sum only)."""

    def __init__(self, detail: OrderDetail | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = detail
        self.setWindowTitle(self.tr("Correction receipt"))
        self.resize(680, 560)
        self._make_fields()
        for pair in ((self.goods, self.money), (self.self_initiated, self.by_order)):
            group = QButtonGroup(self)  # two independent choices: each pair excludes only itself
            for button in pair:
                group.addButton(button)
        self.total_label = QLabel()
        self.error = error_label()
        self.spins: list[tuple[object, QDoubleSpinBox]] = []
        self._build()
        self.self_initiated.setChecked(True)
        (self.goods if detail else self.money).setChecked(True)
        self.goods.setEnabled(detail is not None)
        for signal in (self.goods.toggled, self.by_order.toggled, self.reason.textChanged, self.document.textChanged,
                       self.amount.changed):
            signal.connect(self._update)
        self._update()

    def _make_fields(self) -> None:
        self.operation = QComboBox()
        self.operation.addItem(self.tr("Income (money received)"), Operation.INCOME)
        self.operation.addItem(self.tr("Income return (money paid back)"), Operation.INCOME_RETURN)
        self.goods = QRadioButton(self.tr("goods of the order (full settlement)"))
        self.money = QRadioButton(self.tr("a sum without goods (advance)"))
        self.amount = AmountEdit()
        self.electronic = QComboBox()
        self.electronic.addItem(self.tr("cash"), False)
        self.electronic.addItem(self.tr("non-cash (card, SBP, transfer)"), True)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yyyy")
        self.date.setMaximumDate(QDate.currentDate())
        self.self_initiated = QRadioButton(self.tr("on our own initiative"))
        self.by_order = QRadioButton(self.tr("by order of the tax office No."))
        self.document = QLineEdit()
        self.document.setMaxLength(32)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the delivery receipt was not printed"))

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Operation:"), self.operation)
        form.addRow(self.tr("What was missed:"), self.goods)
        form.addRow("", self.money)
        self._build_lines()
        money = QFormLayout()
        money.addRow(self.tr("&Sum, ₽:"), self.amount)
        money.addRow(self.tr("&Paid:"), self.electronic)
        money.addRow(self.tr("&Date of the missed settlement:"), self.date)
        money.addRow(self.tr("Correction:"), self.self_initiated)
        money.addRow(self.by_order, self.document)
        money.addRow(self.tr("&Reason:"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Create the receipt"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lines_box)
        layout.addLayout(money)
        layout.addWidget(self.total_label)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _build_lines(self) -> None:
        self.lines_box = QGroupBox(self.tr("Lines of order No. {0}").format(self.detail.row.number) if self.detail
                                   else self.tr("No order selected"))
        grid = QGridLayout(self.lines_box)
        for number, line in enumerate(self.detail.lines if self.detail else (), start=0):
            spin = QDoubleSpinBox()
            spin.setDecimals(3 if line.quantity_milli % 1000 else 0)
            spin.setRange(0, line.quantity_milli / 1000)
            spin.setSuffix(f" {line.unit}")
            spin.valueChanged.connect(self._update)
            grid.addWidget(QLabel(line.name), number, 0)
            grid.addWidget(QLabel(format_amount(line.price)), number, 1)
            grid.addWidget(spin, number, 2)
            self.spins.append((line, spin))

    def lines(self) -> dict[int, int]:
        return {line.line_no: round(spin.value() * 1000) for line, spin in self.spins if spin.value()}

    def total(self) -> int:
        if self.goods.isChecked():
            by_no = {line.line_no: line for line, _s in self.spins}
            return sum(part_amount(by_no[no], milli) for no, milli in self.lines().items())
        return self.amount.value or 0

    def problem(self) -> str:
        if self.goods.isChecked() and not self.lines():
            return self.tr("Pick the lines that were not fiscalised")
        if self.money.isChecked() and (self.amount.error or not self.amount.value):
            return self.amount.error or self.tr("The amount must be greater than zero")
        if self.by_order.isChecked() and not self.document.text().strip():
            return self.tr("Enter the number of the tax office's order")
        if not self.reason.text().strip():
            return self.tr("Say what is being corrected")
        return ""

    def _update(self) -> None:
        self.lines_box.setEnabled(self.goods.isChecked())
        self.amount.setEnabled(self.money.isChecked())
        self.document.setEnabled(self.by_order.isChecked())
        problem = self.problem()
        self.total_label.setText(self.tr("Correction receipt total: {0}").format(format_amount(self.total())))
        self.error.setText(problem)
        self.ok.setEnabled(not problem)

    def request(self) -> CorrectionRequest:
        goods = self.goods.isChecked()
        return CorrectionRequest(
            operation=self.operation.currentData(), date=self.date.date().toPython(), reason=self.reason.text().strip(),
            electronic=self.electronic.currentData(), order_number=self.detail.row.number if self.detail else None,
            lines=self.lines() if goods else None, amount=None if goods else self.amount.value,
            order_document=self.document.text().strip() if self.by_order.isChecked() else None,
        )
