"""``omnidesk init [--demo]``: create or upgrade the database; optionally add the demo dataset."""

from __future__ import annotations

import os
import sys

from omnidesk.config import Settings
from omnidesk.services.database import create_app_role, init_database
from omnidesk.services.demo import DemoAlreadyLoaded, load_demo
from omnidesk.services.users import ADMIN_LOGIN, create_first_admin, has_users

from . import common


def register(commands) -> None:
    parser = common.command(commands, "init", "создать или обновить базу данных", run_init)
    parser.add_argument("--demo", action="store_true", help="добавить демонстрационные данные")
    parser.add_argument("--app-role", metavar="ИМЯ",
                        help="PostgreSQL: создать роль, под которой работают рабочие места (ничем не владеет); "
                             "пароль — из OMNIDESK_APP_PASSWORD или запрос")
    common.add_json_option(parser)


def run_init(args) -> int:
    settings = Settings()
    db, result = init_database(settings.db_url(args.db))
    admin = _first_admin(db, sqlite=db.engine.dialect.name == "sqlite" and settings.without_sign_in())
    if args.app_role:
        password = common.password("OMNIDESK_APP_PASSWORD", f"Пароль роли {args.app_role}: ", confirm=True)
        create_app_role(db.engine, args.app_role, password)
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
            "demo": demo.__dict__ if demo else None, "admin_created": admin, "app_role": args.app_role,
        })
        return 0
    print(f"База {result.database}: {_what_happened(result)}")
    if admin:
        print(f"Создан администратор: логин {ADMIN_LOGIN}")
    if args.app_role:
        print(f"Роль приложения {args.app_role}: вход разрешён, владеет ничем; рабочие места подключаются под ней")
    if demo:
        print(f"Демонстрационные данные: {demo.customers} покупателей, {demo.orders} заказов, "
              f"{demo.products} товаров, {demo.drivers} водителей, {demo.payments} предоплат")
    return 0


def _first_admin(db, *, sqlite: bool) -> bool:
    """An empty database gets its administrator (login ``admin``); a lone SQLite workstation may go without."""
    if has_users(db):
        return False
    if sqlite and not os.environ.get("OMNIDESK_PASSWORD") and not (sys.stdin and sys.stdin.isatty()):
        return False  # works without sign-in; `omnidesk users add` adds people when the office wants them
    password = common.password("OMNIDESK_PASSWORD", "Пароль администратора (логин admin): ", confirm=True)
    create_first_admin(db, password)
    return True


def _what_happened(result) -> str:
    if result.created:
        return f"создана (ревизия схемы {result.revision_after})"
    if result.revision_before == result.revision_after:
        return f"схема актуальна (ревизия {result.revision_after}), данные не тронуты"
    return f"схема обновлена {result.revision_before} → {result.revision_after}, данные сохранены"
