"""What a session changed, read from the ORM itself: no service has to report it by hand.

After every flush the new, changed and deleted objects are turned into ids by kind (an allocation touches
its order and payment, a stop its route and order, …); a bulk ``update``/``delete``/``insert`` statement
marks its kind as changed wholesale. Before commit the ids are completed (the customers of touched orders
and payments, the orders of touched receipts) and written to ``change_log`` in the same transaction.
"""

from __future__ import annotations

import json
import os
import socket
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import ORMExecuteState, Session

from omnidesk.core.changes import ID_LIMIT, KINDS, Changes
from omnidesk.persistence.db import among
from omnidesk.persistence.models import (
    Allocation,
    BankLine,
    CashHandover,
    ChangeLog,
    Customer,
    CustomerContact,
    Driver,
    Order,
    OrderLine,
    Payment,
    Receipt,
    ReceiptLine,
    ReceiptLink,
    Refund,
    Route,
    Stop,
)
from omnidesk.persistence.models.planning import OrderPlanning

_KEY = "omnidesk.changes"
Touched = Callable[[Any], Iterable[tuple[str, int | None]]]

# object → (kind, id) pairs it touches; ids of derived kinds (customers of orders…) are added at commit
_TOUCHES: dict[type, Touched] = {
    Order: lambda o: (("orders", o.id), ("customers", o.customer_id)),
    OrderLine: lambda o: (("orders", o.order_id),),
    OrderPlanning: lambda o: (("orders", o.order_id),),
    Customer: lambda o: (("customers", o.id),),
    CustomerContact: lambda o: (("customers", o.customer_id),),
    Payment: lambda o: (("payments", o.id), ("customers", o.customer_id)),
    Allocation: lambda o: (("orders", o.order_id), ("payments", o.payment_id)),
    Refund: lambda o: (("customers", o.customer_id), ("orders", o.order_id), ("payments", o.payment_id)),
    Receipt: lambda o: (("receipts", o.id), ("customers", o.customer_id)),
    ReceiptLine: lambda o: (("receipts", o.receipt_id),),
    ReceiptLink: lambda o: (("receipts", o.receipt_id), ("orders", o.order_id), ("payments", o.payment_id)),
    Route: lambda o: (("routes", o.id), ("drivers", o.driver_id)),
    Stop: lambda o: (("routes", o.route_id), ("orders", o.order_id)),
    Driver: lambda o: (("drivers", o.id),),
    CashHandover: lambda o: (("drivers", o.driver_id), ("routes", o.route_id)),
    BankLine: lambda o: (("bank_lines", o.id), ("customers", o.customer_id), ("payments", o.payment_id)),
}

# a bulk statement on a table: the kinds it changes wholesale
_TABLE_KINDS: dict[str, tuple[str, ...]] = {
    "orders": ("orders", "customers"), "order_lines": ("orders",), "order_planning": ("orders",),
    "customers": ("customers",), "customer_contacts": ("customers",),
    "payments": ("payments", "customers"), "allocations": ("orders", "payments", "customers"),
    "refunds": ("orders", "payments", "customers"), "receipts": ("receipts", "customers", "orders"),
    "receipt_lines": ("receipts",), "receipt_links": ("receipts", "orders"), "routes": ("routes",),
    "stops": ("routes", "orders"), "drivers": ("drivers",), "cash_handovers": ("drivers",),
    "bank_lines": ("bank_lines", "customers", "payments"), "bank_statements": ("bank_lines",),
}


def workstation() -> str:
    return f"{socket.gethostname()} pid {os.getpid()}"[:128]


class _Pending:
    """The ids one session has touched since its last commit or rollback."""

    def __init__(self) -> None:
        self.ids: dict[str, set[int]] = defaultdict(set)
        self.wholesale: set[str] = set()

    def add(self, kind: str, ident: int | None) -> None:
        if ident is not None and kind not in self.wholesale:
            ids = self.ids[kind]
            ids.add(ident)
            if len(ids) > ID_LIMIT:
                self.wholesale.add(kind)
                ids.clear()

    def changes(self) -> Changes:
        values = {kind: frozenset(self.ids.get(kind, ())) for kind in KINDS}
        return Changes(**values, kinds=frozenset(self.wholesale))

    def __bool__(self) -> bool:
        return bool(self.wholesale) or any(self.ids.values())


def _pending(session: Session) -> _Pending:
    pending = session.info.get(_KEY)
    if pending is None:
        pending = session.info[_KEY] = _Pending()
    return pending


def after_flush(session: Session, _context) -> None:
    pending = _pending(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        touches = _TOUCHES.get(type(obj))
        if touches is not None:
            for kind, ident in touches(obj):
                pending.add(kind, ident)


def note(session: Session, kind: str, ids: Iterable[int | None]) -> None:
    """Rows written with Core statements on the session's connection (a bulk import): report their ids
    as a flush of the same ORM objects would have (the rules of ``_TOUCHES``)."""
    pending = _pending(session)
    for ident in ids:
        pending.add(kind, ident)


def do_orm_execute(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    table = getattr(state.statement, "table", None)
    kinds = _TABLE_KINDS.get(getattr(table, "name", ""), ())
    if kinds:
        _pending(state.session).wholesale.update(kinds)


def complete(session: Session, pending: _Pending) -> None:
    """Add what follows from the ids collected: a receipt's orders, the customers of orders and payments."""
    ids = pending.ids
    if ids.get("receipts") and "orders" not in pending.wholesale:
        _add_all(pending, "orders", session.scalars(
            select(ReceiptLink.order_id).where(among(ReceiptLink.receipt_id, ids["receipts"]))))
    if "customers" in pending.wholesale:
        return
    if ids.get("orders") and "orders" not in pending.wholesale:
        _add_all(pending, "customers", session.scalars(
            select(Order.customer_id).where(among(Order.id, ids["orders"]))))
    if ids.get("payments") and "payments" not in pending.wholesale:
        _add_all(pending, "customers", session.scalars(
            select(Payment.customer_id).where(among(Payment.id, ids["payments"]))))


def _add_all(pending: _Pending, kind: str, idents: Iterable[int | None]) -> None:
    for ident in idents:
        pending.add(kind, ident)


class Collector:
    """Hooks a session factory: collects each session's changes, logs them, reports them after commit."""

    def __init__(self, origin: str, on_commit: Callable[[Changes], None]) -> None:
        self.origin = origin
        self.workstation = workstation()
        self._on_commit = on_commit

    def before_commit(self, session: Session) -> None:
        session.flush()  # the last changes are collected before they are written down
        pending = session.info.get(_KEY)
        if not pending:
            return
        with session.no_autoflush:
            complete(session, pending)
        changes = pending.changes()
        session.info["omnidesk.committing"] = changes
        session.add(ChangeLog(workstation=self.workstation, origin=self.origin,
                              payload=json.dumps(changes.to_json(), separators=(",", ":"))))

    def after_commit(self, session: Session) -> None:
        session.info.pop(_KEY, None)
        changes = session.info.pop("omnidesk.committing", None)
        if changes:
            self._on_commit(changes)

    @staticmethod
    def after_rollback(session: Session) -> None:
        session.info.pop(_KEY, None)
        session.info.pop("omnidesk.committing", None)
