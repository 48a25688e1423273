"""How CRM facts read in OmniDesk's terms and back: statuses (by code or group), customers, lines, money.

CRM amounts are roubles (numbers with up to two decimals): they become kopecks through Decimal here and
nowhere else. The status map is a setting (``sync.status_map``): ``{"in": {code or group: status},
"out": {outcome: code}}``; what it leaves out falls back to the defaults by group below.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from omnidesk.core.enums import CustomerKind, OrderStatus

DEFAULT_IN = {"new": "new", "approval": "confirmed", "assembling": "assembling", "delivery": "ready",
              "complete": "delivered", "cancel": "cancelled"}
DEFAULT_OUT = {"delivered": "complete", "partly_delivered": "complete", "refused": "cancel-other",
               "cancelled": "cancel-other", "carrier": "delivering"}
FINAL_GROUPS = ("complete", "cancel")
CONTRAGENT = {"individual": CustomerKind.INDIVIDUAL, "legal-entity": CustomerKind.COMPANY,
              "enterpreneur": CustomerKind.SOLE_TRADER}  # sic: the API's spelling


@dataclass(frozen=True)
class StatusMap:
    incoming: dict[str, str]
    outgoing: dict[str, str]

    @classmethod
    def from_setting(cls, value: dict[str, Any] | None) -> StatusMap:
        value = value or {}
        return cls({**DEFAULT_IN, **(value.get("in") or {})}, {**DEFAULT_OUT, **(value.get("out") or {})})

    def status_of(self, code: str, group: str | None) -> OrderStatus | None:
        text = self.incoming.get(code) or (self.incoming.get(group) if group else None)
        try:
            return OrderStatus(text) if text else None
        except ValueError:
            return None

    def code_for(self, outcome: str) -> str:
        return self.outgoing[outcome]


def kopecks(value: Any) -> int:
    return int((Decimal(str(value or 0)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def roubles(value: int) -> float:
    """Kopecks as the CRM's JSON number (two decimals exactly, through Decimal)."""
    return float(Decimal(value) / 100)


def minutes(text: str | None) -> int | None:
    if not text:
        return None
    hours, _, mins = str(text).partition(":")
    return int(hours) * 60 + int(mins or 0)


def date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(str(text)[:10]) if text else None


@dataclass(frozen=True)
class LineData:
    name: str
    quantity_milli: int
    price: int
    amount: int


@dataclass(frozen=True)
class OrderData:
    crm_id: str
    number: str
    external_id: str | None
    site: str
    status_code: str
    customer_crm_id: str
    customer_kind: CustomerKind
    customer_name: str
    inn: str | None
    phone: str | None
    email: str | None
    delivery_date: dt.date | None
    window_start: int | None
    window_end: int | None
    address: str
    weight_g: int
    lines: tuple[LineData, ...]
    comment: str


def order_data(order: dict) -> OrderData:
    contragent = order.get("contragent") or {}
    kind = CONTRAGENT.get(contragent.get("contragentType") or "individual", CustomerKind.INDIVIDUAL)
    customer = order.get("customer") or {}
    name = (contragent.get("legalName") if kind is not CustomerKind.INDIVIDUAL else None) or " ".join(
        p for p in (order.get("lastName"), order.get("firstName"), order.get("patronymic")) if p) or \
        f"Покупатель заказа {order.get('number')}"
    delivery = order.get("delivery") or {}
    time = delivery.get("time") or {}
    address = delivery.get("address") or {}
    lines = []
    for item in order.get("items") or []:
        if item.get("status") in ("cancel", "canceled"):
            continue
        offer = item.get("offer") or {}
        qty = Decimal(str(item.get("quantity") or 0))
        price = kopecks(item.get("initialPrice", 0)) - kopecks(item.get("discountTotal", 0))
        qty_milli = int(qty * 1000)
        lines.append(LineData(str(offer.get("name") or item.get("productName") or offer.get("article") or "товар")[:255],
                              qty_milli, price, int((Decimal(price) * qty).quantize(Decimal(1), rounding=ROUND_HALF_UP))))
    phones = customer.get("phones") or []
    return OrderData(
        crm_id=str(order["id"]), number=str(order.get("number") or order["id"])[:32],
        external_id=order.get("externalId"), site=order.get("site") or "", status_code=order.get("status") or "",
        customer_crm_id=str(customer.get("id") or f"order-{order['id']}"), customer_kind=kind,
        customer_name=name[:255], inn=contragent.get("INN") or None,
        phone=order.get("phone") or (phones[0].get("number") if phones else None), email=order.get("email"),
        delivery_date=date(delivery.get("date")), window_start=minutes(time.get("from")),
        window_end=minutes(time.get("to")), address=(address.get("text") or "")[:500],
        weight_g=int(Decimal(str(order.get("weight") or 0))), lines=tuple(lines),
        comment=(order.get("customerComment") or "")[:1000],
    )
