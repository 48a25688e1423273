"""Writing to the outbox, inside the unit of work of the change it reports (so both commit or neither).

The outbox records from the first sync pass with the CRM or 1C set up (``sync_state['outbox.enabled']``):
months of work done before sync was set up are not poured into 1C at once.

Called by the ledger (a payment applied), the delivery outcome (delivered, partly, refused, cancelled),
the carrier hand-over and route publishing. Each message says what happened in OmniDesk's own terms;
the sender turns it into a CRM or 1C request when it leaves.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from omnidesk.core.enums import OrderStatus
from omnidesk.persistence.db import among
from omnidesk.persistence.models import Allocation, Customer, Order, OutboxMessage, Payment, Route, Vehicle

from .state import get_state

OUTCOMES = {OrderStatus.DELIVERED: "delivered", OrderStatus.PARTIALLY_DELIVERED: "partly_delivered",
            OrderStatus.REFUSED: "refused", OrderStatus.CANCELLED: "cancelled"}


def enabled(session: Session) -> bool:
    return get_state(session, "outbox.enabled") == "1"


def _add(session: Session, *, target: str, kind: str, stream: str, external_id: str, payload: dict[str, Any]) -> None:
    session.add(OutboxMessage(target=target, kind=kind, stream=stream[:64], external_id=external_id,
                              payload=json.dumps(payload, ensure_ascii=False, default=str)))


def payments_recorded(session: Session, payment_ids: Iterable[int]) -> None:
    """One message per payment: where it goes (1C, the CRM or nowhere) is decided when it is sent."""
    ids = list(payment_ids)
    if not ids or not enabled(session):
        return
    session.flush()
    payments = {p.id: p for p in session.scalars(select(Payment).where(among(Payment.id, ids)))}
    parts: dict[int, list[tuple[Order, int]]] = {pid: [] for pid in ids}
    rows = session.execute(select(Allocation.payment_id, Allocation.amount, Order)
                           .join(Order, Order.id == Allocation.order_id)
                           .where(among(Allocation.payment_id, ids)).order_by(Allocation.id))
    for pid, amount, order in rows:
        parts[pid].append((order, amount))
    buyers = {c.id: c for c in session.scalars(select(Customer).where(
        among(Customer.id, {p.customer_id for p in payments.values()})))}
    for pid in ids:
        payment = payments[pid]
        buyer = buyers[payment.customer_id]
        allocations = [{"order_id": o.id, "number": o.number, "crm_id": o.crm_id, "onec_id": o.onec_id,
                        "amount": amount} for o, amount in parts[pid]]
        first = allocations[0]["number"] if allocations else None
        _add(session, target="money", kind="payment", stream=f"order:{first}" if first else f"customer:{buyer.id}",
             external_id=f"payment-{payment.id}", payload={
                 "payment_id": payment.id, "kind": payment.kind.value, "amount": payment.amount,
                 "received_at": payment.received_at.isoformat(timespec="seconds"), "purpose": payment.purpose,
                 "source_key": payment.source_key,
                 "customer": {"id": buyer.id, "name": buyer.name, "inn": buyer.inn, "kind": buyer.kind.value,
                              "crm_id": buyer.crm_id, "onec_id": buyer.onec_id},
                 "allocations": allocations})


def order_outcome(session: Session, order: Order, comment: str = "") -> None:
    """The delivery result goes back to the CRM as the order's status (orders that came from the CRM)."""
    outcome = OUTCOMES.get(order.status)
    if outcome is None or not order.crm_id or not enabled(session):
        return
    _add(session, target="crm", kind="order_status", stream=f"order:{order.number}",
         external_id=f"status-{order.id}-{outcome}",
         payload={"order_id": order.id, "number": order.number, "crm_id": order.crm_id, "outcome": outcome,
                  "comment": comment or _comment(order, outcome)})


def handed_to_carrier(session: Session, order: Order, carrier: str, track_number: str | None) -> None:
    if not order.crm_id or not enabled(session):
        return
    _add(session, target="crm", kind="order_status", stream=f"order:{order.number}",
         external_id=f"carrier-{order.id}-{track_number or ''}",
         payload={"order_id": order.id, "number": order.number, "crm_id": order.crm_id, "outcome": "carrier",
                  "comment": f"передан в ТК «{carrier}»" + (f", трек {track_number}" if track_number else ""),
                  "track_number": track_number})


def route_published(session: Session, route: Route) -> None:
    """The route as 1C's transport task: driver, van, times, the orders with their windows."""
    if not enabled(session):
        return
    session.flush()
    vehicle = session.get(Vehicle, route.vehicle_id) if route.vehicle_id else None
    stops = []
    for stop in route.stops:
        if stop.order_id is None:
            continue
        order = session.get(Order, stop.order_id)
        stops.append({"order_id": order.id, "number": order.number, "onec_id": order.onec_id,
                      "address": order.address, "window": [order.window_start, order.window_end],
                      "arrival_s": stop.planned_arrival, "kind": stop.kind.value})
    _add(session, target="onec", kind="route", stream=f"route:{route.id}", external_id=f"route-{route.id}",
         payload={"route_id": route.id, "version": route.version, "date": route.date.isoformat(),
                  "driver": {"id": route.driver.id, "name": route.driver.name, "onec_id": route.driver.onec_id}
                  if route.driver else None,
                  "vehicle": {"plate": vehicle.plate, "model": vehicle.model} if vehicle else None,
                  "duration_s": route.duration_s, "stops": stops})


def _comment(order: Order, outcome: str) -> str:
    words = {"delivered": "доставлен", "partly_delivered": "доставлен частично", "refused": "отказ при доставке",
             "cancelled": "отменён"}
    text = f"OmniDesk: {words[outcome]}"
    if outcome == "partly_delivered":
        text += f", отказ на {order.refused_total / 100:.2f} ₽"
    return text
