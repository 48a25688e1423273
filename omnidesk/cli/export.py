"""``omnidesk export act|payments|unmatched``: Excel documents for the accountant."""

from __future__ import annotations

import argparse
from pathlib import Path

from omnidesk.core.errors import InvalidInput, file_error_text
from omnidesk.services.customers import resolve_customer_id
from omnidesk.services.reports import payments_register, reconciliation_act, unmatched_transfers

from . import common


def register(commands) -> None:
    export = commands.choices.get("export")  # another group may have made it already (route sheets)
    if export is None:
        export = commands.add_parser("export", help="выгрузки в файлы", description="выгрузки в файлы")
        export.add_subparsers(dest="export_command", metavar="ЧТО", required=True)
    sub = next(action for action in export._actions if isinstance(action, argparse._SubParsersAction))
    act = common.command(sub, "act", "акт сверки взаиморасчётов с покупателем за период", run_act)
    act.add_argument("--customer", required=True, help="ИНН или id покупателя (или телефон, точное имя)")
    _period(act, required=True)
    payments = common.command(sub, "payments", "реестр поступлений за период", run_payments)
    _period(payments, required=True)
    unmatched = common.command(sub, "unmatched", "неразнесённые банковские поступления", run_unmatched)
    _period(unmatched, required=False)


def _period(parser, *, required: bool) -> None:
    parser.add_argument("--from", dest="date_from", required=required, metavar="ГГГГ-ММ-ДД", help="начало периода")
    parser.add_argument("--to", dest="date_to", required=required, metavar="ГГГГ-ММ-ДД", help="конец периода")
    common.add_output_option(parser)


def _output(args) -> Path:
    return common.output_path(args, ".xlsx")


def _save(writer, report, path: Path) -> int:
    try:
        writer(report, path)
    except OSError as exc:
        raise InvalidInput(file_error_text(exc, "записать")) from None
    print(f"Сохранено: {path}")
    return 0


def run_act(args) -> int:
    path = _output(args)
    db = common.open_db(args)
    act = reconciliation_act(db, common.actor(args), resolve_customer_id(db, args.customer), common.parse_date(args.date_from),
                             common.parse_date(args.date_to))
    from omnidesk.integrations.excel import write_act  # openpyxl: loaded by the export commands only

    return _save(write_act, act, path)


def run_payments(args) -> int:
    path = _output(args)
    report = payments_register(common.open_db(args), common.actor(args), common.parse_date(args.date_from),
                               common.parse_date(args.date_to))
    from omnidesk.integrations.excel import write_payments  # openpyxl: loaded by the export commands only

    return _save(write_payments, report, path)


def run_unmatched(args) -> int:
    path = _output(args)
    start = common.parse_date(args.date_from) if args.date_from else None
    end = common.parse_date(args.date_to) if args.date_to else None
    from omnidesk.integrations.excel import write_unmatched  # openpyxl: loaded by the export commands only

    return _save(write_unmatched, unmatched_transfers(common.open_db(args), common.actor(args), start, end), path)
