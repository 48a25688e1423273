"""``omnidesk gui``, ``omnidesk demo`` and ``omnidesk screenshots DIR``: the commands that start the UI."""

from __future__ import annotations

import shutil
from pathlib import Path

from omnidesk.app import NoDisplay
from omnidesk.config import data_dir
from omnidesk.core.errors import InvalidInput
from omnidesk.services.context import emulator_dir_for
from omnidesk.services.database import init_database
from omnidesk.services.demo import load_demo
from omnidesk.services.demo_statement import write_demo_statement

from . import common

NO_DISPLAY = NoDisplay


def register(commands) -> None:
    common.command(commands, "gui", "открыть окно программы (команда по умолчанию)", run_gui)
    demo = common.command(commands, "demo", "новая демонстрационная база и окно программы на ней; рядом — "
                          "банковская выписка на её даты (demo-statement.txt)", run_demo)
    demo.add_argument("--keep", action="store_true",
                      help="открыть прежнюю демонстрационную базу, не создавая её заново")
    shots = common.command(commands, "screenshots", "снимки всех страниц окна в DIR/<страница>.png", run_screenshots)
    shots.add_argument("directory", metavar="DIR")
    shots.add_argument("--size", default="1440x900", metavar="ШxВ",
                       help="размер окна в точках, например 1366x768 (по умолчанию 1440x900)")


def run_gui(args) -> int:
    from omnidesk.app import run

    return run(args.db, args.lang)


def demo_db_url() -> str:
    """A demo database file made anew each time, beside (never instead of) the working one, with a
    fresh emulator of its own."""
    path = data_dir() / "demo.sqlite3"
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    shutil.rmtree(emulator_dir_for(url, demo=True), ignore_errors=True)
    return url


def run_demo(args) -> int:
    from omnidesk.app import display_problem, run

    problem = display_problem()
    if problem:  # said before the demo database is made anew
        raise NoDisplay(problem)
    path = data_dir() / "demo.sqlite3"
    if args.keep and not args.db and path.exists():
        url = f"sqlite:///{path}"
        print(f"Демонстрационная база (прежняя): {url}")
        return run(url, args.lang)
    url = args.db or demo_db_url()
    db, _ = init_database(url)
    summary = load_demo(db)
    statement = write_demo_statement(db, data_dir() / "demo-statement.txt")
    db.engine.dispose()
    print(f"Демонстрационная база: {url} — {summary.orders} заказов, {summary.customers} покупателей")
    print(f"Выписка банка на даты демо (для страницы «Банк»): {statement}")
    print("Открыть эту базу снова, не создавая заново: omnidesk demo --keep")
    return run(url, args.lang)


def parse_size(text: str) -> tuple[int, int]:
    width, _x, height = text.lower().replace("×", "x").partition("x")
    if not (width.isdigit() and height.isdigit()) or int(width) < 640 or int(height) < 480:
        raise InvalidInput(f"размер окна «{text}»: ожидается ШИРИНАxВЫСОТА, не меньше 640x480, например 1366x768")
    return int(width), int(height)


def run_screenshots(args) -> int:
    from omnidesk.app import screenshots

    for path in screenshots(Path(args.directory), args.db, args.lang, size=parse_size(args.size),
                            context=common.context(args)):
        print(path)
    return 0
