"""Translated names of the domain's enumerations, for tables and filters."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from omnidesk.core.enums import CustomerKind, OrderSource, OrderStatus, PaymentKind

_STATUS = {
    OrderStatus.NEW: QT_TRANSLATE_NOOP("labels", "New"),
    OrderStatus.CONFIRMED: QT_TRANSLATE_NOOP("labels", "Confirmed"),
    OrderStatus.ASSEMBLING: QT_TRANSLATE_NOOP("labels", "Assembling"),
    OrderStatus.READY: QT_TRANSLATE_NOOP("labels", "Ready to ship"),
    OrderStatus.SHIPPED: QT_TRANSLATE_NOOP("labels", "Out for delivery"),
    OrderStatus.DELIVERED: QT_TRANSLATE_NOOP("labels", "Delivered"),
    OrderStatus.PARTIALLY_DELIVERED: QT_TRANSLATE_NOOP("labels", "Partly delivered"),
    OrderStatus.REFUSED: QT_TRANSLATE_NOOP("labels", "Refused"),
    OrderStatus.CANCELLED: QT_TRANSLATE_NOOP("labels", "Cancelled"),
}

_KIND = {
    CustomerKind.INDIVIDUAL: QT_TRANSLATE_NOOP("labels", "Individual"),
    CustomerKind.SOLE_TRADER: QT_TRANSLATE_NOOP("labels", "Sole trader"),
    CustomerKind.COMPANY: QT_TRANSLATE_NOOP("labels", "Company"),
}

_SOURCE = {
    OrderSource.OWN_WAREHOUSE: QT_TRANSLATE_NOOP("labels", "Own warehouse"),
    OrderSource.SUPPLIER: QT_TRANSLATE_NOOP("labels", "Supplier's warehouse"),
}

_PAYMENT_KIND = {
    PaymentKind.CASH: QT_TRANSLATE_NOOP("labels", "cash"),
    PaymentKind.CARD: QT_TRANSLATE_NOOP("labels", "card"),
    PaymentKind.SBP: QT_TRANSLATE_NOOP("labels", "SBP"),
    PaymentKind.TRANSFER: QT_TRANSLATE_NOOP("labels", "bank transfer"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def status_label(status: OrderStatus) -> str:
    return _tr(_STATUS[status])


def kind_label(kind: CustomerKind) -> str:
    return _tr(_KIND[kind])


def source_label(source: OrderSource) -> str:
    return _tr(_SOURCE[source])


def payment_kind_label(kind: PaymentKind) -> str:
    return _tr(_PAYMENT_KIND[kind])
