"""``omnidesk config get|set|list``: settings kept in the user's config directory."""

from __future__ import annotations

from omnidesk.config import OPTIONS, Settings

from . import common


def register(commands) -> None:
    config = commands.add_parser("config", help="настройки")
    sub = config.add_subparsers(dest="config_command", metavar="ДЕЙСТВИЕ", required=True)
    get = common.command(sub, "get", "показать значение настройки", run_get)
    get.add_argument("key", metavar="KEY", help=", ".join(OPTIONS))
    set_ = common.command(sub, "set", "изменить настройку", run_set)
    set_.add_argument("key", metavar="KEY")
    set_.add_argument("value", metavar="VALUE")
    listing = common.command(sub, "list", "все настройки", run_list)
    common.add_json_option(listing)


def run_get(args) -> int:
    print(Settings().get(args.key))
    return 0


def run_set(args) -> int:
    settings = Settings()
    value = settings.set(args.key, args.value)
    print(f"{args.key} = {value}  ({settings.path})")
    return 0


def run_list(args) -> int:
    settings = Settings()
    if args.json:
        common.print_json(dict(settings.items()))
        return 0
    for key, value in settings.items():
        print(f"{key:<24} {value!s:<40} # {OPTIONS[key].help}")
    return 0
