"""Cells the safe way: outside text never becomes a formula, money in ``# ##0,00``, one look everywhere."""

from __future__ import annotations

import datetime as dt
import gc
import io
import os
import sys
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

# Stored locale-neutral; Excel and LibreOffice show it as «1 234,56» in a Russian locale.
MONEY = "#,##0.00"
DATE = "DD.MM.YYYY"
DATETIME = "DD.MM.YYYY HH:MM"
FORMULA_STARTS = ("=", "+", "-", "@")

THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
SMALL = Font(size=9)
HEADER_FILL = PatternFill("solid", fgColor="E8EEF4")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def text(ws: Worksheet, row: int, col: int, value: str | None, **style):
    """Put text from anywhere: never a formula, even if it starts with ``=``, ``+``, ``-`` or ``@``."""
    clean = ILLEGAL_CHARACTERS_RE.sub(" ", value or "")
    cell = ws.cell(row=row, column=col)
    cell.value = clean
    cell.data_type = "s"  # openpyxl turns a leading «=» into a formula unless told otherwise
    if clean.startswith(FORMULA_STARTS):
        cell.quotePrefix = True  # the spreadsheet keeps it text when the cell is edited, too
    _style(cell, style)
    return cell


def money(ws: Worksheet, row: int, col: int, kopecks: int | None, **style):
    """Kopecks as an exact decimal amount of roubles; None or 0 with ``blank_zero`` leaves the cell empty."""
    cell = ws.cell(row=row, column=col)
    blank = style.pop("blank_zero", False)
    if kopecks is not None and not (blank and kopecks == 0):
        cell.value = Decimal(kopecks) / 100
    cell.number_format = MONEY
    _style(cell, style)
    return cell


def date(ws: Worksheet, row: int, col: int, value: dt.date | dt.datetime | None, **style):
    cell = ws.cell(row=row, column=col)
    cell.value = value
    cell.number_format = DATETIME if isinstance(value, dt.datetime) else DATE
    _style(cell, style)
    return cell


def _style(cell, style: dict) -> None:
    for key, value in style.items():
        setattr(cell, key, value)


def header_row(ws: Worksheet, row: int, titles: list[str]) -> None:
    for col, title in enumerate(titles, start=1):
        text(ws, row, col, title, font=BOLD, alignment=CENTER, fill=HEADER_FILL, border=BOX)
    ws.row_dimensions[row].height = 28


def widths(ws: Worksheet, values: list[float]) -> None:
    for col, width in enumerate(values, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


def print_setup(ws: Worksheet, *, landscape: bool, title_rows: str | None = None) -> None:
    """A4, fit to the page width, any number of pages down, small margins, repeated header."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "Страница &P из &N"


def fit_rows(ws: Worksheet, first: int, last: int) -> None:
    """Row heights for wrapped text (spreadsheets do not grow rows written by a program by themselves)."""
    for row in range(first, last + 1):
        lines = 1
        for cell in ws[row]:
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text or not cell.value:
                continue
            width = ws.column_dimensions[cell.column_letter].width or 10
            per_line = max(int(width * (1.25 if cell.font.sz and cell.font.sz < 10 else 1.1)), 1)
            lines = max(lines, sum(-(-max(len(part), 1) // per_line) for part in cell.value.split("\n")))
        if lines > 1:
            ws.row_dimensions[row].height = 13 * lines + 2


def save(workbook: Workbook, path: str | Path) -> Path:
    """Write the workbook whole or not at all: built in memory, written to a temporary file beside the
    target, then renamed over it (a full disk leaves the old file, or none — never a broken one)."""
    out = Path(path)
    buffer = io.BytesIO()
    _build(workbook, buffer)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as stream:
            stream.write(buffer.getbuffer())
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def _build(workbook: Workbook, buffer: io.BytesIO) -> None:
    """``workbook.save`` into memory. openpyxl spools each sheet through a temporary file; when the disk is
    full its abandoned writer would print «Exception ignored …» at garbage collection: we let it go quietly
    and raise the one OSError."""
    failed: OSError | None = None
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        workbook.save(buffer)
    except OSError as exc:
        failed = OSError(exc.errno, exc.strerror)
        del exc
    finally:
        gc.collect()
        sys.unraisablehook = hook
    if failed is not None:
        raise failed
