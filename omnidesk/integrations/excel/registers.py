"""Flat registers: the payments of a period and the unmatched incoming transfers."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from .cells import BOLD, BOX, TITLE, WRAP, date, fit_rows, header_row, money, print_setup, save, text, widths
from .model import PaymentsRegister, UnmatchedTransfers

PAYMENT_COLUMNS = ["№", "Дата", "Вид", "Покупатель", "ИНН", "Плательщик", "Документ банка", "Назначение",
                   "Сумма", "Зачтено в заказы", "Аванс", "Заказы", "Источник"]
UNMATCHED_COLUMNS = ["Дата", "№ п/п", "Сумма", "Плательщик", "ИНН", "Счёт плательщика", "Назначение", "Почему не разнесено"]
HEAD = 3


def write_payments(register: PaymentsRegister, path: str | Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Поступления"
    text(ws, 1, 1, f"Реестр поступлений за {register.date_from:%d.%m.%Y} — {register.date_to:%d.%m.%Y}", font=TITLE)
    header_row(ws, HEAD, PAYMENT_COLUMNS)
    row = HEAD + 1
    for p in register.rows:
        ws.cell(row, 1, p.id).border = BOX
        date(ws, row, 2, p.received_at, border=BOX)
        for col, value in ((3, p.kind), (4, p.customer), (5, p.customer_inn), (6, p.payer), (7, p.document), (8, p.purpose)):
            text(ws, row, col, value, border=BOX, alignment=WRAP)
        money(ws, row, 9, p.amount, border=BOX)
        money(ws, row, 10, p.allocated, border=BOX)
        money(ws, row, 11, p.amount - p.allocated, border=BOX)
        text(ws, row, 12, p.orders, border=BOX, alignment=WRAP)
        text(ws, row, 13, p.source, border=BOX)
        row += 1
    _total(ws, row, 8, 9, register.total, f"I{HEAD + 1}:I{row - 1}")
    _finish(ws, len(PAYMENT_COLUMNS), row - 1, [6, 16, 11, 28, 13, 28, 10, 40, 14, 14, 12, 18, 9])
    return _save(wb, path)


def write_unmatched(report: UnmatchedTransfers, path: str | Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Неразнесённые"
    period = ""
    if report.date_from or report.date_to:
        start = f"{report.date_from:%d.%m.%Y}" if report.date_from else "…"
        end = f"{report.date_to:%d.%m.%Y}" if report.date_to else "…"
        period = f" за {start} — {end}"
    text(ws, 1, 1, f"Неразнесённые банковские поступления{period}", font=TITLE)
    header_row(ws, HEAD, UNMATCHED_COLUMNS)
    row = HEAD + 1
    for u in report.rows:
        date(ws, row, 1, u.date, border=BOX)
        text(ws, row, 2, u.number, border=BOX)
        money(ws, row, 3, u.amount, border=BOX)
        for col, value in ((4, u.payer), (5, u.payer_inn), (6, u.payer_account), (7, u.purpose), (8, u.explanation)):
            text(ws, row, col, value, border=BOX, alignment=WRAP)
        row += 1
    _total(ws, row, 2, 3, report.total, f"C{HEAD + 1}:C{row - 1}")
    _finish(ws, len(UNMATCHED_COLUMNS), row - 1, [11, 8, 14, 30, 13, 23, 45, 45])
    return _save(wb, path)


def _total(ws, row: int, label_col: int, sum_col: int, total: int, _range: str) -> None:
    text(ws, row, label_col, "Итого", font=BOLD)
    money(ws, row, sum_col, total, font=BOLD)  # a value, not a formula: the file is a document


def _finish(ws, columns: int, last: int, column_widths: list[float]) -> None:
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = ws.cell(HEAD + 1, 1)
    ws.auto_filter.ref = f"A{HEAD}:{get_column_letter(columns)}{max(last, HEAD)}"
    widths(ws, column_widths)
    fit_rows(ws, HEAD + 1, last)
    print_setup(ws, landscape=True, title_rows=f"{HEAD}:{HEAD}")


def _save(wb: Workbook, path: str | Path) -> Path:
    return save(wb, path)
