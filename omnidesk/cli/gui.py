"""``omnidesk gui``, ``omnidesk demo`` and ``omnidesk screenshots DIR``: the commands that start the UI."""

from __future__ import annotations

from pathlib import Path

from omnidesk.config import data_dir
from omnidesk.services.database import init_database
from omnidesk.services.demo import load_demo

from . import common


def register(commands) -> None:
    common.command(commands, "gui", "открыть окно программы (команда по умолчанию)", run_gui)
    common.command(commands, "demo", "новая демонстрационная база и окно программы на ней", run_demo)
    shots = common.command(commands, "screenshots", "снимки всех страниц окна в DIR/<страница>.png", run_screenshots)
    shots.add_argument("directory", metavar="DIR")


def run_gui(args) -> int:
    from omnidesk.app import run

    return run(args.db, args.lang)


def demo_db_url() -> str:
    """A demo database file made anew each time, beside (never instead of) the working one."""
    path = data_dir() / "demo.sqlite3"
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def run_demo(args) -> int:
    from omnidesk.app import run

    url = args.db or demo_db_url()
    db, _ = init_database(url)
    summary = load_demo(db)
    db.engine.dispose()
    print(f"Демонстрационная база: {url} — {summary.orders} заказов, {summary.customers} покупателей")
    return run(url, args.lang)


def run_screenshots(args) -> int:
    from omnidesk.app import screenshots

    for path in screenshots(Path(args.directory), args.db, args.lang, context=common.context(args)):
        print(path)
    return 0
