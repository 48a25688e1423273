"""The map drawn by the app: Web-Mercator projection, depots, stops numbered per route, one colour per route.

Optional raster tiles (settings: routing.tiles_url) are fetched on the thread pool and laid under.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

from omnidesk.core.routing import format_clock
from omnidesk.services.planning import DayDraft

ZOOM = 12  # world pixels at this tile zoom; the view scales to fit
TILE = 256
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#bcbd22",
           "#7f7f7f")


def project(lat: float, lon: float, zoom: int = ZOOM) -> QPointF:
    """Web Mercator: degrees → world pixels at `zoom`."""
    scale = TILE * 2**zoom
    x = (lon + 180.0) / 360.0 * scale
    sin = math.sin(math.radians(max(min(lat, 85.0511), -85.0511)))
    y = (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * scale
    return QPointF(x, y)


def route_colour(number: int) -> QColor:
    return QColor(COLOURS[number % len(COLOURS)])


class RouteMap(QGraphicsView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QColor("#f4f1ea"))
        self.tile_requests: list[tuple[int, int, int]] = []
        self._tiles: dict[tuple[int, int, int], QPixmap] = {}
        self.markers = 0
        self.notice = ""  # said over the map: why it has no background, and which setting to set
        self._lat = 55.75  # for the scale bar: Mercator's metres per pixel depend on the latitude

    def set_notice(self, text: str) -> None:
        self.notice = text
        self.viewport().update()

    def legend(self) -> list[tuple[str, str]]:
        """(marker kind, meaning) for every kind of marker the map draws."""
        return [("circle", self.tr("delivery stop (number in the route)")),
                ("square", self.tr("pickup at a supplier")),
                ("own", self.tr("our warehouse")),
                ("supplier", self.tr("supplier's warehouse")),
                ("unplaced", self.tr("? not on a route yet")),
                ("bad", self.tr("red outline: window or load violated"))]

    def scale_bar(self) -> tuple[int, str]:
        """(length in screen pixels, its label) of a round distance about 100 px long."""
        per_world_px = 156543.03392 * math.cos(math.radians(self._lat)) / 2**ZOOM
        per_screen_px = per_world_px / max(self.transform().m11(), 1e-9)
        metres = 100 * per_screen_px
        nice = next((n for n in (50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000)
                     if n >= metres), 100000)
        label = self.tr("{0} km").format(nice // 1000) if nice >= 1000 else self.tr("{0} m").format(nice)
        return round(nice / per_screen_px), label

    def drawForeground(self, painter: QPainter, rect) -> None:
        """The notice, the legend and the scale bar, in screen coordinates over the map."""
        super().drawForeground(painter, rect)
        painter.save()
        painter.resetTransform()
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        view = self.viewport().rect()
        if self.notice:
            box = metrics.boundingRect(QRectF(0, 0, view.width() - 40, 200).toRect(),
                                       int(Qt.TextFlag.TextWordWrap), self.notice).adjusted(-6, -4, 6, 4)
            box.moveTopLeft(view.topLeft() + QPointF(10, 10).toPoint())
            painter.setPen(QColor("#7a4b00"))
            painter.setBrush(QColor(255, 243, 196, 235))
            painter.drawRect(box)
            painter.drawText(box.adjusted(6, 4, -6, -4), int(Qt.TextFlag.TextWordWrap), self.notice)
        line = metrics.height() + 2
        entries = self.legend()
        width = max(metrics.horizontalAdvance(text) for _kind, text in entries) + 34
        top = view.bottom() - 10 - line * len(entries) - 8
        painter.setPen(QColor("#999999"))
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRect(QRectF(10, top, width, line * len(entries) + 8))
        for number, (kind, text) in enumerate(entries):
            centre = QPointF(22, top + 4 + line * number + line / 2)
            self._legend_mark(painter, kind, centre)
            painter.setPen(QColor("#202020"))
            painter.drawText(QPointF(36, centre.y() + metrics.ascent() / 2 - 1), text)
        length, label = self.scale_bar()
        right, bottom = view.right() - 16, view.bottom() - 14
        painter.setPen(QPen(QColor("#202020"), 2))
        painter.drawLine(QPointF(right - length, bottom), QPointF(right, bottom))
        for x in (right - length, right):
            painter.drawLine(QPointF(x, bottom - 5), QPointF(x, bottom))
        painter.drawText(QPointF(right - length, bottom - 7), label)
        painter.restore()

    @staticmethod
    def _legend_mark(painter: QPainter, kind: str, centre: QPointF) -> None:
        r = 5.5
        box = QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)
        painter.setPen(QPen(QColor("white"), 1))
        colour = QColor(COLOURS[0])
        if kind == "circle":
            painter.setBrush(colour)
            painter.drawEllipse(box)
        elif kind == "square":
            painter.setBrush(colour)
            painter.drawRect(box)
        elif kind in ("own", "supplier"):
            painter.setPen(QPen(QColor("black"), 1))
            painter.setBrush(QColor("#202020" if kind == "own" else "#ffd54f"))
            painter.drawRect(box)
        elif kind == "unplaced":
            painter.setBrush(QColor("#9e9e9e"))
            painter.drawEllipse(box)
        else:
            painter.setPen(QPen(QColor("#b3261e"), 2))
            painter.setBrush(colour)
            painter.drawEllipse(box)

    def set_draft(self, draft: DayDraft | None) -> None:
        scene = self.scene()
        scene.clear()
        self.markers = 0
        if draft is None:
            return
        home = next(iter(draft.depots.values()), None)
        if home is not None:
            self._lat = home.lat
        self._draw_tiles()
        for number, report in enumerate(draft.report.routes):
            if report.stops:
                self._draw_route(draft, report, route_colour(number))
        for _key, depot in draft.depots.items():
            self._draw_depot(project(depot.lat, depot.lon), depot.name, depot.own)
        self._draw_unplaced(draft)
        self.fit()

    def fit(self) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-30, -30, 30, 30)
        self.scene().setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.scene().items():
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def wheelEvent(self, event) -> None:
        factor = 1.2 if event.angleDelta().y() > 0 else 1 / 1.2
        self.scale(factor, factor)

    # --- drawing -----------------------------------------------------------------------------
    def _point(self, draft: DayDraft, location: int) -> QPointF:
        place = draft.problem.locations[location]
        return project(place.lat, place.lon)

    def _draw_route(self, draft: DayDraft, report, colour: QColor) -> None:
        home = self._point(draft, draft.problem.depots_by_id[draft.problem.vehicles_by_id[report.vehicle].depot]
                           .location)
        path = QPainterPath(home)
        for stop in report.stops:
            path.lineTo(self._point(draft, stop.location))
        path.lineTo(home)
        pen = QPen(colour, 2.2)
        pen.setCosmetic(True)
        self.scene().addPath(path, pen).setOpacity(0.75)
        driver = draft.drivers[report.vehicle]
        for number, stop in enumerate(report.stops, start=1):
            info = draft.orders[stop.stop.order]
            where = info.supplier if stop.stop.is_pickup else info.address
            tip = (f"{driver.name}: {number}. №{info.number}\n{where}\n"
                   f"{format_clock(stop.arrival)} · {stop.window}")
            if stop.violations:
                tip += "\n" + "; ".join(v.text for v in stop.violations)
            self._marker(self._point(draft, stop.location), str(number), colour, tip, bool(stop.violations),
                         square=stop.stop.is_pickup)

    def _marker(self, centre: QPointF, text: str, colour: QColor, tip: str, bad: bool, square: bool = False) -> None:
        radius = 9.0
        rect = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        pen = QPen(QColor("#b3261e") if bad else QColor("white"), 2.5 if bad else 1.5)
        pen.setCosmetic(True)
        item = (self.scene().addRect if square else self.scene().addEllipse)(rect, pen, QBrush(colour))
        item.setToolTip(tip)
        item.setFlag(item.GraphicsItemFlag.ItemIgnoresTransformations)
        item.setPos(centre)
        item.setRect(QRectF(-radius, -radius, 2 * radius, 2 * radius))
        label = self.scene().addSimpleText(text, QFont("Sans", 7, QFont.Weight.Bold))
        label.setBrush(QColor("white"))
        label.setParentItem(item)
        bounds = label.boundingRect()
        label.setPos(-bounds.width() / 2, -bounds.height() / 2)
        self.markers += 1

    def _draw_depot(self, centre: QPointF, name: str, own: bool) -> None:
        size = 11.0 if own else 8.0
        pen = QPen(QColor("black"), 1.5)
        pen.setCosmetic(True)
        item = self.scene().addRect(QRectF(-size, -size, 2 * size, 2 * size), pen,
                                    QBrush(QColor("#202020" if own else "#ffd54f")))
        item.setFlag(item.GraphicsItemFlag.ItemIgnoresTransformations)
        item.setPos(centre)
        item.setToolTip(name)
        item.setZValue(2)

    def _draw_unplaced(self, draft: DayDraft) -> None:
        waiting = {item.order for item in draft.plan.unassigned}
        for order in draft.problem.orders:
            if order.id in waiting:
                info = draft.orders[order.id]
                self._marker(self._point(draft, order.location), "?", QColor("#9e9e9e"),
                             f"№{info.number}\n{info.address}", False)

    # --- tiles -------------------------------------------------------------------------------
    def wanted_tiles(self, zoom: int = ZOOM) -> list[tuple[int, int, int]]:
        rect = self.scene().itemsBoundingRect()
        if rect.isEmpty():
            return []
        xs = range(int(rect.left() // TILE), int(rect.right() // TILE) + 1)
        ys = range(int(rect.top() // TILE), int(rect.bottom() // TILE) + 1)
        return [(zoom, x, y) for x in xs for y in ys][:400]

    def add_tile(self, key: tuple[int, int, int], data: bytes) -> None:
        pixmap = QPixmap()
        if pixmap.loadFromData(data):
            self._tiles[key] = pixmap
            self._place_tile(key, pixmap)

    def _draw_tiles(self) -> None:
        for key, pixmap in self._tiles.items():
            self._place_tile(key, pixmap)

    def _place_tile(self, key: tuple[int, int, int], pixmap: QPixmap) -> None:
        _zoom, x, y = key
        item = self.scene().addPixmap(pixmap)
        item.setPos(x * TILE, y * TILE)
        item.setZValue(-10)
