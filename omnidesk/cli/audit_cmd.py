"""``omnidesk audit list|export``: the audit log, filtered by user, object, action and period."""

from __future__ import annotations

from omnidesk.services import audit
from omnidesk.services.audit import AuditFilter

from . import common


def register(commands) -> None:
    group = commands.add_parser("audit", help="журнал изменений")
    sub = group.add_subparsers(dest="audit_command", metavar="ДЕЙСТВИЕ", required=True)
    listing = common.command(sub, "list", "записи журнала, новые сверху", run_list)
    _filters(listing)
    listing.add_argument("--limit", type=int, default=200, help="сколько записей показать (200)")
    common.add_json_option(listing)
    export = common.command(sub, "export", "журнал в Excel (.xlsx) или CSV (.csv)", run_export)
    _filters(export)
    common.add_output_option(export, "FILE.xlsx|FILE.csv")


def _filters(parser) -> None:
    parser.add_argument("--by", dest="author", default="", metavar="ЛОГИН", help="кто изменил")
    parser.add_argument("--entity", default="", help="объект: payment, receipt, order, routes, user, setting…")
    parser.add_argument("--id", dest="entity_id", type=int, help="id объекта")
    parser.add_argument("--action", default="", help="действие или его начало: payment., receipt.print…")
    parser.add_argument("--from", dest="date_from", metavar="ГГГГ-ММ-ДД", help="с этого дня")
    parser.add_argument("--to", dest="date_to", metavar="ГГГГ-ММ-ДД", help="по этот день включительно")


def _where(args) -> AuditFilter:
    return AuditFilter(user=args.author, entity=args.entity, entity_id=args.entity_id, action=args.action,
                       since=common.parse_date(args.date_from) if args.date_from else None,
                       until=common.parse_date(args.date_to) if args.date_to else None)


def run_list(args) -> int:
    context = common.context(args)
    rows = audit.entries(context.db, context.actor, _where(args), limit=args.limit)
    if args.json:
        common.print_json([{"id": r.id, "at": r.at.isoformat(timespec="seconds"), "user": r.user,
                            "workstation": r.workstation, "action": r.action, "entity": r.entity,
                            "entity_id": r.entity_id, "details": r.details} for r in rows])
        return 0
    for r in rows:
        target = f"{r.entity} {r.entity_id}" if r.entity_id is not None else r.entity
        print(f"{r.at:%d.%m.%Y %H:%M:%S}  {r.user:<12} {r.action:<24} {target:<18} {r.summary}")
    return 0


def run_export(args) -> int:
    path = common.output_path(args, ".xlsx", ".csv")
    context = common.context(args)
    count = audit.export(context.db, context.actor, _where(args), path)
    print(f"Сохранено: {path} (записей: {count})")
    return 0
