"""Small pieces of the Routes page: the load bars of a route, the PDF of the route sheets."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QStyledItemDelegate

from omnidesk.services.planning import DayDraft, printed_sheets
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


def route_sheets_html(draft: DayDraft) -> str:
    """The route sheets as HTML for Qt's printing (laid out by services.planning.printed_sheets)."""
    return printed_sheets.route_sheets_html(route_sheets(draft))


LAYOUT_WIDTH = 1100  # the sheet is laid out this wide (screen pixels) and scaled onto the page width


def _printer(path: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def _document(html_text: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(html_text)
    document.setTextWidth(LAYOUT_WIDTH)
    return document


def print_route_sheets(draft: DayDraft, path: str) -> int:
    """The route sheets as an A4 landscape PDF: each driver from a new page, whole stops on every page with
    the header row, the loading list and signatures at the end; the number of pages."""
    printer = _printer(path)
    area = printer.pageRect(QPrinter.Unit.DevicePixel)
    scale = area.width() / LAYOUT_WIDTH
    page_height = area.height() / scale

    def fits(html_text: str) -> bool:
        return _document(html_text).size().height() <= page_height

    pages = printed_sheets.route_sheet_pages(route_sheets(draft), fits)
    painter = QPainter(printer)
    for number, html_text in enumerate(pages):
        if number:
            printer.newPage()
        painter.save()
        painter.scale(scale, scale)
        _document(html_text).drawContents(painter, QRectF(0, 0, LAYOUT_WIDTH, page_height))
        painter.restore()
    painter.end()
    return len(pages)
