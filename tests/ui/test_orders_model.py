import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from omnidesk.core.enums import CustomerKind, OrderSource, OrderStatus
from omnidesk.services.dto import OrderRow
from omnidesk.ui.orders.model import ROW_ROLE, OrdersProxyModel, OrdersTableModel

D1, D2 = dt.date(2026, 3, 10), dt.date(2026, 3, 11)


def row(i: int, name: str, total: int, paid: int, date=D1, status=OrderStatus.READY, start=600) -> OrderRow:
    return OrderRow(i, str(10000 + i), i, name, CustomerKind.INDIVIDUAL, None, f"+7916000{i:04d}", total, paid,
                    status, date, start, start + 120, f"Москва, ул. Тестовая, д. {i}", 1000, OrderSource.OWN_WAREHOUSE, total)


ROWS = [
    row(1, "Иванов Иван", 1245000, 0),
    row(2, "Петрова Анна", 318050, 318050, date=D2, status=OrderStatus.CONFIRMED, start=540),
    row(3, "ООО «АкваСтрой»", 2790000, 1000000, status=OrderStatus.SHIPPED),
    row(4, "Сидоров Пётр", 99900, 0, date=D2, start=900),
]


@pytest.fixture
def model(qtbot):
    m = OrdersTableModel()
    m.set_rows(ROWS)
    return m


def shown(m: OrdersTableModel) -> list[str]:
    return [m.data(m.index(r, 0)) for r in range(m.rowCount())]


def test_passes_qt_model_tester(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)
    proxy = OrdersProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)


def test_model_tester_while_filtering_and_appending(qtmodeltester, qtbot):
    m = OrdersTableModel()
    qtmodeltester.check(m, force_py=True)
    m.set_rows(ROWS[:2])
    m.append_rows(ROWS[2:])
    m.set_filter(text="ива")
    m.sort(5, Qt.SortOrder.DescendingOrder)
    m.append_rows([row(5, "Иваненко Ольга", 100, 0)])
    assert shown(m) == ["10001", "10005"]


def test_money_is_shown_in_russian(model):
    assert model.data(model.index(0, 5)) == "12\u00a0450,00\u00a0₽"
    assert model.data(model.index(0, 7)) == "12\u00a0450,00\u00a0₽"
    assert model.data(model.index(1, 7)) == "0,00\u00a0₽"
    assert model.data(model.index(0, 1)) == "10.03.2026"
    assert model.data(model.index(0, 2)) == "10:00–12:00"
    assert model.data(model.index(0, 0), ROW_ROLE) is ROWS[0]
    assert model.data(model.index(0, 5), Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)


def test_search_as_you_type_matches_every_word(model):
    model.set_filter(text="ива")
    assert shown(model) == ["10001"]
    model.set_filter(text="аквастрой")
    assert shown(model) == ["10003"]
    model.set_filter(text="10002")
    assert shown(model) == ["10002"]
    model.set_filter(text="тестовая 4")
    assert shown(model) == ["10004"]
    model.set_filter(text="9160000003")
    assert shown(model) == ["10003"]
    model.set_filter(text="")
    assert model.rowCount() == 4


def test_date_and_status_filters_combine_with_text(model):
    model.set_filter(date=D2)
    assert shown(model) == ["10002", "10004"]
    model.set_filter(status=OrderStatus.CONFIRMED)
    assert shown(model) == ["10002"]
    model.set_filter(date=None, status=None, text="ООО")
    assert shown(model) == ["10003"]
    assert model.visible_totals() == (2790000, 1790000)


def test_sorting_through_the_proxy(model):
    proxy = OrdersProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(7, Qt.SortOrder.DescendingOrder)  # by due
    assert [proxy.index(r, 0).data() for r in range(4)] == ["10003", "10001", "10004", "10002"]
    proxy.sort(1, Qt.SortOrder.AscendingOrder)  # by date, then window
    assert [proxy.index(r, 0).data() for r in range(4)] == ["10001", "10003", "10002", "10004"]


def test_numbers_sort_as_numbers(qtbot):
    m = OrdersTableModel()
    m.set_rows([replace(row(1, "a", 1, 0), number="10231"), replace(row(2, "b", 1, 0), number="9999")])
    m.sort(0, Qt.SortOrder.AscendingOrder)
    assert shown(m) == ["9999", "10231"]


def test_a_payment_repaints_its_row_without_moving_any(qtbot, model):
    model.sort(1, Qt.SortOrder.AscendingOrder)
    before = shown(model)
    layouts, repainted = [], []
    model.layoutChanged.connect(lambda *a: layouts.append(a))
    model.dataChanged.connect(lambda top, bottom, *a: repainted.append((top.row(), bottom.row(), bottom.column())))
    paid = replace(ROWS[0], paid=245000)
    model.update_rows([paid])
    assert layouts == []
    row_of_10001 = before.index("10001")
    assert repainted == [(row_of_10001, row_of_10001, model.columnCount() - 1)]
    assert shown(model) == before
    assert model.data(model.index(row_of_10001, 7)) == "10\u00a0000,00\u00a0₽"
    assert model.visible_totals()[1] == sum(r.due for r in ROWS) - 245000


def test_a_change_of_the_sort_key_or_the_filter_moves_the_row(qtbot, model):
    model.sort(7, Qt.SortOrder.DescendingOrder)
    assert shown(model)[0] == "10003"
    layouts = []
    model.layoutChanged.connect(lambda *a: layouts.append(a))
    model.update_rows([replace(ROWS[2], paid=2790000)])
    assert len(layouts) == 1
    assert shown(model)[:2] == ["10001", "10004"]
    model.set_filter(status=OrderStatus.SHIPPED)
    model.update_rows([replace(ROWS[2], status=OrderStatus.DELIVERED, paid=2790000)])
    assert shown(model) == []
