"""``omnidesk users add|list|set-password|disable``: the people who sign in (an administrator's commands)."""

from __future__ import annotations

from omnidesk.core.enums import Role
from omnidesk.services import users

from . import common

ROLES = {r.value: r for r in Role}


def register(commands) -> None:
    group = commands.add_parser("users", help="пользователи и их роли")
    sub = group.add_subparsers(dest="users_command", metavar="ДЕЙСТВИЕ", required=True)
    add = common.command(sub, "add", "добавить пользователя (пароль — из OMNIDESK_NEW_PASSWORD или запрос)", run_add)
    add.add_argument("login", metavar="LOGIN")
    add.add_argument("--role", required=True, choices=sorted(ROLES), help="роль")
    add.add_argument("--name", required=True, help="ФИО (кассир в чеке, тег 1021)")
    add.add_argument("--position", default="", help="должность")
    add.add_argument("--inn", default="", help="ИНН кассира (тег 1203), 12 цифр")
    listing = common.command(sub, "list", "все пользователи", run_list)
    common.add_json_option(listing)
    password = common.command(sub, "set-password", "задать пароль (из OMNIDESK_NEW_PASSWORD или запрос)",
                              run_set_password)
    password.add_argument("login", metavar="LOGIN")
    disable = common.command(sub, "disable", "отключить пользователя (он больше не войдёт)", run_disable)
    disable.add_argument("login", metavar="LOGIN")


def _new_password(login: str) -> str:
    return common.password("OMNIDESK_NEW_PASSWORD", f"Новый пароль для {login}: ", confirm=True)


def run_add(args) -> int:
    context = common.context(args)
    actor = context.actor
    user = users.add_user(context.db, actor, args.login, _new_password(args.login), role=ROLES[args.role],
                          full_name=args.name, position=args.position, inn=args.inn)
    print(f"Пользователь {user.login} ({user.full_name}, {user.role.value}) добавлен")
    return 0


def run_list(args) -> int:
    context = common.context(args)
    rows = users.list_users(context.db, context.actor)
    if args.json:
        common.print_json([{"login": u.login, "full_name": u.full_name, "position": u.position, "inn": u.inn,
                            "role": u.role.value, "active": u.active} for u in rows])
        return 0
    for u in rows:
        state = "" if u.active else "  (отключён)"
        print(f"{u.login:<16} {u.role.value:<8} {u.full_name}{', ' + u.position if u.position else ''}{state}")
    return 0


def run_set_password(args) -> int:
    context = common.context(args)
    actor = context.actor
    users.set_password(context.db, actor, args.login, _new_password(args.login))
    print(f"Пароль пользователя {args.login} изменён")
    return 0


def run_disable(args) -> int:
    context = common.context(args)
    user = users.disable_user(context.db, context.actor, args.login)
    print(f"Пользователь {user.login} отключён")
    return 0
