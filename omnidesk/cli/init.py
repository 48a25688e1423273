"""``omnidesk init [--demo]``: create or upgrade the database; optionally add the demo dataset."""

from __future__ import annotations

from omnidesk.config import Settings
from omnidesk.services.database import init_database
from omnidesk.services.demo import DemoAlreadyLoaded, load_demo

from . import common


def register(commands) -> None:
    parser = common.command(commands, "init", "создать или обновить базу данных", run_init)
    parser.add_argument("--demo", action="store_true", help="добавить демонстрационные данные")
    common.add_json_option(parser)


def run_init(args) -> int:
    db, result = init_database(Settings().db_url(args.db))
    demo = None
    if args.demo:
        try:
            demo = load_demo(db)
        except DemoAlreadyLoaded as exc:
            print(f"omnidesk: {exc}")
    if args.json:
        common.print_json({
            "database": result.database, "created": result.created,
            "revision_before": result.revision_before, "revision": result.revision_after,
            "demo": demo.__dict__ if demo else None,
        })
        return 0
    print(f"База {result.database}: {_what_happened(result)}")
    if demo:
        print(f"Демонстрационные данные: {demo.customers} покупателей, {demo.orders} заказов, "
              f"{demo.products} товаров, {demo.drivers} водителей, {demo.payments} предоплат")
    return 0


def _what_happened(result) -> str:
    if result.created:
        return f"создана (ревизия схемы {result.revision_after})"
    if result.revision_before == result.revision_after:
        return f"схема актуальна (ревизия {result.revision_after}), данные не тронуты"
    return f"схема обновлена {result.revision_before} → {result.revision_after}, данные сохранены"
