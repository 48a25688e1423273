"""The receipt plan's vocabulary: FFD 1.2 codes, order snapshots in, planned receipts out.

Money is integer kopecks and quantities integer thousandths (``quantity_milli``); a float
anywhere is refused. The dataclasses are frozen and check their own invariants, so a plan
that exists is a plan the fiscal register accepts: its payments add up to its total.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from ..enums import PaymentSubject
from ..vat import VatRate
from .errors import ReceiptPlanError, UnbalancedReceipt

NAME_MAX = 128  # tag 1030
CONTACT_MAX = 64  # tag 1008
ORDER_DOC_MAX = 32  # tag 1179


class Operation(enum.IntEnum):
    """Tag 1054, признак расчёта."""

    INCOME = 1
    INCOME_RETURN = 2

    @property
    def label(self) -> str:
        return "Приход" if self is Operation.INCOME else "Возврат прихода"


class Method(enum.IntEnum):
    """Tag 1214, способ расчёта."""

    FULL_PREPAYMENT = 1
    PREPAYMENT = 2
    ADVANCE = 3
    FULL_SETTLEMENT = 4
    PARTIAL_SETTLEMENT_CREDIT = 5
    CREDIT_TRANSFER = 6
    CREDIT_PAYMENT = 7

    @property
    def label(self) -> str:
        return _METHOD_LABELS[self]

    @property
    def is_prepayment(self) -> bool:
        """Money before the goods: 1214 = 1, 2 or 3 (calculated VAT rate on the receipt)."""
        return self in (Method.FULL_PREPAYMENT, Method.PREPAYMENT, Method.ADVANCE)

    @property
    def hands_over_goods(self) -> bool:
        """The goods change hands: 1214 = 4, 5 or 6 (normal VAT rate)."""
        return self in (Method.FULL_SETTLEMENT, Method.PARTIAL_SETTLEMENT_CREDIT, Method.CREDIT_TRANSFER)


_METHOD_LABELS = {
    Method.FULL_PREPAYMENT: "Предоплата 100 %",
    Method.PREPAYMENT: "Предоплата",
    Method.ADVANCE: "Аванс",
    Method.FULL_SETTLEMENT: "Полный расчёт",
    Method.PARTIAL_SETTLEMENT_CREDIT: "Частичный расчёт и кредит",
    Method.CREDIT_TRANSFER: "Передача в кредит",
    Method.CREDIT_PAYMENT: "Оплата кредита",
}


class ReceiptKind(str, enum.Enum):
    """Why a receipt exists; the value is what the journal stores (≤ 24 characters)."""

    PREPAYMENT = "prepayment"
    ADVANCE = "advance"
    FINAL = "final"
    PAYMENT_AT_DOOR = "payment_at_door"
    PREPAYMENT_REFUND = "prepayment_refund"
    GOODS_REFUND = "goods_refund"
    ADVANCE_REFUND = "advance_refund"
    CONVERSION_RETURN = "conversion_return"
    CONVERSION_ADVANCE = "conversion_advance"
    CORRECTION = "correction"
    CREDIT_PAYMENT = "credit_payment"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def operation(self) -> Operation | None:
        """The 1054 this kind always has (None for a correction, which may have any)."""
        return _KIND_OPERATIONS.get(self)


_KIND_LABELS = {
    ReceiptKind.PREPAYMENT: "Предоплата",
    ReceiptKind.ADVANCE: "Аванс",
    ReceiptKind.FINAL: "Полный расчёт с зачётом предоплаты",
    ReceiptKind.PAYMENT_AT_DOOR: "Оплата при получении",
    ReceiptKind.PREPAYMENT_REFUND: "Возврат предоплаты",
    ReceiptKind.GOODS_REFUND: "Возврат товара",
    ReceiptKind.ADVANCE_REFUND: "Возврат аванса",
    ReceiptKind.CONVERSION_RETURN: "Возврат предоплаты для зачёта в аванс",
    ReceiptKind.CONVERSION_ADVANCE: "Аванс из возвращённой предоплаты",
    ReceiptKind.CORRECTION: "Чек коррекции",
    ReceiptKind.CREDIT_PAYMENT: "Оплата кредита",
}

_KIND_OPERATIONS = {
    ReceiptKind.PREPAYMENT: Operation.INCOME,
    ReceiptKind.ADVANCE: Operation.INCOME,
    ReceiptKind.FINAL: Operation.INCOME,
    ReceiptKind.PAYMENT_AT_DOOR: Operation.INCOME,
    ReceiptKind.PREPAYMENT_REFUND: Operation.INCOME_RETURN,
    ReceiptKind.GOODS_REFUND: Operation.INCOME_RETURN,
    ReceiptKind.ADVANCE_REFUND: Operation.INCOME_RETURN,
    ReceiptKind.CONVERSION_RETURN: Operation.INCOME_RETURN,
    ReceiptKind.CONVERSION_ADVANCE: Operation.INCOME,
    ReceiptKind.CREDIT_PAYMENT: Operation.INCOME,
}


class CorrectionType(enum.IntEnum):
    """Tag 1173."""

    SELF = 0  # самостоятельно
    BY_ORDER = 1  # по предписанию


def require_int(what: str, value: object, *, minimum: int | None = None) -> int:
    """``value`` as an int (never a float or bool), at least ``minimum`` if given."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ReceiptPlanError(f"{what}: ожидалось целое число, получено {value!r}")
    if minimum is not None and value < minimum:
        raise ReceiptPlanError(f"{what}: {value} меньше {minimum}")
    return value


