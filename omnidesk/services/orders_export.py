"""The orders list the Orders page shows, saved to Excel (the page passes the rows its filters leave)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from omnidesk.core.errors import InvalidInput, file_error_text
from omnidesk.core.timefmt import format_window
from omnidesk.integrations.excel.orders_list import OrdersListRow, write_orders_list

from .dto import OrderRow


def export_orders(rows: Sequence[OrderRow], path: str | Path, what: str = "") -> Path:
    """Write the rows as shown; ``what`` says which (the filters), for the sheet's title."""
    listed = [OrdersListRow(r.number, r.delivery_date, format_window(r.window_start, r.window_end),
                            r.customer_name, r.customer_phone or "", r.customer_inn or "", r.total, r.paid, r.due,
                            r.status.label, r.address) for r in rows]
    title = f"Заказы на {dt.date.today():%d.%m.%Y}" + (f" ({what})" if what else "") + f": {len(listed)}"
    try:
        return write_orders_list(listed, title, path)
    except OSError as exc:
        raise InvalidInput(file_error_text(exc, "записать")) from None
