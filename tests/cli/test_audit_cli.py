"""`omnidesk audit list|export` and exports that never overwrite a file unasked."""

import csv
import json

from openpyxl import load_workbook

from omnidesk.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_audit_list_and_export(capsys, sqlite_url, tmp_path):
    assert run(capsys, "init", "--demo", "--db", sqlite_url)[0] == 0
    assert run(capsys, "payments", "add", "--customer", "1", "--amount", "100", "--kind", "cash", "--db", sqlite_url)[0] == 0
    assert run(capsys, "config", "set", "company.name", "ООО «Тепло»", "--db", sqlite_url)[0] == 0
    code, out, _ = run(capsys, "audit", "list", "--entity", "payment", "--json", "--db", sqlite_url)
    rows = json.loads(out)
    assert code == 0 and rows and {r["entity"] for r in rows} == {"payment"} and all(r["workstation"] for r in rows)
    code, out, _ = run(capsys, "audit", "list", "--entity", "setting", "--db", sqlite_url)
    assert code == 0 and "settings.set" in out and "ООО «Тепло»" in out
    xlsx, text = tmp_path / "audit.xlsx", tmp_path / "audit.csv"
    assert run(capsys, "audit", "export", "-o", str(xlsx), "--db", sqlite_url)[0] == 0
    sheet = load_workbook(xlsx).active
    assert sheet.cell(3, 3).value == "Кто" and sheet.max_row > 4
    assert run(capsys, "audit", "export", "--action", "payment.", "-o", str(text), "--db", sqlite_url)[0] == 0
    with text.open(encoding="utf-8-sig") as stream:
        lines = list(csv.reader(stream, delimiter=";"))
    assert lines[0][:3] == ["id", "at", "user"] and {line[4] for line in lines[1:]} == {"payment.register"}


def test_exports_do_not_overwrite_without_force(capsys, sqlite_url, tmp_path):
    assert run(capsys, "init", "--demo", "--db", sqlite_url)[0] == 0
    target = tmp_path / "payments.xlsx"
    target.write_bytes(b"the accountant's own file")
    args = ("export", "payments", "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(target), "--db", sqlite_url)
    code, _, err = run(capsys, *args)
    assert code == 2 and "уже есть" in err and "--force" in err
    assert target.read_bytes() == b"the accountant's own file"
    code, _, _ = run(capsys, *args, "--force")
    assert code == 0 and load_workbook(target).active.title == "Поступления"
    code, _, err = run(capsys, "audit", "export", "-o", str(target), "--db", sqlite_url)
    assert code == 2 and "уже есть" in err
