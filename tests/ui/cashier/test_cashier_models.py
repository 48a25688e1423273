"""The Cashier page's tables under Qt's model tester, and what they show."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from omnidesk.core.enums import CustomerKind, OrderSource, OrderStatus, PaymentSubject, ReceiptStatus
from omnidesk.core.receipts import Method, Operation, PlanLine, ReceiptKind, ReceiptPlan
from omnidesk.core.vat import VatRate
from omnidesk.services.cashier import HandoverRow, SearchHit
from omnidesk.services.dto import LedgerEntry, OrderRow
from omnidesk.services.receipts import ReceiptView
from omnidesk.ui.cashier.models import (
    ROW_ROLE,
    HandoverModel,
    JournalModel,
    LedgerModel,
    OrdersModel,
    ReceiptsModel,
    RowsProxy,
    SearchModel,
)

NOW = dt.datetime(2026, 3, 10, 11, 30)


def order(number: str, total: int, paid: int, status=OrderStatus.READY) -> OrderRow:
    return OrderRow(int(number), number, 1, "Иванов Иван", CustomerKind.INDIVIDUAL, None, "+79161234567", total, paid,
                    status, dt.date(2026, 3, 11), 600, 720, "Москва, ул. Тестовая, д. 1", 1000,
                    OrderSource.OWN_WAREHOUSE, total)


def receipt(rid: int, status: ReceiptStatus, kind="prepayment", total=500000, fd=None) -> ReceiptView:
    line = PlanLine("Смеситель", 1000, total, total, VatRate.VAT22_122, Method.FULL_PREPAYMENT, PaymentSubject.GOODS)
    plan = ReceiptPlan(ReceiptKind(kind), Operation.INCOME, (line,), cash=0, electronic=total,
                       reason="Предоплата по заказу №10001", order_ids=(1,), payment_ids=(7,), customer_id=1,
                       buyer_contact="+79161234567")
    return ReceiptView(rid, plan, status, "Иванов Иван", ("10001",), NOW, fd_number=fd)


MODELS = {
    OrdersModel: [order("10001", 1245000, 0), order("9999", 99900, 99900, OrderStatus.DELIVERED)],
    ReceiptsModel: [receipt(1, ReceiptStatus.PRINTED, fd=3), receipt(2, ReceiptStatus.PLANNED)],
    JournalModel: [receipt(1, ReceiptStatus.PRINTED, fd=3), receipt(3, ReceiptStatus.FAILED)],
    LedgerModel: [LedgerEntry(NOW, "payment", "Поступление: карта", 500000),
                  LedgerEntry(NOW, "allocation", "Зачёт в заказ №10001", -500000)],
    SearchModel: [SearchHit(1, "Иванов Иван", CustomerKind.INDIVIDUAL, None, "+79161234567", None, 0, "иванов"),
                  SearchHit(1, "Иванов Иван", CustomerKind.INDIVIDUAL, "10001", None, None, 1245000, "10001")],
    HandoverModel: [HandoverRow("Сергеев", "№3", 4, 1200000, 1000000, 150000), HandoverRow("", "", 0, 0, 50000, 0)],
}


@pytest.mark.parametrize("model_class", list(MODELS), ids=lambda c: c.__name__)
def test_models_and_proxies_pass_the_model_tester(qtmodeltester, model_class):
    model = model_class()
    qtmodeltester.check(model, force_py=True)
    model.set_rows(MODELS[model_class])
    qtmodeltester.check(model, force_py=True)
    proxy = RowsProxy(model)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    proxy.set_filter(lambda row: True)
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == 2


def test_orders_sort_amounts_as_numbers_and_filter_open_ones():
    model = OrdersModel()
    model.set_rows(MODELS[OrdersModel])
    proxy = RowsProxy(model)
    proxy.sort(3, Qt.SortOrder.AscendingOrder)
    assert [proxy.row_at(r).number for r in range(2)] == ["9999", "10001"]
    assert proxy.index(1, 3).data() == "12\u00a0450,00\u00a0₽"
    assert proxy.index(0, 1).data() == "11.03.2026"
    proxy.set_filter(lambda r: r.status.is_open)
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(ROW_ROLE).number == "10001"


def test_owed_receipts_stand_out_and_sort_first():
    model = ReceiptsModel()
    model.set_rows(MODELS[ReceiptsModel])
    proxy = RowsProxy(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    owed = proxy.index(0, 0)
    assert owed.data(ROW_ROLE).status is ReceiptStatus.PLANNED
    assert owed.data(Qt.ItemDataRole.FontRole).bold()
    assert owed.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert proxy.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None


def test_a_stored_receipt_is_explained_in_russian_for_the_confirmation():
    text = receipt(2, ReceiptStatus.PLANNED).explanation
    assert "Чек 2 — Иванов Иван, заказ №10001" in text
    assert "Приход" in text and "Предоплата 100 %" in text and "22/122" in text
    assert "безналичными: 5\u00a0000,00\u00a0₽" in text
