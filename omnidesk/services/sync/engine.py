"""One sync pass: pull from the CRM, then send the outbox until it is empty or only "later"/parked remain.

A system that is down is reported, never fatal: OmniDesk keeps working and catches up at the next pass.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select

from omnidesk.config import SyncSettings
from omnidesk.integrations.crm import CrmClient
from omnidesk.integrations.onec import ODataClient
from omnidesk.integrations.web import RemoteError, RetryPolicy
from omnidesk.persistence.models import Order, OutboxMessage, SyncConflict

from ..uow import Database
from . import to_crm, to_onec
from .from_onec import pull_onec
from .mapping import StatusMap
from .pull import PullResult, pull_crm
from .send import Backoff, SendResult, send_outbox
from .state import get_json, get_state, install_id, put_json, put_state

REFERENCE_BOOKS = ("statuses", "status-groups", "payment-types", "delivery-types", "sites")
REFERENCE_AGE = dt.timedelta(hours=1)


@dataclass
class SystemState:
    configured: bool
    state: str = "off"  # off | ok | down | skipped
    error: str = ""
    last_pull: str = ""


@dataclass
class SyncReport:
    crm: SystemState
    onec: SystemState
    records: int = 0
    orders_created: int = 0
    orders_updated: int = 0
    conflicts_new: int = 0
    conflict_texts: list[str] = field(default_factory=list)
    sent: int = 0
    skipped: int = 0
    pending: int = 0
    parked: int = 0
    conflicts_open: int = 0
    onec_pulled: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        out = []
        for name, system in (("CRM", self.crm), ("1С", self.onec)):
            if not system.configured:
                out.append(f"{name}: не настроена")
            elif system.state == "down":
                out.append(f"{name}: недоступна — {system.error}")
            elif system.state == "skipped":
                out.append(f"{name}: пропущена в этом проходе")
            else:
                out.append(f"{name}: связь есть" + (f", последняя загрузка {system.last_pull}" if system.last_pull else ""))
        out.append(f"заказы из CRM: новых {self.orders_created}, изменённых {self.orders_updated} "
                   f"(записей истории {self.records})")
        out.append(f"исходящие: отправлено {self.sent}, не требуют отправки {self.skipped}, "
                   f"ждут {self.pending}, отложены с ошибкой {self.parked}")
        if self.onec_pulled:
            p = self.onec_pulled
            out.append(f"из 1С: связано покупателей {p['customers_linked']}, водителей {p['drivers_linked']}, "
                       f"обновлено машин {p['vans_updated']}, отметок «Доставлено» {p['delivered_flags']}")
        out.append(f"конфликты: новых {self.conflicts_new}, нерешённых {self.conflicts_open}")
        out.extend(f"  ! {text}" for text in self.conflict_texts[:20])
        return out


class SyncEngine:
    def __init__(self, db: Database, settings: SyncSettings, *, crm: CrmClient | None = None,
                 onec: ODataClient | None = None, timeout: float = 30.0, policy: RetryPolicy | None = None,
                 backoff: Backoff | None = None) -> None:
        self.db = db
        self.settings = settings
        self.status_map = StatusMap.from_setting(settings.status_map)
        self.backoff = backoff or Backoff()
        policy = policy or RetryPolicy()
        if crm is None and settings.crm_url and settings.crm_api_key:
            crm = CrmClient(settings.crm_url, settings.crm_api_key, settings.crm_site, rate=float(settings.crm_rate),
                            timeout=timeout, policy=policy)
        if onec is None and settings.onec_url:
            onec = ODataClient(settings.onec_url, settings.onec_user, settings.onec_password, timeout=timeout,
                               policy=policy)
        self.crm, self.onec = crm, onec
        self.books = to_onec.OneCBooks(onec, settings.onec_refs) if onec else None
        self._references: dict[str, dict] | None = None

    # --- one pass ---------------------------------------------------------------------------------
    def run(self, *, crm: bool = True, onec: bool = True) -> SyncReport:
        report = SyncReport(SystemState(self.crm is not None), SystemState(self.onec is not None))
        if self.crm is not None or self.onec is not None:
            self._enable_outbox()
        systems: set[str] = set()
        if self.crm is not None:
            if crm:
                self._pull_crm(report)
                if report.crm.state != "down":
                    systems.add("crm")
            else:
                report.crm.state = "skipped"
        if self.onec is not None:
            if onec:
                self._check_onec(report)
                if report.onec.state != "down":
                    systems.add("onec")
            else:
                report.onec.state = "skipped"
        with self.db.read() as session:
            install = install_id(session)
        result = send_outbox(self.db, self._route, self._handlers(install), systems, self.backoff, SendResult())
        for system, error in result.errors.items():
            state = report.crm if system == "crm" else report.onec
            state.state, state.error = "down", error
        report.sent, report.skipped = result.sent, result.skipped
        if "onec" in systems and report.onec.state != "down":
            self._pull_onec(report, install)
        self._counts(report)
        return report

    def _enable_outbox(self) -> None:
        with self.db.read() as session:
            if get_state(session, "outbox.enabled") == "1":
                return
        with self.db.unit_of_work() as session:
            put_state(session, "outbox.enabled", "1")

    def _pull_crm(self, report: SyncReport) -> None:
        assert self.crm is not None
        try:
            statuses = self.statuses()
            pulled = pull_crm(self.db, self.crm, statuses, self.status_map, PullResult())
        except RemoteError as exc:
            report.crm.state, report.crm.error = "down", str(exc)
            return
        finally:
            with self.db.read() as session:
                report.crm.last_pull = get_state(session, "crm.last_pull") or ""
        report.records = pulled.records
        report.orders_created, report.orders_updated = pulled.created, pulled.updated
        report.conflicts_new, report.conflict_texts = pulled.conflicts, pulled.conflict_texts
        now = dt.datetime.now().isoformat(sep=" ", timespec="seconds")
        with self.db.unit_of_work() as session:
            put_state(session, "crm.last_pull", now)
        report.crm.state, report.crm.last_pull = "ok", now

    def _check_onec(self, report: SyncReport) -> None:
        assert self.onec is not None
        try:
            self.onec.query("Catalog_Организации", select="Ref_Key", top=1)
        except RemoteError as exc:
            report.onec.state, report.onec.error = "down", str(exc)
            return
        now = dt.datetime.now().isoformat(sep=" ", timespec="seconds")
        with self.db.unit_of_work() as session:
            put_state(session, "onec.last_pull", now)
        report.onec.state, report.onec.last_pull = "ok", now

    def _pull_onec(self, report: SyncReport, install: str) -> None:
        assert self.onec is not None and self.books is not None
        self._store_links(self.books.linked)
        try:
            report.onec_pulled = asdict(pull_onec(self.db, self.onec, install))
        except RemoteError as exc:
            report.onec.state, report.onec.error = "down", str(exc)

    def _store_links(self, linked: dict[str, str]) -> None:
        """Orders found in 1C by number keep their ЗаказКлиента's key (the next lookups go by key)."""
        if not linked:
            return
        with self.db.unit_of_work() as session:
            taken = set(session.scalars(select(Order.onec_id).where(Order.onec_id.in_(list(linked.values())))))
            for order in session.scalars(select(Order).where(Order.number.in_(list(linked)), Order.onec_id.is_(None))):
                key = linked[order.number]
                if key not in taken:
                    order.onec_id = key
                    taken.add(key)
        linked.clear()

    def references(self) -> dict[str, dict]:
        """The CRM's reference books (statuses with their groups, payment and delivery types, sites), read
        at most once an hour and kept in the database for when the CRM is down."""
        if self._references is None:
            assert self.crm is not None
            with self.db.read() as session:
                cached = get_json(session, "crm.references")
            fresh = cached and cached.get("read_at", "") > (dt.datetime.now() - REFERENCE_AGE).isoformat()
            if fresh:
                self._references = cached
            else:
                try:
                    books = {name: self.crm.reference(name) for name in REFERENCE_BOOKS}
                    books["read_at"] = dt.datetime.now().isoformat()  # type: ignore[assignment]
                    with self.db.unit_of_work() as session:
                        put_json(session, "crm.references", books)
                    self._references = books
                except RemoteError:
                    if not cached:
                        raise
                    self._references = cached
        return self._references or {}

    def statuses(self) -> dict[str, dict]:
        """The CRM's statuses: code → {name, group, ordering…}."""
        return self.references().get("statuses") or {}

    # --- where each message goes ------------------------------------------------------------------
    def _route(self, message: OutboxMessage) -> str | None:
        if message.target == "money":
            master = self.settings.payment_master
            return None if master == "none" else master
        return message.target

    def _handlers(self, install: str) -> dict:
        handlers: dict = {}
        if self.crm is not None:
            crm = self.crm
            types = self.settings.status_map.get("payment_types") or {}
            handlers[("crm", "order_status")] = lambda m, p: to_crm.send_status(crm, p, self.status_map, self.statuses())
            handlers[("crm", "payment")] = lambda m, p: to_crm.send_payment(crm, p, install, types)
        if self.books is not None:
            books = self.books
            handlers[("onec", "payment")] = lambda m, p: to_onec.send_payment(books, p, install)
            handlers[("onec", "route")] = lambda m, p: to_onec.send_route(books, p, install)
        return handlers

    def _counts(self, report: SyncReport) -> None:
        with self.db.read() as session:
            counts = dict(session.execute(select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state)).all())
            report.pending, report.parked = counts.get("pending", 0), counts.get("parked", 0)
            report.conflicts_open = session.scalar(select(func.count()).select_from(SyncConflict)
                                                   .where(SyncConflict.resolved_at.is_(None))) or 0
