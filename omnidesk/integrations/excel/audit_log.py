"""The audit log to Excel: who changed what, when, on which workstation (what the viewer shows)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from openpyxl import Workbook

from .cells import BOX, TITLE, WRAP, date, fit_rows, header_row, print_setup, text, widths

COLUMNS = ["№", "Когда", "Кто", "Рабочее место", "Действие", "Объект", "Id", "Подробности (до → после)"]
HEAD = 3


class AuditLine(Protocol):
    id: int
    at: dt.datetime
    user: str
    workstation: str
    action: str
    entity: str
    entity_id: int | None

    @property
    def summary(self) -> str: ...


def write_audit(rows: Sequence[AuditLine], path: str | Path, title: str = "Журнал изменений") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Журнал"
    text(ws, 1, 1, title, font=TITLE)
    header_row(ws, HEAD, COLUMNS)
    row = HEAD + 1
    for entry in rows:
        ws.cell(row, 1, entry.id).border = BOX
        date(ws, row, 2, entry.at, border=BOX)
        for col, value in ((3, entry.user), (4, entry.workstation), (5, entry.action), (6, entry.entity),
                           (7, "" if entry.entity_id is None else str(entry.entity_id)), (8, entry.summary)):
            text(ws, row, col, value, border=BOX, alignment=WRAP)
        row += 1
    ws.freeze_panes = ws.cell(HEAD + 1, 1)
    widths(ws, [8, 19, 14, 22, 22, 14, 8, 70])
    fit_rows(ws, HEAD + 1, row - 1)
    print_setup(ws, landscape=True, title_rows=f"{HEAD}:{HEAD}")
    out = Path(path)
    wb.save(out)
    return out
