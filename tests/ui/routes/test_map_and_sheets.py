"""Routes (issue 13 item 10): the map says why it has no background and explains its markers; tiles are
cached on disk; locked stops show an icon, not an emoji; waiting time; the printed route sheets."""

from __future__ import annotations

import http.server
import socket
import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QTextDocument

from omnidesk.services.planning.printed_sheets import route_sheets_html
from omnidesk.services.planning.sheets import route_sheets
from omnidesk.ui.routes.models import STOP_ROLE, RoutesModel

from .test_routes_page import page  # noqa: F401 - the Routes page on the planned demo day


def closed_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/{{z}}/{{x}}/{{y}}.png"


def test_the_map_says_why_it_has_no_background_and_explains_its_markers(qtbot, page):  # noqa: F811
    assert "routing.tiles_url" in page.map.notice
    kinds = {kind for kind, _text in page.map.legend()}
    assert kinds == {"circle", "square", "own", "supplier", "unplaced", "bad"}
    length, label = page.map.scale_bar()
    assert 40 <= length <= 260 and ("km" in label or "m" in label)
    image = page.map.grab()
    assert not image.isNull()


def test_an_unreachable_tile_server_is_named_on_the_map(qtbot, page):  # noqa: F811
    changes = page._context.update_settings({"routing.tiles_url": closed_url()})
    page.apply_changes(changes)
    qtbot.waitUntil(lambda: "не отвечает" in page.map.notice, timeout=20_000)
    assert "routing.tiles_url" in page.map.notice


class _Tiles(http.server.BaseHTTPRequestHandler):
    served = 0

    def do_GET(self):
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtGui import QColor, QImage

        type(self).served += 1
        image = QImage(256, 256, QImage.Format.Format_RGB32)
        image.fill(QColor("#cfe8cf"))
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(bytes(data))

    def log_message(self, *_args):
        pass


def test_tiles_are_cached_on_disk(page, user_dirs):  # noqa: F811
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = page._context
        context.update_settings({"routing.tiles_url": f"http://127.0.0.1:{server.server_port}/{{z}}/{{x}}/{{y}}.png"})
        first = context.fetch_tile(12, 2476, 1280)
        again = context.fetch_tile(12, 2476, 1280)
        assert first == again and _Tiles.served == 1
        assert list((user_dirs / "data" / "tiles").rglob("*.tile"))
    finally:
        server.shutdown()


def test_locked_stops_show_an_icon_and_waiting_is_shown(page):  # noqa: F811
    draft = page.draft
    vehicle = next(r.vehicle for r in draft.report.routes if r.stops)
    locked = draft.locked(vehicle, 1)
    model = RoutesModel()
    model.set_draft(locked)
    route_row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(STOP_ROLE) == vehicle)
    first_stop = model.index(0, 0, model.index(route_row, 0))
    text = first_stop.data(Qt.ItemDataRole.DisplayRole)
    assert "🔒" not in text and "🔒" not in model.index(route_row, 0).data()
    icon = first_stop.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.pixmap(16, 16).isNull()


def test_printed_route_sheets_one_driver_per_page_with_header_loading_list_and_signatures(page, tmp_path):  # noqa: F811
    sheets = route_sheets(page.draft)
    html = route_sheets_html(sheets)
    assert html.count("Маршрутный лист на") == len(sheets) >= 2
    assert html.count("page-break-before:always") == len(sheets) - 1
    assert html.count("Лист погрузки") == len(sheets) and html.count("Водитель ______") == 0
    assert html.count("Товар получил, водитель") == len(sheets)
    assert "+7 916 " in html  # phones formatted
    document = QTextDocument()
    document.setHtml(html)
    tables = [frame for frame in document.rootFrame().childFrames() if hasattr(frame, "rows")]
    assert tables and all(table.format().headerRowCount() == 1 for table in tables)
    waits = [s for sheet in sheets for s in sheet.stops if s.wait_min]
    if waits:
        assert f"ожидание {waits[0].wait_min} мин" in html


def test_the_pdf_starts_each_driver_on_a_new_page_and_never_splits_a_stop(page, tmp_path):  # noqa: F811
    import re

    from omnidesk.services.planning.printed_sheets import route_sheet_pages
    from omnidesk.ui.routes.widgets import _document, print_route_sheets

    path = tmp_path / "sheets.pdf"
    printed = print_route_sheets(page.draft, str(path))
    assert printed == len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))
    sheets = route_sheets(page.draft)
    limit = 700.0
    pages = route_sheet_pages(sheets, lambda html: _document(html).size().height() <= limit)
    assert all(p.count("Маршрутный лист на") == 1 for p in pages)  # a title heads every page
    firsts = [p for p in pages if "(продолжение)" not in p]
    assert len(firsts) == len(sheets)  # each driver from a new page
    for p in pages:
        if "<thead>" in p:
            document = QTextDocument()
            document.setHtml(p)
            assert document.rootFrame().childFrames()[0].format().headerRowCount() == 1
    rows = sum(len(re.findall(r"<tr><td>\d+</td><td>\d\d:\d\d", p.split("Лист погрузки")[0])) for p in pages)
    assert rows == sum(len(sheet.stops) for sheet in sheets)  # every stop printed once, whole
    assert sum(p.count("Лист погрузки") for p in pages) == len(sheets)
