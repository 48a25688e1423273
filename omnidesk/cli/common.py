"""What every command shares: --db, --json, --debug, --lang, output and error reporting."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import logging
import os
import sys
import traceback
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from omnidesk.core.errors import InvalidInput
from omnidesk.services.auth import Actor
from omnidesk.services.context import AppContext
from omnidesk.services.fiscal import FiscalJournal
from omnidesk.services.uow import Database


def add_common_options(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """Options accepted both before and after the command name."""
    default = None if top_level else argparse.SUPPRESS
    parser.add_argument("--db", metavar="URL", default=default,
                        help="база данных: sqlite:///путь, postgresql+psycopg://… (по умолчанию — файл SQLite пользователя)")
    parser.add_argument("--debug", action="store_true", default=False if top_level else argparse.SUPPRESS,
                        help="показывать полный стек ошибок")
    parser.add_argument("--lang", choices=("ru", "en"), default=default, help="язык интерфейса")
    parser.add_argument("--user", metavar="ЛОГИН", default=default,
                        help="войти как этот пользователь (пароль — из OMNIDESK_PASSWORD или запрос)")


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="вывести данные в JSON")


def command(commands, name: str, help_text: str, func, *, retry: bool = False) -> argparse.ArgumentParser:
    """A subcommand; ``retry``: it is one unit of work, safe to run once more when the database was busy."""
    parser = commands.add_parser(name, help=help_text, description=help_text)
    add_common_options(parser)
    parser.set_defaults(func=func, retry_when_busy=retry)
    return parser


def context(args: argparse.Namespace) -> AppContext:
    """The application context of this command, built once by the composition root (omnidesk.app)."""
    built = getattr(args, "_context", None)
    if built is None:
        from omnidesk.app import build_context

        built = build_context(getattr(args, "db", None), lang=getattr(args, "lang", None))
        args._context = built
        login = getattr(args, "user", None)
        if login:
            built.sign_in(login, password("OMNIDESK_PASSWORD", f"Пароль пользователя {login}: "))
        built.actor  # noqa: B018 - on a shared database nothing is done before signing in (raises)
    return built


def password(variable: str, prompt: str, *, confirm: bool = False) -> str:
    """A password from the environment variable, else asked on the terminal (never an argument: ps shows those)."""
    value = os.environ.get(variable)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise InvalidInput(f"нужен пароль: задайте {variable} или запустите команду в терминале")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Повторите пароль: ") != value:
        raise InvalidInput("пароли не совпадают")
    return value


def open_db(args: argparse.Namespace) -> Database:
    return context(args).db


def actor(args: argparse.Namespace) -> Actor:
    return context(args).actor


def journal(args: argparse.Namespace) -> FiscalJournal:
    """The fiscal journal on the register named in settings (the built-in emulator by default)."""
    return context(args).journal()


MAX_ID = 2**31 - 1  # ids are 32-bit in the database


def record_id(text: str) -> int:
    """An argparse type: the number of a record (an allocation, a driver …), never beyond what a column holds."""
    if not text.isascii() or not text.isdigit() or not 0 < int(text) <= MAX_ID:
        raise argparse.ArgumentTypeError(f"«{text}» — не номер записи (целое от 1 до {MAX_ID})")
    return int(text)


def bounded(kind: type, low: float, high: float):
    """An argparse type for a finite number within [low, high] (no nan, no inf, no 10²⁵)."""

    def parse(text: str):
        try:
            value = kind(text) if text.isascii() else None
        except ValueError:
            value = None
        if value is None or value != value or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"«{text}» — нужно число от {low:g} до {high:g}")
        return value

    return parse


def parse_quantity(text: str) -> int:
    """``2`` or ``1,5`` → thousandths of a unit."""
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise InvalidInput(f"количество «{text}» — не число") from None
    milli = value * 1000
    if milli != milli.to_integral_value() or milli <= 0:
        raise InvalidInput(f"количество «{text}»: больше нуля, не точнее тысячных")
    return int(milli)


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"дата «{text}» не в формате ГГГГ-ММ-ДД") from None


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def fail(args: argparse.Namespace, message: str, exc: BaseException | None, code: int = 2) -> int:
    """One line on stderr (and the stack with --debug), secrets masked; the log keeps it too."""
    from omnidesk.diagnostics import scrub

    if getattr(args, "debug", False) and exc is not None:
        print(scrub("".join(traceback.format_exception(exc))), file=sys.stderr)
    line = scrub(message)
    logging.getLogger("omnidesk.cli").warning("%s: %s", getattr(args, "command", ""), line)
    print(f"omnidesk: ошибка: {line}", file=sys.stderr)
    return code


def add_output_option(parser: argparse.ArgumentParser, metavar: str = "FILE.xlsx", help_text: str = "куда сохранить") -> None:
    parser.add_argument("-o", "--output", required=True, metavar=metavar, help=help_text)
    parser.add_argument("--force", action="store_true", help="перезаписать файл, если он уже есть")


def output_path(args: argparse.Namespace, *suffixes: str) -> Path:
    """Where an export goes: the folder exists, the extension fits, and an existing file is overwritten only
    with ``--force`` or when the person at the terminal says so."""
    path = Path(args.output)
    if suffixes and path.suffix.lower() not in suffixes:
        raise InvalidInput(f"файл {path.name}: нужно расширение {' или '.join(suffixes)}")
    if not path.parent.exists():
        raise InvalidInput(f"папки {path.parent} нет")
    if path.exists() and not getattr(args, "force", False):
        if path.is_dir():
            raise InvalidInput(f"{path} — папка, а не файл")
        if not (sys.stdin and sys.stdin.isatty() and _confirm(f"Файл {path} уже есть. Перезаписать? [д/Н] ")):
            raise InvalidInput(f"файл {path} уже есть — не перезаписан (добавьте --force, чтобы перезаписать)")
    return path


def _confirm(question: str) -> bool:
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().lower() in ("д", "да", "y", "yes")
