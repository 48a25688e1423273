"""Who the register names as cashier (1021, 1203): the one place that answers it.

Today the answer comes from the settings (``user.name``, ``user.position``, ``user.inn``); when
people sign in, this function returns the signed-in user instead — nothing else changes. With no
name it refuses (:class:`InvalidInput`): a receipt never names the OS login.
"""

from __future__ import annotations

from omnidesk.config import Settings
from omnidesk.core.cashier import Cashier
from omnidesk.core.receipts.tax import TaxSystem

from .auth import Actor


def current_cashier(settings: Settings, actor: Actor | None = None) -> Cashier:
    """The person taking the money now: the signed-in user (full name, position, INN), else — a lone SQLite
    workstation without sign-in — the settings; InvalidInput with a clear message when no name is set."""
    if actor is not None and actor.login:
        return Cashier(actor.name, actor.position, actor.inn or None)
    return Cashier(settings.user_name().strip(), settings.user_position(), settings.user_inn())


def current_tax_system(settings: Settings) -> TaxSystem:
    return TaxSystem(settings.tax_system())
