"""The ``omnidesk`` command: headless commands over the services, plus ``gui`` and ``screenshots``."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence

from omnidesk import __version__
from omnidesk.core.errors import Busy, OmniDeskError, file_error_text

from . import (
    argparse_ru,
    bank,
    common,
    config_cmd,
    customers,
    door,
    export,
    fiscal,
    gui,
    init,
    money,
    orders,
    plan,
    sync,
)

GROUPS = (init, orders, customers, money, door, bank, export, fiscal, plan, sync, config_cmd, gui)


def build_parser() -> argparse.ArgumentParser:
    argparse_ru.install()
    parser = argparse.ArgumentParser(
        prog="omnidesk",
        description="OmniDesk — доставка, деньги и чеки 54-ФЗ в одном окне. Без команды запускает окно программы.",
    )
    parser.add_argument("--version", action="version", version=f"omnidesk {__version__}")
    common.add_common_options(parser, top_level=True)
    commands = parser.add_subparsers(dest="command", metavar="КОМАНДА")
    for group in GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.func = gui.run_gui
    try:
        return _run(args)
    except OmniDeskError as exc:
        return common.fail(args, str(exc), exc)
    except BrokenPipeError:  # output piped into head or less that closed early
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep interpreter shutdown quiet
        return 0
    except gui.NO_DISPLAY as exc:  # Qt would abort with its xcb message: one line on what to do instead
        return common.fail(args, str(exc), exc, code=1)
    except OSError as exc:  # a file the command was given: said in Russian, not the system's English
        return common.fail(args, file_error_text(exc), exc)
    except KeyboardInterrupt:
        return common.fail(args, "прервано", None, code=130)
    except Exception as exc:  # the one place an unexpected error becomes one clear line
        return common.fail(args, f"непредвиденная ошибка: {type(exc).__name__}: {exc}", exc, code=1)


def _run(args: argparse.Namespace) -> int:
    """The command; once more after a moment if another workstation was in the way and doing it again is safe
    (the command is one unit of work, which rolled back whole)."""
    try:
        return args.func(args) or 0
    except Busy:
        if not getattr(args, "retry_when_busy", False):
            raise
    time.sleep(0.3)
    return args.func(args) or 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
