"""What the Sync page and ``omnidesk sync status`` show: connections, the outbox, conflicts; resolving them."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import func, select, update

from omnidesk.config import SyncSettings
from omnidesk.persistence.models import Order, OutboxMessage, SyncConflict

from ..auth import Actor
from ..uow import Database
from .state import get_state

KIND_WORDS = {"payment": "оплата", "order_status": "статус заказа", "route": "маршрут"}
TARGET_WORDS = {"crm": "CRM", "onec": "1С", "money": "по настройке"}


@dataclass(frozen=True)
class MessageView:
    id: int
    created_at: str
    target: str
    kind: str
    stream: str
    state: str
    attempts: int
    next_at: str
    error: str


@dataclass(frozen=True)
class ConflictView:
    id: int
    order: str
    kind: str
    detail: str
    created_at: str


@dataclass(frozen=True)
class SyncStatus:
    crm_configured: bool
    onec_configured: bool
    payment_master: str
    crm_last_pull: str
    onec_last_pull: str
    history_since_id: str
    pending: int
    parked: int
    sent: int
    skipped: int
    conflicts: int
    messages: tuple[MessageView, ...]  # waiting and parked first, then the latest sent
    open_conflicts: tuple[ConflictView, ...]

    def to_json(self) -> dict:
        return asdict(self)


def _when(value: dt.datetime | None) -> str:
    return value.isoformat(sep=" ", timespec="seconds") if value else ""


def sync_status(db: Database, settings: SyncSettings, limit: int = 200) -> SyncStatus:
    with db.read() as s:
        counts = dict(s.execute(select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state)).all())
        waiting = list(s.scalars(select(OutboxMessage).where(OutboxMessage.state.in_(("pending", "parked")))
                                 .order_by(OutboxMessage.id).limit(limit)))
        done = list(s.scalars(select(OutboxMessage).where(OutboxMessage.state.in_(("sent", "skipped")))
                              .order_by(OutboxMessage.id.desc()).limit(max(limit - len(waiting), 0))))
        money = {"onec": "1С", "crm": "CRM", "none": "никуда"}.get(settings.payment_master, "")
        messages = tuple(MessageView(m.id, _when(m.created_at),
                                     money if m.target == "money" else TARGET_WORDS.get(m.target, m.target),
                                     KIND_WORDS.get(m.kind, m.kind), m.stream, m.state, m.attempts,
                                     _when(m.next_at) if m.state == "pending" else "", m.last_error)
                         for m in waiting + done)
        conflicts = tuple(ConflictView(c.id, number or "", c.kind, c.detail, _when(c.created_at))
                          for c, number in s.execute(select(SyncConflict, Order.number)
                                                     .outerjoin(Order, Order.id == SyncConflict.order_id)
                                                     .where(SyncConflict.resolved_at.is_(None))
                                                     .order_by(SyncConflict.id)))
        return SyncStatus(
            bool(settings.crm_url and settings.crm_api_key), bool(settings.onec_url), settings.payment_master,
            get_state(s, "crm.last_pull") or "", get_state(s, "onec.last_pull") or "",
            get_state(s, "crm.history_since_id") or "", counts.get("pending", 0), counts.get("parked", 0),
            counts.get("sent", 0), counts.get("skipped", 0), len(conflicts), messages, conflicts)


def resolve_conflict(db: Database, actor: Actor, conflict_id: int) -> None:
    """The person has dealt with it (changed the order, called the customer): it leaves the list."""
    with db.unit_of_work() as s:
        s.execute(update(SyncConflict).where(SyncConflict.id == conflict_id)
                  .values(resolved_at=dt.datetime.now(), resolved_by=actor.author))


ONEC_CHOICES = ("organization", "bank_account", "cash_desk", "cashflow_item")


def onec_choices(settings: SyncSettings) -> dict[str, list[tuple[str, str]]]:
    """(Ref_Key, name) of 1C's organisations, bank accounts, cash desks and cash-flow items (network: a worker)."""
    from omnidesk.integrations.onec import ODataClient

    from .to_onec import OneCBooks

    if not settings.onec_url:
        from omnidesk.core.errors import InvalidInput

        raise InvalidInput("не задан адрес 1С (onec.url)")
    books = OneCBooks(ODataClient(settings.onec_url, settings.onec_user, settings.onec_password, timeout=20),
                      settings.onec_refs)
    return {name: books.choices(name) for name in ONEC_CHOICES}
