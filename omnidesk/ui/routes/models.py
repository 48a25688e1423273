"""Table and tree models of the Routes page; stops are dragged as text ("10201" or "P:10201")."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon

from omnidesk.core.routing import format_clock
from omnidesk.core.timefmt import format_window
from omnidesk.paths import resource_path
from omnidesk.services.planning import DayDraft
from omnidesk.services.planning.build import kilograms
from omnidesk.services.planning.views import PLANNABLE_STATUSES

from ..labels import status_label

_LOCK: list[QIcon] = []


def lock_icon() -> QIcon:
    """The padlock of a locked stop (resources/icons/lock.svg), loaded once."""
    if not _LOCK:
        _LOCK.append(QIcon(str(resource_path("icons", "lock.svg"))))
    return _LOCK[0]

MIME = "application/x-omnidesk-stop"
LOAD_ROLE = Qt.ItemDataRole.UserRole + 1  # (kg, kg capacity, dm3, dm3 capacity) of a route
STOP_ROLE = Qt.ItemDataRole.UserRole + 2  # the stop's text, or the route's vehicle id
Index = QModelIndex | QPersistentModelIndex


def _mime(stop: str) -> QMimeData:
    data = QMimeData()
    data.setData(MIME, stop.encode())
    data.setText(stop)
    return data


def dropped_stop(data: QMimeData) -> str | None:
    return bytes(data.data(MIME)).decode() if data.hasFormat(MIME) else None


class UnassignedModel(QAbstractTableModel):
    """Orders of the day on no route: with the reason, and whether they may leave (assembly status)."""

    moveRequested = Signal(str, object, object)  # stop, vehicle (None: off the routes), position

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple] = []  # (number, status, window, kg, address, reason, plannable)
        self.headers = [self.tr("Order"), self.tr("Status"), self.tr("Window"), self.tr("kg"), self.tr("Address"),
                        self.tr("Why not on a route")]

    def set_draft(self, draft: DayDraft | None) -> None:
        self.beginResetModel()
        self._rows = []
        if draft is not None:
            reasons = [(item.order, item.reason) for item in (*draft.excluded, *draft.plan.unassigned)]
            for number, reason in reasons:
                info = draft.orders[number]
                self._rows.append((number, status_label(info.status), format_window(info.window_start,
                                   info.window_end), kilograms(info.weight_g), info.address, reason,
                                   info.status in PLANNABLE_STATUSES and number in draft.problem.orders_by_id))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = row[index.column()]
            return f"№{value}" if index.column() == 0 and role == Qt.ItemDataRole.DisplayRole else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and not row[6]:
            from PySide6.QtGui import QColor

            return QColor("#8a8a8a")
        if role == STOP_ROLE:
            return row[0]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        flags = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsDragEnabled if self._rows[index.row()][6] else flags

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        return _mime(self._rows[indexes[0].row()][0])

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        stop = dropped_stop(data)
        if stop is None or any(r[0] == stop for r in self._rows):
            return False
        self.moveRequested.emit(stop.removeprefix("P:"), None, None)
        return True


class RoutesModel(QAbstractItemModel):
    """Routes (one per driver) with their stops as children; drop a stop on a route or between stops."""

    moveRequested = Signal(str, object, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.draft: DayDraft | None = None
        self._routes: list = []  # RouteReport of every van
        self.headers = [self.tr("Driver / stop"), self.tr("Arrival"), self.tr("Window"), self.tr("Load"),
                        self.tr("Address"), self.tr("Problems")]

    def set_draft(self, draft: DayDraft | None) -> None:
        self.beginResetModel()
        self.draft = draft
        self._routes = list(draft.report.routes) if draft is not None else []
        self.endResetModel()

    def vehicle_at(self, row: int) -> str:
        return self._routes[row].vehicle

    # --- structure -------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else 0)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._routes)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._routes[parent.row()].stops)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    # --- cells -----------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.draft is None:
            return None
        if index.internalId() == 0:
            return self._route_data(index.row(), index.column(), role)
        return self._stop_data(index.internalId() - 1, index.row(), index.column(), role)

    def _route_data(self, row: int, column: int, role: int):
        report = self._routes[row]
        driver = self.draft.drivers[report.vehicle]
        if role == LOAD_ROLE:
            peak = report.peak_load
            return peak.kg, driver.capacity_kg, peak.dm3, driver.capacity_dm3
        if role == STOP_ROLE:
            return report.vehicle
        if role == Qt.ItemDataRole.ForegroundRole and report.violations:
            from PySide6.QtGui import QColor

            return QColor("#b3261e")
        route = self.draft.route(report.vehicle)
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and route.locked:
            return lock_icon()
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            lock = self.tr(" · locked: {0}").format(route.locked) if route.locked else ""
            return f"{driver.name} · {driver.plate}{lock}"
        if column == 1:
            return f"{format_clock(report.departure)}–{format_clock(report.return_time)}" if report.stops else ""
        if column == 2:
            return self.tr("shift {0}").format(f"{format_clock(driver.shift_start * 60)}–"
                                                f"{format_clock(driver.shift_end * 60)}")
        if column == 4:
            hours, minutes = divmod(report.duration // 60, 60)
            return self.tr("{0} stops · {1} km · {2} h {3} min").format(
                len(report.stops), f"{report.distance / 1000:.1f}", hours, minutes) if report.stops else ""
        if column == 5:
            return "; ".join(v.text for v in report.violations)
        return None

    def _stop_data(self, route_row: int, row: int, column: int, role: int):
        report = self._routes[route_row]
        stop = report.stops[row]
        info = self.draft.orders[stop.stop.order]
        if role == STOP_ROLE:
            return str(stop.stop)
        if role == Qt.ItemDataRole.ForegroundRole and stop.violations:
            from PySide6.QtGui import QColor

            return QColor("#b3261e")
        locked = row < self.draft.route(report.vehicle).locked
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and locked:
            return lock_icon()  # an icon shipped with OmniDesk: the 🔒 emoji has no font on many desktops
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            what = self.tr("pickup") if stop.stop.is_pickup else (
                self.tr("carrier") if info.is_carrier else self.tr("delivery"))
            return f"{row + 1}. №{info.number} · {what}"
        if column == 1:
            wait = self.tr(" (wait {0} min)").format(stop.wait // 60) if stop.wait >= 60 else ""
            return format_clock(stop.arrival) + wait
        if column == 2:
            return str(stop.window)
        if column == 3:
            return self.tr("{0} kg · {1} m³").format(stop.load_after.kg, f"{stop.load_after.dm3 / 1000:.2f}")
        if column == 4:
            if stop.stop.is_pickup:
                return f"{info.supplier}, {info.supplier_address}"
            carrier = f" [{info.carrier} {info.track_number or ''}]" if info.is_carrier else ""
            return f"{info.address} · {info.customer}{carrier}"
        if column == 5:
            return "; ".join(v.text for v in stop.violations)
        return None

    # --- drag and drop ---------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        if index.internalId() != 0:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        return _mime(self.data(indexes[0], STOP_ROLE))

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return dropped_stop(data) is not None and parent.isValid()

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        """On a route: at `row` among its stops (the end when -1); on a stop: before that stop."""
        stop = dropped_stop(data)
        if stop is None or not parent.isValid() or self.draft is None:
            return False
        if parent.internalId() != 0:  # dropped onto a stop: insert before it
            row, parent = parent.row(), parent.parent()
        vehicle = self.vehicle_at(parent.row())
        position = None if row < 0 else row
        current = [str(s.stop) for s in self._routes[parent.row()].stops]
        if position is not None and stop in current and current.index(stop) < position:
            position -= 1  # counted once the moved stop is out
        self.moveRequested.emit(stop, vehicle, position)
        return True
