"""Route sheet cells: stop order, times, what to collect, loading list with supplier pickups first."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import load_workbook

from omnidesk.integrations.excel.route_sheets import RouteSheet, SheetStop, loading_order, write_route_sheets

STOPS = (
    SheetStop(1, "pickup", "09:20", "09:00–18:00", "10201", "Склад «Водопад»", "Люберцы, ул. Красная, 1", "", 0,
              ("Котёл Baxi × 1 шт",), 40, "Склад «Водопад»"),
    SheetStop(2, "delivery", "10:05", "10:00–12:00", "10202", "Иванов Иван", "Москва, ул. Лескова, д. 1",
              "+79160000001", 1245000, ("Смеситель × 2 шт", "Труба ПП × 10 м"), 12),
    SheetStop(3, "delivery", "11:10", "11:00–13:00", "10201", "ООО «Тепло»", "Москва, ул. Бутырская, д. 5",
              "+74950000002", 0, ("Котёл Baxi × 1 шт",), 40),
    SheetStop(4, "carrier", "12:30", "", "10203", "Петров", "СДЭК, Москва, ул. Складочная, 1", "", 0,
              ("Радиатор × 1 шт",), 15, "СДЭК 1234567890"),
)
SHEET = RouteSheet("Смирнов Алексей", "+79165550100", "А123ВС777, ГАЗель Next", "10.03.2026", "08:40", "15:10",
                   "84,2", STOPS)


def test_loading_list_takes_supplier_goods_first_and_own_goods_in_reverse():
    pickups, loaded = loading_order(SHEET)
    assert [stop.order for stop in pickups] == ["10201"]
    assert [stop.order for stop in loaded] == ["10203", "10202"]


def test_route_sheet_cells(tmp_path):
    path = write_route_sheets([SHEET, SHEET], tmp_path / "sheets.xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Смирнов", "Смирнов 2"]
    ws = workbook["Смирнов"]
    assert ws["A1"].value == "Маршрутный лист на 10.03.2026"
    assert "Смирнов Алексей" in ws["A2"].value and "А123ВС777" in ws["A3"].value
    assert [ws.cell(6, c).value for c in (1, 2, 9)] == ["№", "Прибытие", "Получить"]
    assert [ws.cell(r, 5).value for r in range(7, 11)] == ["10201", "10202", "10201", "10203"]
    assert ws["D7"].value == "забор у поставщика" and ws["D10"].value == "передача в ТК (СДЭК 1234567890)"
    assert ws["I8"].value == Decimal("12450.00") or ws["I8"].value == 12450
    assert ws["I8"].number_format.endswith('"₽"')
    assert ws["J8"].value == "Смеситель × 2 шт\nТруба ПП × 10 м"
    assert ws["H11"].value == "Итого получить:" and ws["I11"].value == 12450
    texts = [ws.cell(r, 1).value for r in range(12, ws.max_row + 1)]
    assert "Лист погрузки" in texts and "Сначала забрать у поставщиков:" in texts
    first_own = texts.index("На своём складе грузить в обратном порядке остановок (первым — последняя):")
    assert texts.index("Сначала забрать у поставщиков:") < first_own
    own_rows = [r for r in range(12 + first_own + 2, ws.max_row + 1) if ws.cell(r, 3).value]
    assert [ws.cell(r, 3).value for r in own_rows] == ["10203", "10202"]
    assert ws.cell(ws.max_row, 1).value.startswith("Лист выдал")  # the signature line closes the sheet
