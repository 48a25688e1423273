"""Outbox messages as CRM writes: the delivery result as the order's status, payments (master = crm)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from omnidesk.integrations.crm import CrmClient

from .mapping import FINAL_GROUPS, StatusMap, roubles

DEFAULT_PAYMENT_TYPES = {"cash": "cash", "card": "bank-card", "sbp": "bank-card", "transfer": "bank-transfer"}


class Skipped(Exception):
    """The message is done without a write (nothing to send, or the CRM moved on)."""


def send_status(client: CrmClient, payload: dict[str, Any], status_map: StatusMap, statuses: dict[str, dict]) -> None:
    """Set the order's status (+ comment, + track number), never moving back one the CRM closed since."""
    code = status_map.code_for(payload["outcome"])
    current = client.order(payload["crm_id"], by="id")
    now = current.get("status") or ""
    if now != code and (statuses.get(now) or {}).get("group") in FINAL_GROUPS:
        raise Skipped(f"в CRM заказ №{payload['number']} уже в статусе «{(statuses.get(now) or {}).get('name', now)}»"
                      " — не меняем")
    fields: dict[str, Any] = {"status": code, "statusComment": payload.get("comment") or ""}
    if payload.get("track_number"):
        fields["delivery"] = {"data": {"trackNumber": payload["track_number"]}}
    client.edit_order(int(payload["crm_id"]), fields, site=current.get("site"))


def send_payment(client: CrmClient, payload: dict[str, Any], install: str, types: dict[str, str]) -> None:
    """One CRM payment per order the money went to, each with a deterministic ``externalId``."""
    parts = [a for a in payload["allocations"] if a.get("crm_id")]
    if not parts:
        raise Skipped("оплата не относится к заказам из CRM")
    paid_at = dt.datetime.fromisoformat(payload["received_at"]).strftime("%Y-%m-%d %H:%M:%S")
    for part in parts:
        client.create_payment({
            "order": {"id": int(part["crm_id"])}, "type": {**DEFAULT_PAYMENT_TYPES, **types}[payload["kind"]],
            "status": "paid", "amount": roubles(part["amount"]), "paidAt": paid_at,
            "externalId": f"omnidesk-{install[:12]}-p{payload['payment_id']}-o{part['order_id']}",
            "comment": (payload.get("purpose") or "")[:255],
        })
