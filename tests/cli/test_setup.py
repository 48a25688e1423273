"""Setup (issue 13 item 11): no display said in one line, demo --keep, the demo's own statement, plan on an
empty day warns, empty Orders page says where orders come from, bench results name no absolute path."""

from __future__ import annotations

from pathlib import Path

import pytest

from omnidesk.app import display_problem
from omnidesk.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_no_display_is_said_in_one_line(capsys, monkeypatch):
    assert "QT_QPA_PLATFORM=offscreen" in display_problem({}, lambda _name: "libxcb-cursor.so.0")
    assert "libxcb-cursor0" in display_problem({"DISPLAY": ":0"}, lambda _name: None)
    assert display_problem({"DISPLAY": ":0"}, lambda _name: "libxcb-cursor.so.0") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, lambda _name: None) is None
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    code, _out, err = run(capsys, "demo")
    assert code == 1 and len(err.strip().splitlines()) == 1 and "offscreen" in err


def test_demo_keep_reopens_and_the_demo_drops_its_statement(capsys, monkeypatch, user_dirs):
    import omnidesk.app

    opened = []
    monkeypatch.setattr(omnidesk.app, "display_problem", lambda: None)
    monkeypatch.setattr(omnidesk.app, "run", lambda url, lang: opened.append(url) or 0)
    code, out, _ = run(capsys, "demo")
    assert code == 0 and "demo --keep" in out
    statement = user_dirs / "data" / "demo-statement.txt"
    assert statement.exists() and statement.read_bytes().startswith(b"1CClientBankExchange")
    database = user_dirs / "data" / "demo.sqlite3"
    stamp = database.stat().st_mtime_ns
    code, out, _ = run(capsys, "demo", "--keep")
    assert code == 0 and "прежняя" in out and database.stat().st_mtime_ns == stamp
    assert opened[0] == opened[1]


def test_plan_on_a_day_without_orders_warns(capsys, sqlite_url):
    run(capsys, "init", "--demo", "--db", sqlite_url)
    _code, out, _ = run(capsys, "plan", "--date", "2030-01-01", "--time-limit", "1", "--db", sqlite_url)
    assert "заказов с доставкой нет" in out and "сохранён" not in out


def test_bench_results_name_no_absolute_path():
    for result in (ROOT / "bench" / "results").glob("*.md"):
        text = result.read_text(encoding="utf-8")
        assert "/work/" not in text and "/home/" not in text and "/root/" not in text, result.name


def test_readme_apt_line_updates_first_and_needs_no_sudo():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if "apt-get install" in line and "libxcb-cursor0" in line)
    assert "apt-get update" in line and not line.startswith("sudo ")
    assert "omnidesk demo --keep" in readme and "QT_QPA_PLATFORM=offscreen" in readme


@pytest.mark.parametrize("argv", [("demo", "--help")])
def test_demo_help_mentions_keep(capsys, argv):
    with pytest.raises(SystemExit):
        main(list(argv))
    assert "--keep" in capsys.readouterr().out
