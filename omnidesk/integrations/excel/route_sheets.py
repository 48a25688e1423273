"""Route sheets and loading lists for drivers as an Excel workbook (openpyxl).

One sheet per driver: the stops in visiting order with times, address, contact, what to collect
and the items; then the loading list: supplier pickups first with what to take, then the goods
loaded at the own warehouse in reverse stop order (the last stop's goods go in first).
Names, addresses and items come from outside (the CRM): every text goes through :func:`.cells.text`,
so none of it ever becomes a formula.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .cells import text

MONEY_FORMAT = '#,##0.00 "₽"'
SHEET_TITLE_FORBIDDEN = set('[]:*?/\\')  # characters a sheet's name cannot hold
KIND_NAMES = {"delivery": "доставка", "pickup": "забор у поставщика", "carrier": "передача в ТК"}
STOP_HEADER = ("№", "Прибытие", "Окно", "Что", "Заказ", "Клиент", "Адрес", "Телефон", "Получить", "Товары", "Вес, кг")
WIDTHS = (5, 10, 13, 18, 10, 28, 40, 17, 14, 50, 9)
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDE6F0")
THIN = Border(bottom=Side(style="thin", color="999999"))


@dataclass(frozen=True)
class SheetStop:
    seq: int
    kind: str  # delivery | pickup | carrier
    arrival: str  # ЧЧ:ММ
    window: str
    order: str
    customer: str
    address: str
    phone: str
    collect: int  # kopecks to take at the door (0 for pickups and prepaid orders)
    items: tuple[str, ...]  # "Смеситель Grohe × 2 шт"
    weight_kg: int
    note: str = ""  # carrier and track number, supplier's name
    door_receipt: tuple[str, ...] = ()  # the receipt to issue at the door and how refusals change it
    wait_min: int = 0  # arriving before the window opens: minutes to wait there

    @property
    def arrival_text(self) -> str:
        """«09:35, ожидание 25 мин» when the driver comes before the window."""
        return f"{self.arrival}, ожидание {self.wait_min} мин" if self.wait_min else self.arrival


@dataclass(frozen=True)
class RouteSheet:
    driver: str
    phone: str
    vehicle: str
    date: str  # ДД.ММ.ГГГГ
    departure: str
    return_time: str
    distance_km: str
    stops: tuple[SheetStop, ...]

    @property
    def to_collect(self) -> int:
        return sum(stop.collect for stop in self.stops)


def write_route_sheets(sheets: list[RouteSheet], path: Path | str) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for sheet in sheets:
        title = _title(sheet.driver, used)
        _route_sheet(workbook.create_sheet(title), sheet)
    if not sheets:
        text(workbook.create_sheet("Маршруты"), 1, 1, "На этот день маршрутов нет")
    path = Path(path)
    workbook.save(path)
    return path


def loading_order(sheet: RouteSheet) -> tuple[list[SheetStop], list[SheetStop]]:
    """Supplier pickups in visiting order, and own-warehouse goods in reverse stop order."""
    pickups = [stop for stop in sheet.stops if stop.kind == "pickup"]
    picked = {stop.order for stop in pickups}
    loaded = [stop for stop in reversed(sheet.stops) if stop.kind != "pickup" and stop.order not in picked]
    return pickups, loaded


def _title(driver: str, used: set[str]) -> str:
    words = "".join(" " if ch in SHEET_TITLE_FORBIDDEN else ch for ch in driver or "").split()
    base = (words[0] if words else "Водитель").strip("'")[:25] or "Водитель"
    title, number = base, 2
    while title in used:
        title, number = f"{base} {number}", number + 1
    used.add(title)
    return title


def _route_sheet(ws: Worksheet, sheet: RouteSheet) -> None:
    text(ws, 1, 1, f"Маршрутный лист на {sheet.date}", font=Font(bold=True, size=14))
    text(ws, 2, 1, f"Водитель: {sheet.driver}, {sheet.phone}")
    text(ws, 3, 1, f"Машина: {sheet.vehicle}")
    text(ws, 4, 1, f"Выезд {sheet.departure}, возврат {sheet.return_time}, {sheet.distance_km} км, "
                   f"остановок: {len(sheet.stops)}")
    row = _table(ws, 6, STOP_HEADER)
    for stop in sheet.stops:
        values = (stop.seq, stop.arrival_text, stop.window, KIND_NAMES.get(stop.kind, stop.kind) + _note(stop),
                  stop.order, stop.customer, stop.address, stop.phone, _rubles(stop.collect), "\n".join(stop.items),
                  stop.weight_kg)
        _row(ws, row, values)
        row = _door_receipt(ws, row + 1, stop)
    text(ws, row, 8, "Итого получить:", font=BOLD)
    total = ws.cell(row, 9, _rubles(sheet.to_collect))
    total.font, total.number_format = BOLD, MONEY_FORMAT
    row = _loading_list(ws, row + 2, sheet)
    ws.cell(row + 1, 1, SIGNATURES)
    for column, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = "A7"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1


def _door_receipt(ws: Worksheet, row: int, stop: SheetStop) -> int:
    """The stop's door receipt under its row, one text line per row; the next free row."""
    for line in stop.door_receipt:
        text(ws, row, 4, line)  # as text, never a formula
        row += 1
    return row


SIGNATURES = ("Лист выдал ______________    Товар получил, водитель ______________    "
              "Деньги и документы сдал ______________    Принял ______________")


def _loading_list(ws: Worksheet, row: int, sheet: RouteSheet) -> int:
    pickups, loaded = loading_order(sheet)
    text(ws, row, 1, "Лист погрузки", font=Font(bold=True, size=13))
    row += 1
    if pickups:
        text(ws, row, 1, "Сначала забрать у поставщиков:", font=BOLD)
        row = _table(ws, row + 1, ("№", "Прибытие", "Склад", "Заказ", "Что взять", "Вес, кг"))
        for stop in pickups:
            _row(ws, row, (stop.seq, stop.arrival, f"{stop.note} — {stop.address}", stop.order,
                           "\n".join(stop.items), stop.weight_kg))
            row += 1
        row += 1
    text(ws, row, 1, "На своём складе грузить в обратном порядке остановок (первым — последняя):", font=BOLD)
    row = _table(ws, row + 1, ("Порядок", "Остановка", "Заказ", "Клиент", "Товары", "Вес, кг"))
    for number, stop in enumerate(loaded, start=1):
        _row(ws, row, (number, stop.seq, stop.order, stop.customer, "\n".join(stop.items), stop.weight_kg))
        row += 1
    return row


def _table(ws: Worksheet, row: int, header: tuple[str, ...]) -> int:
    for column, title in enumerate(header, start=1):
        text(ws, row, column, title, font=BOLD, fill=HEAD_FILL, border=THIN)
    return row + 1


def _row(ws: Worksheet, row: int, values: tuple) -> None:
    for column, value in enumerate(values, start=1):
        alignment = Alignment(vertical="top", wrap_text=isinstance(value, str) and "\n" in value)
        if isinstance(value, str):
            text(ws, row, column, value, alignment=alignment)
            continue
        cell = ws.cell(row, column, value)  # numbers and amounts only
        cell.alignment = alignment
        if isinstance(value, Decimal):
            cell.number_format = MONEY_FORMAT


def _rubles(kopecks: int) -> Decimal:
    return (Decimal(kopecks) / 100).quantize(Decimal("0.01"))


def _note(stop: SheetStop) -> str:
    return f" ({stop.note})" if stop.note and stop.kind == "carrier" else ""
