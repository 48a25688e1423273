"""``omnidesk plan``: the day's routes (saved as drafts); ``omnidesk geocode``: coordinates for orders
without them; ``omnidesk export route-sheets``: drivers' sheets."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import threading

from omnidesk.core.errors import InvalidInput, file_error_text
from omnidesk.core.routing import format_clock
from omnidesk.services import planning
from omnidesk.services.geocoding import GeocodeOutcome, GeocodeProgress, geocode_orders

from . import common


def register(commands) -> None:
    parser = common.command(commands, "plan", "построить маршруты на день и сохранить черновик", run_plan)
    parser.add_argument("--date", required=True, help="дата доставки ГГГГ-ММ-ДД")
    parser.add_argument("--time-limit", type=common.bounded(float, 0.1, 3600), default=10.0, metavar="S",
                        help="секунд на поиск (10)")
    parser.add_argument("--seed", type=common.bounded(int, 0, 2**31 - 1), default=1, help="зерно случайности поиска (1)")
    parser.add_argument("--max-iterations", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--keep-locks", action="store_true", help="не трогать закреплённое начало маршрутов")
    parser.add_argument("--geocode", action="store_true",
                        help="сначала найти координаты заказов без них (геокодер routing.geocoder_url)")
    common.add_json_option(parser)
    geocode = common.command(commands, "geocode", "найти координаты заказов без них (геокодер routing.geocoder_url)",
                             run_geocode)
    geocode.add_argument("--date", help="только заказы с этой датой доставки ГГГГ-ММ-ДД (по умолчанию все)")
    common.add_json_option(geocode)
    register_route_sheets(commands)


def register_route_sheets(commands) -> None:
    """`export route-sheets`: added to the `export` group when it exists, else the group is created here."""
    export = commands.choices.get("export")
    if export is None:
        export = commands.add_parser("export", help="выгрузки в файлы", description="выгрузки в файлы")
        export.add_subparsers(dest="export_command", metavar="ЧТО", required=True)
    sub = next(action for action in export._actions if isinstance(action, argparse._SubParsersAction))
    parser = common.command(sub, "route-sheets", "маршрутные листы и листы погрузки в Excel", run_route_sheets)
    parser.add_argument("--date", required=True, help="дата доставки ГГГГ-ММ-ДД")
    common.add_output_option(parser, help_text="куда записать")


def travel_and_depot(args) -> tuple[planning.Travel, tuple[str, float, float]]:
    context = common.context(args)
    return context.travel, context.depot_point()


def geocoder(args):
    client = common.context(args).geocoder()
    if client is None:
        raise InvalidInput("не задан адрес геокодера: omnidesk config set routing.geocoder_url URL")
    return client


def _geocode(args, date: dt.date | None, quiet: bool) -> GeocodeOutcome:
    def progress(step: GeocodeProgress) -> None:
        if not quiet:
            mark = "найден" if step.found else "не найден"
            print(f"  {step.done}/{step.total} №{step.order}: {mark}", file=sys.stderr, flush=True)

    return geocode_orders(common.open_db(args), common.actor(args), geocoder(args), date, on_progress=progress)


def geocode_json(outcome: GeocodeOutcome) -> dict:
    return {"located": list(outcome.located), "not_found": list(outcome.not_found), "asked": outcome.asked}


def run_geocode(args) -> int:
    date = common.parse_date(args.date) if args.date else None
    outcome = _geocode(args, date, quiet=args.json)
    if args.json:
        common.print_json(geocode_json(outcome))
    else:
        _print_geocoded(outcome)
    return 0


def _print_geocoded(outcome: GeocodeOutcome) -> None:
    print(f"Координаты найдены: {len(outcome.located)}, не найдены: {len(outcome.not_found)}"
          f" (запросов к геокодеру: {outcome.asked})")
    for number in outcome.not_found:
        print(f"Адрес не найден: №{number}")


def run_plan(args) -> int:
    travel, depot = travel_and_depot(args)
    geocoded = _geocode(args, common.parse_date(args.date), quiet=args.json) if args.geocode else None
    if geocoded is not None and not args.json:
        _print_geocoded(geocoded)
    draft = planning.plan_day(common.open_db(args), common.actor(args), common.parse_date(args.date), travel=travel,
                              time_limit=args.time_limit, seed=args.seed, keep_locks=args.keep_locks,
                              max_iterations=args.max_iterations, fallback_depot=depot, cancel=threading.Event())
    if args.json:
        common.print_json(plan_json(draft) | ({"geocoded": geocode_json(geocoded)} if geocoded else {}))
    else:
        print_plan(draft)
    return 0


def plan_json(draft: planning.DayDraft) -> dict:
    summary = draft.summary()
    stats = draft.plan.stats
    return {
        "date": draft.records.date.isoformat(),
        "feasible": summary.feasible,
        "vehicles": summary.vans_used,
        "distance_m": summary.distance_m,
        "duration_s": summary.duration_s,
        "seconds": stats.seconds if stats else None,
        "first_feasible_seconds": stats.first_feasible_seconds if stats else None,
        "violations": list(draft.verdict),
        "routes": [_route_json(draft, report) for report in draft.report.routes if report.stops],
        "unassigned": [{"order": item.order, "reason": item.reason} for item in (*draft.excluded,
                                                                               *draft.plan.unassigned)],
    }


def _route_json(draft: planning.DayDraft, report) -> dict:
    driver = draft.drivers[report.vehicle]
    return {
        "driver": {"id": driver.id, "name": driver.name}, "vehicle": driver.plate,
        "capacity": {"kg": driver.capacity_kg, "dm3": driver.capacity_dm3},
        "departure": format_clock(report.departure), "return": format_clock(report.return_time),
        "distance_m": report.distance, "duration_s": report.duration,
        "start_load": {"kg": report.start_load.kg, "dm3": report.start_load.dm3},
        "locked": draft.route(report.vehicle).locked,
        "stops": [{
            "stop": str(stop.stop), "order": stop.stop.order,
            "kind": "pickup" if stop.stop.is_pickup else draft.orders[stop.stop.order].stop_kind.value,
            "arrival": format_clock(stop.arrival), "start": format_clock(stop.start), "window": str(stop.window),
            "wait_s": stop.wait, "load_after": {"kg": stop.load_after.kg, "dm3": stop.load_after.dm3},
            "violations": [v.text for v in stop.violations],
        } for stop in report.stops],
    }


def print_plan(draft: planning.DayDraft) -> None:
    for report in draft.report.routes:
        if not report.stops:
            continue
        driver = draft.drivers[report.vehicle]
        print(f"{driver.name} ({driver.plate}): {format_clock(report.departure)}–{format_clock(report.return_time)}, "
              f"{report.distance / 1000:.1f} км, груз {report.peak_load.kg}/{driver.capacity_kg} кг")
        for number, stop in enumerate(report.stops, start=1):
            info = draft.orders[stop.stop.order]
            what = f"забор у {info.supplier}" if stop.stop.is_pickup else info.address
            print(f"  {number:>2}. {format_clock(stop.arrival)} №{info.number:<7} окно {stop.window}  {what}")
    summary = draft.summary()
    print(f"Машин: {summary.vans_used}, {summary.distance_m / 1000:.1f} км, остановок {summary.stops}")
    for item in (*draft.excluded, *draft.plan.unassigned):
        print(f"Не в маршруте №{item.order}: {item.reason}")
    for text in draft.verdict:
        print(f"Нарушение: {text}")
    if not draft.records.orders:
        print(f"Внимание: на {draft.records.date:%d.%m.%Y} заказов с доставкой нет — маршрутов нет. "
              "Проверьте дату (--date ГГГГ-ММ-ДД) и что заказы пришли синхронизацией.")
        return
    print("Черновик маршрутов сохранён.")


def run_route_sheets(args) -> int:
    output = common.output_path(args, ".xlsx")
    travel, depot = travel_and_depot(args)
    draft = planning.load_draft(common.open_db(args), common.parse_date(args.date), travel, depot)
    from omnidesk.services.planning.sheets import export_route_sheets  # openpyxl: only when sheets are written

    try:
        path = export_route_sheets(draft, output)
    except OSError as exc:
        raise InvalidInput(file_error_text(exc, "записать")) from None
    print(f"Маршрутные листы: {path} (водителей: {draft.summary().vans_used})")
    return 0
