"""``omnidesk bank`` and ``omnidesk export`` end to end on a database file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from openpyxl import load_workbook

from omnidesk.cli import main
from omnidesk.services.database import open_database

sys.path.insert(0, str(Path(__file__).parents[1] / "services"))
from bank_statements import OUTGOING, PETROVA_THREE, SANTEH_OVER, STRANGER, standard_shop, statement


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def prepare(tmp_path, sqlite_url):
    db = open_database(sqlite_url)
    shop = standard_shop(db)
    db.engine.dispose()
    path = tmp_path / "kl_to_1c.txt"
    path.write_bytes(statement(PETROVA_THREE, SANTEH_OVER, STRANGER, OUTGOING))
    return shop, path


def test_import_twice_review_and_export(capsys, tmp_path, sqlite_url):
    _shop, path = prepare(tmp_path, sqlite_url)
    code, out, _ = run(capsys, "bank", "import", path, "--json", "--db", sqlite_url)
    result = json.loads(out)
    assert code == 0 and (result["imported"], result["duplicates"], result["outgoing_skipped"]) == (3, 0, 1)
    statuses = {line["number"]: line["status"] for line in result["lines"]}
    assert statuses == {"417": "allocated", "88": "allocated", "12": "review", "5": "outgoing_skipped"}
    petrova = result["lines"][0]
    assert petrova["allocated"][0] == {"order": "10231", "amount": "12450.00"} and petrova["receipts_owed"] == 3
    code, out, _ = run(capsys, "bank", "import", path, "--db", sqlite_url)
    assert code == 0 and "новых 0, повторов 4" in out and "повтор" in out
    code, out, _ = run(capsys, "bank", "review", "--json", "--db", sqlite_url)
    assert code == 0 and [line["number"] for line in json.loads(out)] == ["12"]
    code, out, _ = run(capsys, "bank", "review", "--db", sqlite_url)
    assert "Ждут разбора: 1" in out and "Плательщик не найден" in out
    act = tmp_path / "act.xlsx"
    code, out, _ = run(capsys, "export", "act", "--customer", "5012345678", "--from", "2025-03-01", "--to", "2030-12-31",
                       "-o", act, "--db", sqlite_url)
    assert code == 0 and act.exists()
    ws = load_workbook(act).active
    assert ws["A1"].value == "Акт сверки взаимных расчётов" and "СантехМонтаж" in ws["A3"].value
    assert "Оплата (п/п №88 от 10.03.2025)" in [c.value for c in ws["B"]]
    for what, extra in (("payments", ["--from", "2025-03-01", "--to", "2025-03-31"]), ("unmatched", [])):
        out_file = tmp_path / f"{what}.xlsx"
        code, _, _ = run(capsys, "export", what, *extra, "-o", out_file, "--db", sqlite_url)
        assert code == 0 and load_workbook(out_file).active.max_row >= 4


def test_errors_are_one_clear_line(capsys, tmp_path, sqlite_url):
    _, path = prepare(tmp_path, sqlite_url)
    broken = tmp_path / "broken.txt"
    broken.write_bytes(path.read_bytes().replace("Сумма=2500.00".encode("cp1251"), "Сумма=2x00".encode("cp1251")))
    code, out, err = run(capsys, "bank", "import", broken, "--db", sqlite_url)
    assert code != 0 and out == "" and len(err.strip().splitlines()) == 1
    assert "broken.txt: строка" in err and "ничего не загружено" in err
    code, _, err = run(capsys, "bank", "import", tmp_path / "missing.txt", "--db", sqlite_url)
    assert code != 0 and "не удалось прочитать" in err
    code, _, err = run(capsys, "export", "act", "--customer", "0000000000", "--from", "2025-03-01", "--to", "2025-03-31",
                       "-o", tmp_path / "a.xlsx", "--db", sqlite_url)
    assert code != 0 and "не найден" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "export", "payments", "--from", "2025-03-31", "--to", "2025-03-01",
                       "-o", tmp_path / "p.xlsx", "--db", sqlite_url)
    assert code != 0 and "наоборот" in err