def _int_tuple(what: str, values: object) -> tuple[int, ...]:
    if not isinstance(values, Iterable):
        raise ReceiptPlanError(f"{what}: ожидался список целых чисел, получено {values!r}")
    return tuple(require_int(what, item) for item in values)


@dataclass(frozen=True, slots=True)
class Correction:
    """Tags 1173 and 1174 {1178 date of the corrected settlement, 1179 order number}."""

    type: CorrectionType
    date: dt.date
    document_number: str | None = None

    def __post_init__(self) -> None:
        if self.type not in (0, 1) or isinstance(self.type, bool):
            raise ReceiptPlanError(f"тип коррекции (1173) — 0 или 1, а не {self.type!r}")
        object.__setattr__(self, "type", CorrectionType(self.type))
        if isinstance(self.date, dt.datetime) or not isinstance(self.date, dt.date):
            raise ReceiptPlanError("дата корректируемого расчёта (1178) — дата без времени")
        if self.type is CorrectionType.BY_ORDER:
            if not self.document_number or len(self.document_number) > ORDER_DOC_MAX:
                raise ReceiptPlanError("коррекция по предписанию: нужен номер предписания (1179), до 32 знаков")
        elif self.document_number is not None:
            raise ReceiptPlanError("номер предписания (1179) указывают только при коррекции по предписанию")


@dataclass(frozen=True, slots=True)
class OrderLineSnap:
    """One order line as the ledger sees it at the moment of a money operation."""

    id: int
    name: str
    quantity_milli: int
    price: int  # kopecks per unit, VAT included
    amount: int  # kopecks for the whole line (may differ from price × quantity by a discount)
    vat: VatRate
    subject: PaymentSubject
    unit: str = "шт"

    def __post_init__(self) -> None:
        require_int("id строки заказа", self.id)
        require_int(f"количество «{self.name}»", self.quantity_milli, minimum=1)
        require_int(f"цена «{self.name}»", self.price, minimum=0)
        require_int(f"сумма «{self.name}»", self.amount, minimum=0)
        if not isinstance(self.vat, VatRate) or self.vat.is_calculated:
            raise ReceiptPlanError(f"«{self.name}»: у строки заказа обычная ставка НДС, а не {self.vat!r}")
        if not isinstance(self.subject, PaymentSubject):
            raise ReceiptPlanError(f"«{self.name}»: предмет расчёта (1212) не задан")


@dataclass(frozen=True, slots=True)
class OrderSnap:
    id: int
    number: str
    customer_id: int | None
    lines: tuple[OrderLineSnap, ...]

    def __post_init__(self) -> None:
        require_int("id заказа", self.id)
        object.__setattr__(self, "lines", tuple(self.lines))
        if not self.lines:
            raise ReceiptPlanError(f"в заказе №{self.number} нет строк")
        ids = [line.id for line in self.lines]
        if len(set(ids)) != len(ids):
            raise ReceiptPlanError(f"в заказе №{self.number} повторяются id строк")

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    def line(self, line_id: int) -> OrderLineSnap:
        for line in self.lines:
            if line.id == line_id:
                return line
        raise ReceiptPlanError(f"в заказе №{self.number} нет строки с id {line_id}")


