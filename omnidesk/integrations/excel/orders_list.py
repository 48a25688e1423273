"""The orders list as shown (filtered) on the Orders page, as an Excel sheet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from .cells import BOX, TITLE, WRAP, date, header_row, money, print_setup, text, widths

COLUMNS = ["№ заказа", "Дата доставки", "Окно", "Покупатель", "Телефон", "ИНН", "Сумма", "Оплачено", "К оплате",
           "Статус", "Адрес"]
HEAD = 3


@dataclass(frozen=True, slots=True)
class OrdersListRow:
    number: str
    delivery_date: dt.date | None
    window: str
    customer: str
    phone: str
    inn: str
    total: int
    paid: int
    due: int
    status: str
    address: str


def write_orders_list(rows: list[OrdersListRow], title: str, path: str | Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Заказы"
    text(ws, 1, 1, title, font=TITLE)
    header_row(ws, HEAD, COLUMNS)
    for row, r in enumerate(rows, start=HEAD + 1):
        text(ws, row, 1, r.number, border=BOX)
        date(ws, row, 2, r.delivery_date, border=BOX)
        for col, value in ((3, r.window), (4, r.customer), (5, r.phone), (6, r.inn)):
            text(ws, row, col, value, border=BOX, alignment=WRAP)
        for col, value in ((7, r.total), (8, r.paid), (9, r.due)):
            money(ws, row, col, value, border=BOX)
        text(ws, row, 10, r.status, border=BOX)
        text(ws, row, 11, r.address, border=BOX, alignment=WRAP)
    ws.freeze_panes = ws.cell(HEAD + 1, 1)
    ws.auto_filter.ref = f"A{HEAD}:K{max(HEAD, HEAD + len(rows))}"
    widths(ws, [10, 12, 12, 30, 17, 13, 14, 14, 14, 18, 40])
    print_setup(ws, landscape=True, title_rows=f"{HEAD}:{HEAD}")
    out = Path(path)
    wb.save(out)
    return out
