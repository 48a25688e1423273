"""The delivery outcome of one order (lines accepted or refused, money collected, what to do with
the excess) and a later return of delivered goods."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from omnidesk.core.enums import PaymentKind
from omnidesk.core.money import format_amount
from omnidesk.core.receipts import format_quantity
from omnidesk.services.dto import OrderDetail, OrderLineView
from omnidesk.services.ledger import ExcessChoice

from ..labels import payment_kind_label
from .widgets import AmountEdit, error_label

DOOR_KINDS = (PaymentKind.CASH, PaymentKind.CARD)
REFUND_KINDS = (PaymentKind.CASH, PaymentKind.CARD, PaymentKind.TRANSFER)


@dataclass(frozen=True)
class DeliveryRequest:
    refused: dict[int, int]  # line number → thousandths refused
    collected: int
    kind: PaymentKind
    excess: ExcessChoice
    refund_kind: PaymentKind
    driver_id: int | None


def part_amount(line: OrderLineView, quantity_milli: int) -> int:
    """Kopecks of part of a line, rounded down as the receipt plan does."""
    return line.amount * quantity_milli // line.quantity_milli


def kind_combo(kinds, paid_by: PaymentKind | None = None) -> QComboBox:
    """Ways to pay back, the one the customer paid by chosen (money goes back the way it came)."""
    combo = QComboBox()
    for kind in kinds:
        combo.addItem(payment_kind_label(kind), kind)
    if paid_by is not None:
        back = PaymentKind.CARD if paid_by is PaymentKind.SBP else paid_by
        combo.setCurrentIndex(max(combo.findData(back), 0))
    return combo


def last_paid_by(detail: OrderDetail) -> PaymentKind | None:
    """How the order was last paid for (its newest payment), if it was."""
    payments = sorted(detail.payments, key=lambda p: p.received_at)
    return payments[-1].kind if payments else None


class LinesDialog(QDialog):
    """Each line of an order with a quantity to take off it (refused or returned)."""

    QUANTITY_TITLE = ""

    def __init__(self, detail: OrderDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = detail
        self.resize(720, 520)
        self.spins: list[tuple[OrderLineView, QDoubleSpinBox]] = []
        self.lines_box = QGroupBox()
        grid = QGridLayout(self.lines_box)
        for column, title in enumerate((self.tr("Item"), self.tr("Ordered"), self.tr("Price"), self.quantity_title())):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        for number, line in enumerate(detail.lines, start=1):
            spin = QDoubleSpinBox()
            spin.setDecimals(3 if line.quantity_milli % 1000 else 0)
            spin.setRange(0, line.quantity_milli / 1000)
            spin.setSuffix(f" {line.unit}")
            spin.valueChanged.connect(self._update)
            grid.addWidget(QLabel(line.name), number, 0)
            grid.addWidget(QLabel(f"{format_quantity(line.quantity_milli)} {line.unit}"), number, 1)
            grid.addWidget(QLabel(format_amount(line.price)), number, 2)
            grid.addWidget(spin, number, 3)
            self.spins.append((line, spin))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def quantity_title(self) -> str:
        return ""

    def taken(self) -> dict[int, int]:
        """Line number → thousandths taken off (refused or returned), non-zero only."""
        result = {}
        for line, spin in self.spins:
            milli = round(spin.value() * 1000)
            if milli:
                result[line.line_no] = milli
        return result

    def taken_value(self) -> int:
        by_no = {line.line_no: line for line, _s in self.spins}
        return sum(part_amount(by_no[no], milli) for no, milli in self.taken().items())

    def _update(self) -> None:
        raise NotImplementedError


class DeliveryDialog(LinesDialog):
    def __init__(self, detail: OrderDetail, drivers: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(detail, parent)
        self.setWindowTitle(self.tr("Delivery outcome — order No. {0}").format(detail.row.number))
        self.lines_box.setTitle(self.tr("Refused at the door (0 — everything accepted)"))
        self.collected = AmountEdit(allow_empty=True)
        self.kind = kind_combo(DOOR_KINDS)
        self.driver = QComboBox()
        self.driver.addItem(self.tr("— not recorded —"), None)
        for driver_id, name in drivers:
            self.driver.addItem(name, driver_id)
        self.keep = QRadioButton(self.tr("keep as the customer's advance"))
        self.refund = QRadioButton(self.tr("refund to the customer"))
        self.keep.setChecked(True)
        self._group = QButtonGroup(self)
        for button in (self.keep, self.refund):
            self._group.addButton(button)
        self.refund_kind = kind_combo(REFUND_KINDS, last_paid_by(detail))
        self._layout()
        self.ok.setText(self.tr("Record"))
        self._collected_by_hand = False  # until the cashier types a sum, it follows what is due
        self.collected.textEdited.connect(lambda _t: setattr(self, "_collected_by_hand", True))
        self.collected.changed.connect(self._update)
        self.refund.toggled.connect(self._update)
        self._update()

    def quantity_title(self) -> str:
        return self.tr("Refused")

    def _layout(self) -> None:
        money = QFormLayout()
        pay = QHBoxLayout()
        pay.addWidget(self.collected, 1)
        pay.addWidget(self.kind)
        label = QLabel(self.tr("&Collected at the door, ₽:"))
        label.setBuddy(self.collected)  # a row holding a layout gets no buddy of its own
        money.addRow(label, pay)
        money.addRow(self.tr("&Driver:"), self.driver)
        self.excess_box = QGroupBox(self.tr("Prepayment for refused goods"))
        excess = QHBoxLayout(self.excess_box)
        excess.addWidget(self.keep)
        excess.addWidget(self.refund)
        excess.addWidget(self.refund_kind)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lines_box)
        layout.addLayout(money)
        layout.addWidget(self.excess_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def accepted_total(self) -> int:
        return self.detail.row.total - self.taken_value()

    def due(self) -> int:
        return max(self.accepted_total() - self.detail.row.paid, 0)

    def excess(self) -> int:
        return max(self.detail.row.paid - self.accepted_total(), 0)

    def _update(self) -> None:
        due, excess = self.due(), self.excess()
        if not self._collected_by_hand and self.collected.value != due:
            self.collected.set_amount(due)  # re-enters _update through ``changed``
            return
        self.excess_box.setVisible(excess > 0)
        self.refund_kind.setEnabled(self.refund.isChecked())
        text = self.tr("Accepted goods: {0} · prepaid: {1} · to collect at the door: {2}").format(
            format_amount(self.accepted_total()), format_amount(self.detail.row.paid), format_amount(due))
        if excess:
            text += "\n" + self.tr("Prepayment with no goods behind it: {0}").format(format_amount(excess))
        self.summary.setText(text)
        problem = self.collected.error
        if not problem and (self.collected.value or 0) > due:
            problem = self.tr("Collected {0} is more than the {1} due: register the rest as a separate payment").format(
                format_amount(self.collected.value or 0), format_amount(due))
        self.error.setText(problem)
        self.ok.setEnabled(not problem)

    def request(self) -> DeliveryRequest:
        return DeliveryRequest(
            refused=self.taken(), collected=self.collected.value or 0, kind=self.kind.currentData(),
            excess=ExcessChoice.REFUND if self.refund.isChecked() else ExcessChoice.ADVANCE,
            refund_kind=self.refund_kind.currentData(), driver_id=self.driver.currentData(),
        )


class ReturnDialog(LinesDialog):
    """Delivered goods brought back: which, how many, and how the money goes back."""

    def __init__(self, detail: OrderDetail, parent: QWidget | None = None) -> None:
        super().__init__(detail, parent)
        self.setWindowTitle(self.tr("Return of goods — order No. {0}").format(detail.row.number))
        self.lines_box.setTitle(self.tr("Returned quantities"))
        self.kind = kind_combo(REFUND_KINDS, last_paid_by(detail))
        form = QFormLayout()
        form.addRow(self.tr("Pay &back by:"), self.kind)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lines_box)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.ok.setText(self.tr("Return"))
        self._update()

    def quantity_title(self) -> str:
        return self.tr("Returned")

    def _update(self) -> None:
        value = self.taken_value()
        self.summary.setText(self.tr("Goods returned: {0}").format(format_amount(value)))
        self.error.setText("" if value else self.tr("Enter the quantity returned"))
        self.ok.setEnabled(bool(value))
