"""``omnidesk sync``: one pass with the CRM and 1C; ``omnidesk sync status``; ``omnidesk routes publish``."""

from __future__ import annotations

from omnidesk.services import planning
from omnidesk.services.sync.status import sync_status

from . import common


def register(commands) -> None:
    parser = common.command(commands, "sync", "синхронизация с CRM и 1С: загрузить заказы и отправить исходящие",
                            run_sync)
    parser.add_argument("what", nargs="?", choices=("status",), help="status — только показать состояние")
    parser.add_argument("--crm", action="store_true", help="только CRM")
    parser.add_argument("--onec", action="store_true", help="только 1С")
    common.add_json_option(parser)
    routes = commands.add_parser("routes", help="маршруты", description="маршруты")
    sub = routes.add_subparsers(dest="routes_command", metavar="ДЕЙСТВИЕ", required=True)
    publish = common.command(sub, "publish", "опубликовать сохранённые маршруты дня (водителям и в 1С)", run_publish)
    publish.add_argument("--date", required=True, help="дата доставки ГГГГ-ММ-ДД")
    common.add_json_option(publish)


def run_sync(args) -> int:
    context = common.context(args)
    if args.what == "status":
        status = sync_status(context.db, context.settings.sync())
        if args.json:
            common.print_json(status.to_json())
            return 0
        print(f"CRM: {'настроена' if status.crm_configured else 'не настроена'}; последняя загрузка: "
              f"{status.crm_last_pull or '—'}; история до записи {status.history_since_id or '—'}")
        print(f"1С: {'настроена' if status.onec_configured else 'не настроена'}; последняя связь: "
              f"{status.onec_last_pull or '—'}")
        print(f"оплаты уходят: {status.payment_master}")
        print(f"исходящие: ждут {status.pending}, отложены с ошибкой {status.parked}, отправлено {status.sent}, "
              f"не требовали отправки {status.skipped}")
        for m in status.messages:
            if m.state == "parked":
                print(f"  отложено №{m.id} ({m.kind} → {m.target}, {m.stream}): {m.error}")
        print(f"нерешённые конфликты: {status.conflicts}")
        for c in status.open_conflicts:
            print(f"  ! {c.detail}")
        return 0
    both = not args.crm and not args.onec
    report = context.sync_engine().run(crm=both or args.crm, onec=both or args.onec)
    if args.json:
        common.print_json(report.to_json())
    else:
        for line in report.lines():
            print(line)
    return 0


def run_publish(args) -> int:
    context = common.context(args)
    date = common.parse_date(args.date)
    draft = planning.load_draft(context.db, date, context.travel, context.depot_point())
    count, _draft = planning.publish_day(context.db, context.actor, draft, context.travel)
    if args.json:
        common.print_json({"date": date.isoformat(), "published": count})
    else:
        print(f"опубликовано маршрутов на {date:%d.%m.%Y}: {count}")
    return 0
