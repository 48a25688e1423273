"""Small pieces of the Routes page: the load bars of a route, the PDF of the route sheets."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QStyledItemDelegate

from omnidesk.core.money import format_amount
from omnidesk.services.planning import DayDraft
from omnidesk.services.planning.sheets import route_sheets

from .models import LOAD_ROLE


class LoadBarDelegate(QStyledItemDelegate):
    """Two bars side by side, kg and m³, filled by the route's peak load against the van's capacity."""

    def paint(self, painter: QPainter, option, index) -> None:
        load = index.data(LOAD_ROLE)
        if load is None:
            super().paint(painter, option, index)
            return
        kg, kg_cap, dm3, dm3_cap = load
        rect = QRectF(option.rect).adjusted(2, 2, -2, -2)
        half = rect.width() / 2
        painter.save()
        font = painter.font()
        font.setPointSizeF(max(font.pointSizeF() - 1.5, 6))
        painter.setFont(font)
        units = (self.tr("kg"), self.tr("m³"))
        for number, (used, capacity, unit) in enumerate(((kg, kg_cap, units[0]), (dm3 / 1000, dm3_cap / 1000,
                                                                                     units[1]))):
            bar = QRectF(rect.left() + number * half, rect.top(), half - 2, rect.height())
            share = min(used / capacity, 1.0) if capacity else 0.0
            painter.fillRect(bar, QColor("#e6e6e6"))
            colour = "#e57373" if used > capacity else ("#ffcc80" if share > 0.85 else "#a5d6a7")
            painter.fillRect(QRectF(bar.left(), bar.top(), bar.width() * share, bar.height()), QColor(colour))
            painter.setPen(QColor("#202020"))
            text = f"{used:.0f}/{capacity:.0f} {unit}" if number == 0 else f"{used:.1f}/{capacity:.1f} {unit}"
            painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def route_sheets_html(draft: DayDraft, title: str, headers: list[str], km: str = "km") -> str:
    """The route sheets as simple HTML for Qt's printing (one page per driver)."""
    parts = []
    for sheet in route_sheets(draft):
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in (
                stop.seq, stop.arrival, stop.window, stop.order, stop.customer,
                stop.address if not stop.note else f"{stop.address} ({stop.note})", stop.phone,
                format_amount(stop.collect) if stop.collect else "", "; ".join(stop.items))) + "</tr>"
            + door_receipt_row(stop.door_receipt, len(headers))
            for stop in sheet.stops)
        head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
        parts.append(
            f"<h2>{html.escape(title)} {sheet.date}: {html.escape(sheet.driver)}</h2>"
            f"<p>{html.escape(sheet.vehicle)} · {sheet.departure}–{sheet.return_time} · "
            f"{sheet.distance_km} {html.escape(km)} · "
            f"{html.escape(format_amount(sheet.to_collect))}</p>"
            f"<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>{head}</tr>{rows}</table>")
    return "<div style='page-break-after:always'></div>".join(parts)


def door_receipt_row(lines: tuple[str, ...], columns: int) -> str:
    """Hook: the stop's door receipt (services.door) as one row spanning the table."""
    if not lines:
        return ""
    text = "<br>".join(html.escape(line) for line in lines)
    return f"<tr><td></td><td colspan='{columns - 1}'><small>{text}</small></td></tr>"


def print_pdf(document_html: str, path: str) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    document = QTextDocument()
    document.setHtml(document_html)
    document.print_(printer)
