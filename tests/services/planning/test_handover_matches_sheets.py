"""The driver's expected money is what his route sheet says to collect: one figure from one function."""

from __future__ import annotations

import datetime as dt

import pytest

from omnidesk.services import planning
from omnidesk.services.cashier import handover
from omnidesk.services.planning.sheets import route_sheets

from .test_planning import DAY, planned


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_expected_money_is_the_route_sheets_total_even_with_supplier_pickups(demo_db):
    draft = planned(demo_db)
    sheets = {sheet.driver: sheet for sheet in route_sheets(draft)}
    assert any(stop.kind == "pickup" for sheet in sheets.values() for stop in sheet.stops)  # the case that doubled
    rows = {row.driver: row for row in handover(demo_db, DAY) if row.route_id}
    assert set(rows) == set(sheets)
    assert {driver: row.expected for driver, row in rows.items()} == \
        {driver: sheet.to_collect for driver, sheet in sheets.items()}
    assert all(row.stops == sum(1 for s in sheets[d].stops if s.kind != "pickup") for d, row in rows.items())
    assert planning.load_draft(demo_db, DAY).report.feasible and dt.date.today()