@dataclass(frozen=True, slots=True)
class PlanLine:
    """One item of a planned receipt: tags 1030, 1023, 1079, 1043, 1199, 1214, 1212."""

    name: str
    quantity_milli: int
    price: int
    amount: int
    vat: VatRate
    method: Method
    subject: PaymentSubject
    order_line_id: int | None = None
    unit: str = "шт"

    def __post_init__(self) -> None:
        if not self.name or len(self.name) > NAME_MAX:
            raise ReceiptPlanError(f"название позиции (1030) — от 1 до {NAME_MAX} знаков: «{self.name}»")
        require_int(f"количество «{self.name}»", self.quantity_milli, minimum=1)
        require_int(f"цена «{self.name}»", self.price, minimum=0)
        require_int(f"сумма «{self.name}»", self.amount, minimum=1)
        if abs((self.price * self.quantity_milli + 500) // 1000 - self.amount) > 1:
            raise ReceiptPlanError(f"«{self.name}»: цена × количество расходится с суммой больше чем на копейку")
        object.__setattr__(self, "method", Method(self.method))
        self._check_codes()

    def _check_codes(self) -> None:
        if not isinstance(self.vat, VatRate) or not isinstance(self.subject, PaymentSubject):
            raise ReceiptPlanError(f"«{self.name}»: ставка НДС (1199) и предмет расчёта (1212) обязательны")
        untaxed = self.vat in (VatRate.VAT0, VatRate.NONE)
        if self.method.is_prepayment and not (self.vat.is_calculated or untaxed):
            raise ReceiptPlanError(f"«{self.name}»: в чеке предоплаты или аванса НДС по расчётной ставке (22/122…)")
        if not self.method.is_prepayment and self.vat.is_calculated:
            raise ReceiptPlanError(f"«{self.name}»: при передаче товара НДС по обычной ставке, не {self.vat.value}")
        if self.method in (Method.ADVANCE, Method.CREDIT_PAYMENT) and self.subject is not PaymentSubject.PAYMENT:
            raise ReceiptPlanError(f"«{self.name}»: у аванса и оплаты кредита предмет расчёта 10 «Платёж»")


@dataclass(frozen=True, slots=True)
class ReceiptPlan:
    """A receipt that is owed: what to print and why. Payments always add up to the total."""

    kind: ReceiptKind
    operation: Operation
    lines: tuple[PlanLine, ...]
    cash: int  # 1031
    electronic: int  # 1081
    prepayment_offset: int = 0  # 1215
    credit: int = 0  # 1216
    reason: str = ""
    order_ids: tuple[int, ...] = ()
    payment_ids: tuple[int, ...] = ()
    customer_id: int | None = None
    buyer_contact: str | None = None  # 1008
    correction: Correction | None = None  # 1173, 1174
    buyer_name: str | None = None  # 1256 {1227}: organisations and sole traders
    buyer_inn: str | None = None  # 1256 {1228}

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ReceiptKind(self.kind))
        object.__setattr__(self, "operation", Operation(self.operation))
        object.__setattr__(self, "lines", tuple(self.lines))
        object.__setattr__(self, "order_ids", _int_tuple("id заказа", self.order_ids))
        object.__setattr__(self, "payment_ids", _int_tuple("id платежа", self.payment_ids))
        self._check_kind()
        self._check_lines()
        self._check_payments()
        if self.buyer_contact is not None and not 0 < len(self.buyer_contact) <= CONTACT_MAX:
            raise ReceiptPlanError(f"контакт покупателя (1008) — до {CONTACT_MAX} знаков")
        if self.buyer_inn is not None and (not self.buyer_inn.isdigit() or len(self.buyer_inn) not in (10, 12)):
            raise ReceiptPlanError(f"ИНН покупателя (1228) — 10 или 12 цифр, а не «{self.buyer_inn}»")
        if self.buyer_inn and not self.buyer_name:
            raise ReceiptPlanError("у покупателя с ИНН (1228) нужно и наименование (1227)")

    @property
    def total(self) -> int:
        """Tag 1020: the sum of the lines."""
        return sum(line.amount for line in self.lines)

    @property
    def money(self) -> int:
        """Real money that changes hands (cash and electronic), without offsets and credit."""
        return self.cash + self.electronic

    @property
    def signed_money(self) -> int:
        """``money``, negative for an income return: what the customer paid by this receipt."""
        return self.money if self.operation is Operation.INCOME else -self.money

    def _check_kind(self) -> None:
        expected = self.kind.operation
        if expected is not None and expected is not self.operation:
            raise ReceiptPlanError(f"чек «{self.kind.label}» — это «{expected.label}», а не «{self.operation.label}»")
        if (self.kind is ReceiptKind.CORRECTION) != (self.correction is not None):
            raise ReceiptPlanError("основание коррекции (1173, 1174) есть у чека коррекции и только у него")

    def _check_lines(self) -> None:
        if not self.lines:
            raise ReceiptPlanError("в чеке нет ни одной позиции")
        for line in self.lines:
            if not isinstance(line, PlanLine):
                raise ReceiptPlanError(f"позиция чека должна быть PlanLine, а не {type(line).__name__}")

    def _check_payments(self) -> None:
        for what, value in (("наличные (1031)", self.cash), ("безналичные (1081)", self.electronic),
                            ("зачёт предоплаты (1215)", self.prepayment_offset), ("кредит (1216)", self.credit)):
            require_int(what, value, minimum=0)
        paid = self.cash + self.electronic + self.prepayment_offset + self.credit
        if paid != self.total:
            raise UnbalancedReceipt(f"оплата чека {paid} коп. не равна его сумме {self.total} коп.")
        if self.prepayment_offset and not all(line.method.hands_over_goods for line in self.lines):
            raise ReceiptPlanError("зачёт предоплаты (1215) бывает только в чеке передачи товара (признак 4, 5 или 6)")
        credit_methods = (Method.PARTIAL_SETTLEMENT_CREDIT, Method.CREDIT_TRANSFER)
        if self.credit and not any(line.method in credit_methods for line in self.lines):
            raise ReceiptPlanError("кредит (1216) бывает только при передаче в кредит (признак 5 или 6)")
