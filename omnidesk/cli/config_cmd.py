"""``omnidesk config get|set|list``: settings kept in the user's config directory (secrets shown masked)."""

from __future__ import annotations

from omnidesk.config import OPTIONS, Settings
from omnidesk.services.database import DatabaseNotCreated

from . import common

# saved without opening the database: the database's own address, and how this workstation signs in
LOCAL_ONLY = frozenset({"db.url"})


def register(commands) -> None:
    config = commands.add_parser("config", help="настройки")
    sub = config.add_subparsers(dest="config_command", metavar="ДЕЙСТВИЕ", required=True)
    get = common.command(sub, "get", "показать значение настройки (секреты — скрыты)", run_get)
    get.add_argument("key", metavar="KEY", help=", ".join(OPTIONS))
    set_ = common.command(sub, "set", "изменить настройку", run_set)
    set_.add_argument("key", metavar="KEY")
    set_.add_argument("value", metavar="VALUE")
    listing = common.command(sub, "list", "все настройки (секреты — скрыты)", run_list)
    common.add_json_option(listing)


def run_get(args) -> int:
    print(Settings().shown(args.key))
    return 0


def run_set(args) -> int:
    """Other settings go through the application context: an administrator's right, and in the audit log."""
    note = ""
    if args.key in LOCAL_ONLY:
        settings = Settings()
        settings.set(args.key, args.value)
    else:
        try:
            context = common.context(args)
        except DatabaseNotCreated:  # a new workstation set up before `omnidesk init`: no audit log to write to yet
            settings = Settings()
            settings.set(args.key, args.value)
            note = "; базы ещё нет — изменение не записано в журнал изменений"
        else:
            context.update_settings({args.key: args.value})
            settings = context.settings
    where = settings.secrets_where if OPTIONS[args.key].secret else str(settings.path)
    print(f"{args.key} = {settings.shown(args.key)}  ({where}{note})")
    return 0


def run_list(args) -> int:
    settings = Settings()
    if args.json:
        common.print_json({key: settings.shown(key) for key in OPTIONS})
        return 0
    for key in OPTIONS:
        print(f"{key:<24} {settings.shown(key)!s:<40} # {OPTIONS[key].help}")
    return 0
