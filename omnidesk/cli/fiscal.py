"""``omnidesk fiscal status|open-shift|x-report|z-report|print-owed``: the register from the shell."""

from __future__ import annotations

import dataclasses

from omnidesk.services.fiscal import FiscalDeviceError

from . import common
from .receipts_json import receipt_json, receipt_line


def register(commands) -> None:
    fiscal = commands.add_parser("fiscal", help="фискальный регистратор (ККТ)")
    sub = fiscal.add_subparsers(dest="fiscal_command", metavar="ДЕЙСТВИЕ", required=True)
    for name, help_text, func in (
        ("status", "состояние ККТ и смены", run_status),
        ("open-shift", "открыть смену", run_open_shift),
        ("x-report", "X-отчёт (без закрытия смены)", run_x_report),
        ("z-report", "Z-отчёт: закрыть смену", run_z_report),
        ("print-owed", "напечатать все чеки к печати (например, за вчерашние переводы)", run_print_owed),
    ):
        common.add_json_option(common.command(sub, name, help_text, func))


def _with_journal(args, work):
    journal = common.journal(args)
    try:
        return work(journal)
    finally:
        journal.close()


def run_status(args) -> int:
    state = _with_journal(args, lambda j: j.status())
    if args.json:
        common.print_json(dataclasses.asdict(state))
        return 0
    shift = f"смена №{state.shift_number} открыта" if state.shift_open else "смена закрыта"
    print(f"ККТ: {state.description}, ФН {state.fn_number}; {shift}; последний ФД №{state.last_document_number}")
    for warning in state.warnings:
        print(f"  ! {warning}")
    return 0


def _document(args, action: str, call) -> int:
    result = _with_journal(args, call)
    if args.json:
        common.print_json(dataclasses.asdict(result) if result is not None else {"done": action})
    elif result is not None:
        print(f"{action}: ФД №{result.fd_number}, смена №{result.shift_number}")
    else:
        print(f"{action}: готово")
    return 0


def run_open_shift(args) -> int:
    return _document(args, "Смена открыта", lambda j: j.open_shift())


def run_x_report(args) -> int:
    return _document(args, "X-отчёт", lambda j: j.x_report())


def run_z_report(args) -> int:
    return _document(args, "Z-отчёт, смена закрыта", lambda j: j.close_shift())


def run_print_owed(args) -> int:
    run = _with_journal(args, lambda j: j.print_owed())
    if args.json:
        common.print_json({"printed": [receipt_json(r) for r in run.printed], "error": run.error,
                           "remaining": run.remaining})
    else:
        for r in run.printed:
            print(receipt_line(r))
        print(f"Напечатано чеков: {len(run.printed)}")
    if run.error:
        raise FiscalDeviceError(f"{run.error} (не напечатано: {run.remaining})")
    return 0
