"""The reconciliation act (акт сверки взаиморасчётов) in the layout accountants know from 1C.

Left: our records (date, document, receipts, debit, credit); right: empty columns for the
customer's records. Opening balance, each document, turnovers, closing balance, the debt in
words of who owes whom, and two signature blocks.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from omnidesk.core.money import format_amount

from .cells import (
    BOLD,
    BOX,
    CENTER,
    SMALL,
    TITLE,
    WRAP,
    date,
    fit_rows,
    header_row,
    money,
    print_setup,
    save,
    text,
    widths,
)
from .model import ReconciliationAct

COLUMNS = ["Дата", "Документ", "Чеки, сведения", "Дебет", "Кредит", "Дата", "Документ", "Дебет", "Кредит"]
OURS, THEIRS = range(1, 6), range(6, 10)
HEAD = 7  # the row of the column titles


def write_act(act: ReconciliationAct, path: str | Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Акт сверки"
    seller, buyer = act.seller, act.buyer
    period = f"{act.date_from:%d.%m.%Y} — {act.date_to:%d.%m.%Y}"
    _merged(ws, 1, "Акт сверки взаимных расчётов", font=TITLE, alignment=CENTER)
    _merged(ws, 2, f"за период: {period}", alignment=CENTER)
    _merged(ws, 3, f"между {_party(seller)} и {_party(buyer)}", alignment=CENTER, height=30)
    _merged(ws, 4, "Мы, нижеподписавшиеся, составили настоящий акт сверки в том, что состояние взаимных "
                   "расчётов по данным учёта следующее:", alignment=WRAP, height=30)
    ws.merge_cells(start_row=6, start_column=1, end_row=6, end_column=5)
    ws.merge_cells(start_row=6, start_column=6, end_row=6, end_column=9)
    text(ws, 6, 1, f"По данным {seller.name}, руб.", font=BOLD, alignment=CENTER, border=BOX)
    text(ws, 6, 6, f"По данным {buyer.name}, руб.", font=BOLD, alignment=CENTER, border=BOX)
    for col in range(2, 10):
        ws.cell(6, col).border = BOX
    header_row(ws, HEAD, COLUMNS)
    row = HEAD + 1
    row = _balance_row(ws, row, "Сальдо начальное", act.opening)
    first = row
    for item in act.rows:
        date(ws, row, 1, item.date, border=BOX, alignment=WRAP)
        text(ws, row, 2, item.document, border=BOX, alignment=WRAP)
        text(ws, row, 3, item.details, border=BOX, alignment=WRAP, font=SMALL)
        money(ws, row, 4, item.debit, border=BOX, blank_zero=True)
        money(ws, row, 5, item.credit, border=BOX, blank_zero=True)
        _empty_theirs(ws, row)
        row += 1
    last = row - 1
    text(ws, row, 2, "Обороты за период", font=BOLD, border=BOX)
    for col in (1, 3):
        ws.cell(row, col).border = BOX
    money(ws, row, 4, act.debit_turnover, border=BOX, font=BOLD)
    money(ws, row, 5, act.credit_turnover, border=BOX, font=BOLD)
    _empty_theirs(ws, row)
    row = _balance_row(ws, row + 1, "Сальдо конечное", act.closing)
    ws.freeze_panes = ws.cell(HEAD + 1, 1)
    ws.auto_filter.ref = f"A{HEAD}:E{max(last, HEAD)}" if last >= first else f"A{HEAD}:E{HEAD}"
    row += 1
    _merged(ws, row, _debt_words(act), alignment=WRAP, height=30, font=BOLD)
    _signatures(ws, row + 2, seller.name, buyer.name)
    widths(ws, [11, 26, 30, 14, 14, 11, 18, 12, 12])
    fit_rows(ws, HEAD + 1, last)
    print_setup(ws, landscape=False, title_rows=f"{HEAD - 1}:{HEAD}")
    return save(wb, path)


def _party(party) -> str:
    return f"{party.name} ({party.requisites})" if party.requisites else party.name


def _merged(ws, row: int, value: str, *, height: float | None = None, **style) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=9)
    text(ws, row, 1, value, **style)
    if height:
        ws.row_dimensions[row].height = height


def _balance_row(ws, row: int, label: str, balance: int) -> int:
    text(ws, row, 2, label, font=BOLD, border=BOX)
    for col in (1, 3):
        ws.cell(row, col).border = BOX
    money(ws, row, 4, balance if balance > 0 else None, border=BOX, font=BOLD)
    money(ws, row, 5, -balance if balance < 0 else None, border=BOX, font=BOLD)
    _empty_theirs(ws, row)
    return row + 1


def _empty_theirs(ws, row: int) -> None:
    for col in THEIRS:
        ws.cell(row, col).border = BOX


def _debt_words(act: ReconciliationAct) -> str:
    on = f"на {act.date_to:%d.%m.%Y}"
    if act.closing > 0:
        return f"По данным {act.seller.name} {on} задолженность в пользу {act.seller.name} {format_amount(act.closing)}"
    if act.closing < 0:
        return f"По данным {act.seller.name} {on} задолженность в пользу {act.buyer.name} {format_amount(-act.closing)}"
    return f"По данным {act.seller.name} {on} задолженность отсутствует"


def _signatures(ws, row: int, seller: str, buyer: str) -> None:
    for first_col, name in ((1, seller), (6, buyer)):
        last_col = first_col + 3
        lines = [(f"От {name}", BOLD), ("Руководитель  ____________  (________________)", None),
                 ("Главный бухгалтер  ____________  (________________)", None), ("М.П.", None)]
        for offset, (value, font) in enumerate(lines):
            ws.merge_cells(start_row=row + offset * 2, start_column=first_col, end_row=row + offset * 2, end_column=last_col)
            text(ws, row + offset * 2, first_col, value, font=font or Font(), alignment=Alignment(vertical="bottom"))
