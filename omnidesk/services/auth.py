"""Who is acting, and what their role allows: checked in the services, not only hidden in the UI."""

from __future__ import annotations

from dataclasses import dataclass

from omnidesk.core.enums import Role
from omnidesk.core.errors import Forbidden

ROLE_NAMES = {Role.LOGIST: "логист", Role.CASHIER: "кассир", Role.MANAGER: "руководитель", Role.ADMIN: "администратор"}


@dataclass(frozen=True)
class Actor:
    name: str
    role: Role = Role.ADMIN


def require(actor: Actor, *roles: Role, action: str) -> None:
    """Raise Forbidden unless the actor is an admin or has one of ``roles``."""
    if actor.role is Role.ADMIN or actor.role in roles:
        return
    allowed = ", ".join(ROLE_NAMES[r] for r in roles)
    raise Forbidden(f"{action}: нужна роль {allowed}; у пользователя {actor.name} роль {ROLE_NAMES[actor.role]}")
