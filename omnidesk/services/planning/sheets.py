"""Route sheets and loading lists from a day's plan (for Excel and for printing)."""

from __future__ import annotations

from pathlib import Path

from omnidesk.core.door_money import to_collect
from omnidesk.core.enums import StopKind
from omnidesk.core.phones import format_phone
from omnidesk.core.routing import format_clock
from omnidesk.core.timefmt import format_window
from omnidesk.integrations.excel.route_sheets import RouteSheet, SheetStop, write_route_sheets

from .build import kilograms
from .draft import DayDraft
from .views import ItemInfo, OrderInfo


def quantity_text(item: ItemInfo) -> str:
    whole, milli = divmod(item.quantity_milli, 1000)
    number = str(whole) if not milli else f"{whole},{milli:03d}".rstrip("0")
    return f"{item.name} × {number} {item.unit}"


def route_sheets(draft: DayDraft) -> list[RouteSheet]:
    """One sheet per driver with stops, in the drivers' order."""
    sheets = []
    for report in draft.report.routes:
        if not report.stops:
            continue
        driver = draft.drivers[report.vehicle]
        stops = tuple(_stop(draft, number, stop) for number, stop in enumerate(report.stops, start=1))
        sheets.append(RouteSheet(driver.name, format_phone(driver.phone), f"{driver.plate}, {driver.model}",
                                 draft.records.date.strftime("%d.%m.%Y"), format_clock(report.departure),
                                 format_clock(report.return_time), f"{report.distance / 1000:.1f}".replace(".", ","),
                                 stops))
    return sheets


def _stop(draft: DayDraft, number: int, stop) -> SheetStop:
    info: OrderInfo = draft.orders[stop.stop.order]
    items = tuple(quantity_text(item) for item in info.items)
    if stop.stop.is_pickup:
        return SheetStop(number, "pickup", format_clock(stop.arrival), str(stop.window), info.number, info.supplier,
                         info.supplier_address, "", to_collect(StopKind.PICKUP, info.due), items,
                         kilograms(info.weight_g), info.supplier)
    note = " ".join(part for part in (info.carrier, info.track_number) if part)
    return SheetStop(number, info.stop_kind.value, format_clock(stop.arrival),
                     format_window(info.window_start, info.window_end), info.number, info.customer, info.address,
                     format_phone(info.phone), to_collect(info.stop_kind, info.due), items, kilograms(info.weight_g), note,
                     door_receipt=info.door_receipt, wait_min=stop.wait // 60)


def export_route_sheets(draft: DayDraft, path: Path | str) -> Path:
    return write_route_sheets(route_sheets(draft), path)
