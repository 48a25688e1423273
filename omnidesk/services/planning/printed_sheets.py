"""Route sheets for printing (PDF), laid out as a printed маршрутный лист looks.

One driver per page (a driver's title never sits alone at the bottom of a page), the stops' header
row repeated on every page, waiting time when the driver arrives before the window, formatted
phones, the money to collect, the loading list, and a signature line.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from omnidesk.core.money import format_amount
from omnidesk.integrations.excel.route_sheets import KIND_NAMES, SIGNATURES, RouteSheet, loading_order

STOP_HEADER = ("№", "Прибытие", "Окно", "Что", "Заказ", "Клиент", "Адрес", "Телефон", "Получить", "Товары")
STYLE = ("<style>body{font-family:sans-serif;font-size:9pt} h2{font-size:13pt;margin:0}"
         " th{background:#dde6f0} td,th{padding:2px 4px;vertical-align:top}</style>")


def _table(header: tuple[str, ...], rows: list[tuple], notes: list[tuple[str, ...]] | None = None) -> str:
    """A table; ``notes`` (per row, lines of text) go in a row of their own under that row."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    notes = notes or [()] * len(rows)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>"
                   + _note_row(note, len(header)) for row, note in zip(rows, notes, strict=True))
    # <thead>: Qt repeats the header row on every page the table runs over
    return (f"<table border='1' cellspacing='0' cellpadding='2' width='100%'><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def _note_row(lines: tuple[str, ...], columns: int) -> str:
    """The stop's door receipt (core.receipts.door) as one row spanning the table."""
    if not lines:
        return ""
    text = "<br>".join(escape(line) for line in lines)
    return f"<tr><td></td><td colspan='{columns - 1}'><small>{text}</small></td></tr>"


def sheet_html(sheet: RouteSheet, first: bool, start: int = 0, end: int | None = None, *,
               closing: bool = True, continued: bool = False) -> str:
    """The sheet's stops ``start:end`` under the driver's title (``continued`` on later pages); with
    ``closing``, the loading list and the signature line after them."""
    end = len(sheet.stops) if end is None else end
    stops = [(s.seq, s.arrival_text, s.window, KIND_NAMES.get(s.kind, s.kind), s.order, s.customer,
              s.address + (f" ({s.note})" if s.note and s.kind == "carrier" else ""), s.phone,
              format_amount(s.collect) if s.collect else "", "; ".join(s.items)) for s in sheet.stops[start:end]]
    page = "" if first else " style='page-break-before:always'"
    more = " (продолжение)" if continued else ""
    parts = [f"<h2{page}>Маршрутный лист на {escape(sheet.date)} — {escape(sheet.driver)}{more}</h2>"]
    if not continued:
        parts.append(
            f"<p>Водитель: {escape(sheet.driver)}, {escape(sheet.phone)} · машина: {escape(sheet.vehicle)}<br>"
            f"выезд {sheet.departure}, возврат {sheet.return_time}, {sheet.distance_km} км, остановок: "
            f"{len(sheet.stops)} · <b>итого получить: {escape(format_amount(sheet.to_collect))}</b></p>")
    if stops:
        parts.append(_table(STOP_HEADER, stops, [s.door_receipt for s in sheet.stops[start:end]]))
    if closing:
        parts.append(_closing(sheet))
    return "".join(parts)


def _closing(sheet: RouteSheet) -> str:
    pickups, loaded = loading_order(sheet)
    loading = [(s.seq, s.arrival, f"{s.note} — {s.address}", s.order, "; ".join(s.items), s.weight_kg)
               for s in pickups]
    load_rows = [(n, s.seq, s.order, s.customer, "; ".join(s.items), s.weight_kg) for n, s in enumerate(loaded, 1)]
    parts = ["<p><b>Лист погрузки</b></p>"]
    if loading:
        parts += ["<p>Сначала забрать у поставщиков:</p>",
                  _table(("№", "Прибытие", "Склад", "Заказ", "Что взять", "Вес, кг"), loading)]
    parts += ["<p>На своём складе грузить в обратном порядке остановок (первым — последняя):</p>",
              _table(("Порядок", "Остановка", "Заказ", "Клиент", "Товары", "Вес, кг"), load_rows),
              f"<p><br>{escape(SIGNATURES)}</p>"]
    return "".join(parts)


def route_sheets_html(sheets: list[RouteSheet]) -> str:
    if not sheets:
        return STYLE + "<p>На этот день маршрутов нет.</p>"
    return STYLE + "".join(sheet_html(sheet, first=index == 0) for index, sheet in enumerate(sheets))


def route_sheet_pages(sheets: list[RouteSheet], fits: Callable[[str], bool] = lambda _html: True) -> list[str]:
    """The printed pages: each driver starts on a new page; a page holds as many whole stops as ``fits``
    (the printer's measure) allows, the stops' header row on every page; the loading list and the
    signatures close the driver's last page, or take a page of their own."""
    if not sheets:
        return [STYLE + "<p>На этот день маршрутов нет.</p>"]
    pages = []
    for sheet in sheets:
        start, count = 0, len(sheet.stops)
        while True:
            continued = start > 0
            end = start + 1
            while end < count and fits(STYLE + sheet_html(sheet, True, start, end + 1, closing=False,
                                                          continued=continued)):
                end += 1
            end = min(end, count)
            if end == count:
                whole = STYLE + sheet_html(sheet, True, start, end, closing=True, continued=continued)
                if fits(whole) or start == end:
                    pages.append(whole)
                    break
                pages.append(STYLE + sheet_html(sheet, True, start, end, closing=False, continued=continued))
                pages.append(STYLE + sheet_html(sheet, True, end, end, closing=True, continued=True))
                break
            pages.append(STYLE + sheet_html(sheet, True, start, end, closing=False, continued=continued))
            start = end
    return pages
