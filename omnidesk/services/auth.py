"""Who is acting, and what their role allows: checked in the services, not only hidden in the UI.

:data:`PERMISSIONS` is the one permission matrix: each operation a service performs, the roles that may
perform it (an administrator may do everything) and the words a refusal uses. Services call
:func:`permit` first thing, before they read anything, so a refusal never depends on the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from omnidesk.core.enums import Role
from omnidesk.core.errors import Forbidden

ROLE_NAMES = {Role.LOGIST: "логист", Role.CASHIER: "кассир", Role.MANAGER: "руководитель", Role.ADMIN: "администратор"}

L, C, M = Role.LOGIST, Role.CASHIER, Role.MANAGER


@dataclass(frozen=True)
class Operation:
    words: str  # what is refused, as a message says it
    roles: frozenset[Role]


def _op(words: str, *roles: Role) -> Operation:
    return Operation(words, frozenset(roles))


PERMISSIONS: dict[str, Operation] = {
    # money (cashier; allocations also the manager)
    "payment.register": _op("регистрация поступления", C, M),
    "advance.apply": _op("зачёт аванса", C, M),
    "advance.refund": _op("возврат аванса", C, M),
    "allocation.reverse": _op("отмена зачёта", C, M),
    "allocation.move": _op("перенос зачёта", C, M),
    "order.return": _op("возврат товара", C),
    "order.cancel": _op("отмена заказа", C, M),
    "handover.receive": _op("приём выручки от водителя", C),
    # the register (cashier; the X report also the manager)
    "receipt.print": _op("печать чека", C),
    "receipt.correction": _op("чек коррекции", C, M),
    "shift.open": _op("открытие смены", C),
    "shift.close": _op("Z-отчёт", C),
    "shift.x_report": _op("X-отчёт", C, M),
    "cash.in": _op("внесение", C),
    "cash.out": _op("выплата", C),
    # deliveries (logist records outcomes; the cashier settles them)
    "order.deliver": _op("результат доставки", C, L),
    # the bank (manager; the cashier too)
    "bank.import": _op("загрузка банковской выписки", C, M),
    "bank.book": _op("разнесение банковского платежа", C, M),
    "bank.not_ours": _op("разбор банковского платежа", C, M),
    "bank.unbook": _op("отмена зачёта платежа", M),
    # routes (logist)
    "routes.save": _op("сохранение маршрутов", L),
    "routes.publish": _op("публикация маршрутов", L),
    "order.pin": _op("закрепление заказа за водителем", L),
    "order.carrier": _op("передача заказа в транспортную компанию", L),
    "order.geocode": _op("поиск координат адресов", L),
    # reports and exports (manager, cashier)
    "export": _op("выгрузка в Excel", C, M),
    "act": _op("акт сверки", C, M),
    "audit.view": _op("журнал изменений", M),
    # administration (admin only)
    "users.manage": _op("управление пользователями"),
    "settings.change": _op("изменение настроек"),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in person: their full name (the cashier on receipts), role, login (the audit's author)."""

    name: str
    role: Role = Role.ADMIN
    login: str = ""
    position: str = ""
    inn: str = ""
    user_id: int | None = None

    @property
    def author(self) -> str:
        """How the audit log names this person: the login, which nobody can type differently."""
        return self.login or self.name

    @property
    def cashier_name(self) -> str:
        """Tag 1021: position and full name."""
        return f"{self.position} {self.name}".strip()


def may(actor: Actor, operation: str) -> bool:
    return actor.role is Role.ADMIN or actor.role in PERMISSIONS[operation].roles


def permit(actor: Actor, operation: str) -> None:
    """Raise Forbidden unless the actor's role allows ``operation`` (a key of PERMISSIONS)."""
    if may(actor, operation):
        return
    op = PERMISSIONS[operation]
    _refuse(actor, op.words, op.roles)


def require(actor: Actor, *roles: Role, action: str) -> None:
    """Raise Forbidden unless the actor is an admin or has one of ``roles`` (for checks not in the matrix)."""
    if actor.role is Role.ADMIN or actor.role in roles:
        return
    _refuse(actor, action, frozenset(roles))


def _refuse(actor: Actor, words: str, roles: frozenset[Role]) -> None:
    needed = [ROLE_NAMES[r] for r in Role if r in roles] + [ROLE_NAMES[Role.ADMIN]]
    raise Forbidden(f"{words}: нужна роль {' или '.join(needed)}; "
                    f"у пользователя {actor.author} роль {ROLE_NAMES[actor.role]}")
