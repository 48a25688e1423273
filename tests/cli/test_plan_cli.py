"""`omnidesk plan --json` and `omnidesk export route-sheets` on the demo database."""

from __future__ import annotations

import datetime as dt
import json

from openpyxl import load_workbook

from omnidesk.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_json_then_route_sheets(capsys, sqlite_url, tmp_path):
    run(capsys, "init", "--demo", "--db", sqlite_url)
    today = dt.date.today().isoformat()
    code, out, err = run(capsys, "plan", "--date", today, "--time-limit", "20", "--max-iterations", "200", "--json",
                         "--db", sqlite_url)
    assert code == 0, err
    plan = json.loads(out)
    assert plan["feasible"] and plan["violations"] == [] and plan["unassigned"] == []
    assert plan["vehicles"] == len(plan["routes"]) >= 1
    assert plan["distance_m"] == sum(route["distance_m"] for route in plan["routes"])
    stops = [stop for route in plan["routes"] for stop in route["stops"]]
    assert all(set(stop) >= {"order", "kind", "arrival", "window", "load_after"} for stop in stops)
    for route in plan["routes"]:
        kinds = {stop["stop"]: i for i, stop in enumerate(route["stops"])}
        assert all(kinds[s] < kinds[s[2:]] for s in kinds if s.startswith("P:"))  # pickup before delivery
        assert route["start_load"]["kg"] <= route["capacity"]["kg"]
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    code, out, _ = run(capsys, "plan", "--date", tomorrow, "--time-limit", "20", "--max-iterations", "100", "--json",
                       "--db", sqlite_url)
    reasons = [item["reason"] for item in json.loads(out)["unassigned"]]
    assert code == 0 and reasons and all("только собранные" in reason for reason in reasons)
    target = tmp_path / "sheets.xlsx"
    code, out, _ = run(capsys, "export", "route-sheets", "--date", today, "-o", str(target), "--db", sqlite_url)
    assert code == 0 and target.exists()
    workbook = load_workbook(target)
    assert len(workbook.sheetnames) == plan["vehicles"]
    first = workbook[workbook.sheetnames[0]]
    assert first["A1"].value.startswith("Маршрутный лист на ")
    assert first["A7"].value == 1 and first["B7"].value == plan["routes"][0]["stops"][0]["arrival"]
    texts = [cell.value for row in first.iter_rows(min_col=4, max_col=4) for cell in row if cell.value]
    door = [t for t in texts if str(t).startswith("Чек: приход, полный расчёт (1214 = 4)")]
    assert door, "each delivery shows the receipt the driver issues at the door"
    assert any(str(t).strip().startswith("Получить:") for t in texts)
    assert any(str(t).strip().startswith("Отказ от «") for t in texts)
