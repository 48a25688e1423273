"""A loopback RetailCRM API v5 that behaves as documented (reference/integrations.md §1, §7).

``X-API-KEY`` checked (403 ``Wrong "apiKey" value.``); the ``{"success":…}`` envelope; paging limits
20/50/100; ``/orders/history`` by ``filter[sinceId]`` (400 when ``page`` comes with it), records from
people (``source:"user"``, no ``apiKey``) and from API keys (``apiKey.current`` true for the asking key);
form-encoded writes with the entity as JSON; ``/orders/payments/create`` answers 201 and rejects a
second payment with the same ``externalId``; ``by`` defaults to ``externalId`` on order edits; reference
books. Counts what was really applied, for the exactly-once checks.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import time
from typing import Any
from urllib.parse import parse_qs

from .faults import Faults
from .http_base import FakeServer

LIMITS = (20, 50, 100)
STATUSES = {
    "new": ("Новый", "new", 10), "availability-confirmed": ("Подтверждён", "approval", 20),
    "assembling": ("Комплектуется", "assembling", 30), "send-to-delivery": ("Передан в доставку", "delivery", 40),
    "delivering": ("Доставляется", "delivery", 50), "complete": ("Выполнен", "complete", 60),
    "partly-complete": ("Выполнен частично", "complete", 61), "cancel-other": ("Отменён", "cancel", 70),
    "no-product": ("Нет в наличии", "cancel", 71),
}
PAYMENT_TYPES = ("cash", "bank-card", "bank-transfer", "sbp")
DELIVERY_TYPES = ("courier", "self-delivery", "russian-post")


def _now() -> str:
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")


class FakeCrm(FakeServer):
    OUR_KEY = "our-key-0123456789"
    OTHER_KEY = "other-integration-key"

    def __init__(self, *, faults: Faults | None = None, rate: float | None = None,
                 sites: tuple[str, ...] = ("omnisan", "omnisan-pro")) -> None:
        super().__init__(faults=faults, rate=rate)
        self.sites = sites
        self.orders: dict[int, dict] = {}
        self.history: list[dict] = []
        self.payments: dict[int, dict] = {}
        self.edits: list[tuple[int, dict, int]] = []  # (order id, fields that changed, ns) per applied edit
        self.bad_requests: list[str] = []
        self._next_order = 5000
        self._next_payment = 4400

    # --- what a person does in the CRM (tests call these) -------------------------------------
    def add_order(self, *, number: str | None = None, external_id: str | None = None, site: str = "omnisan",
                  status: str = "new", items: list[dict] | None = None, contragent: str = "individual",
                  inn: str | None = None, name: str = "Иванов Иван", phone: str = "+79161234567",
                  delivery_date: str = "2026-12-10", window: tuple[str, str] = ("10:00", "14:00"),
                  weight: int = 18000, text: str = "Москва, Примерная, 5-12", record: bool = True) -> dict:
        with self.lock:
            self._next_order += 1
            oid = self._next_order
            items = items or [{"offer": {"id": 77, "externalId": "SKU-7741", "name": "Смеситель GR-115"},
                               "quantity": 2, "initialPrice": 5975}]
            for n, item in enumerate(items, start=1):
                item.setdefault("id", oid * 100 + n)
                item.setdefault("prices", [{"price": item["initialPrice"], "quantity": item["quantity"]}])
                item.setdefault("status", "new")
            summ = sum(i["initialPrice"] * i["quantity"] for i in items)
            order = {
                "id": oid, "number": number or f"{oid}A", "externalId": external_id, "site": site, "status": status,
                "createdAt": _now(), "summ": summ, "totalSumm": summ, "prepaySum": 0, "weight": weight,
                "firstName": name.split()[-1], "lastName": name.split()[0], "phone": phone,
                "contragent": {"contragentType": contragent, **({"INN": inn} if inn else {})},
                "customer": {"id": oid + 100000, "type": "customer", "firstName": name.split()[-1],
                             "lastName": name.split()[0], "phones": [{"number": phone}]},
                "delivery": {"code": "courier", "cost": 0, "date": delivery_date,
                             "time": {"from": window[0], "to": window[1]},
                             "address": {"city": "Москва", "text": text}, "data": {}},
                "items": items, "payments": {},
            }
            if external_id is None:
                order.pop("externalId")
            self.orders[oid] = order
            if record:
                self._record(oid, "status", None, {"code": status}, created=True, source="user")
            return order

    def user_edit(self, order_id: int, field: str, value: Any) -> None:
        """A manager changes a field in the CRM's screens (a history record with no apiKey)."""
        with self.lock:
            order = self.orders[order_id]
            old = self._set_field(order, field, value)
            self._record(order_id, field, old, value, source="user")

    def key_edit(self, order_id: int, field: str, value: Any, key: str) -> None:
        with self.lock:
            order = self.orders[order_id]
            old = self._set_field(order, field, value)
            self._record(order_id, field, old, value, source="api", key=key)

    @staticmethod
    def _set_field(order: dict, field: str, value: Any) -> Any:
        if field == "status":
            old, order["status"] = {"code": order["status"]}, value
            return old
        if field == "delivery_date":
            old, order["delivery"]["date"] = order["delivery"]["date"], value
            return old
        if field == "delivery_time":
            old, order["delivery"]["time"] = order["delivery"]["time"], value
            return old
        if field == "order_product.quantity":
            item_id, qty = value
            for item in order["items"]:
                if item["id"] == item_id:
                    old, item["quantity"] = item["quantity"], qty
                    item["prices"] = [{"price": item["initialPrice"], "quantity": qty}]
                    return old
        old, order[field] = order.get(field), value
        return old

    def _record(self, order_id: int, field: str, old: Any, new: Any, *, created: bool = False, source: str,
                key: str | None = None) -> None:
        order = self.orders[order_id]
        record: dict[str, Any] = {
            "id": len(self.history) + 1, "createdAt": _now(), "created": created, "source": source, "field": field,
            "oldValue": old, "newValue": new if not isinstance(new, str) or field != "status" else {"code": new},
            "order": copy.deepcopy(order) if created else {"id": order_id, "number": order["number"],
                                                            "site": order["site"]},
        }
        if source == "user":
            record["user"] = {"id": 7}
        else:
            record["_key"] = key
        self.history.append(record)

    # --- the API ----------------------------------------------------------------------------------
    def handle(self, handler, method: str, path: str, query: str, body: bytes):
        if not path.startswith("/api/v5/"):
            return 404, {"success": False, "errorMsg": "API method not found"}
        key = handler.headers.get("X-API-KEY")
        if key not in (self.OUR_KEY, self.OTHER_KEY):
            return 403, {"success": False, "errorMsg": 'Wrong "apiKey" value.'}
        params = parse_qs(query, keep_blank_values=True)
        form = parse_qs(body.decode(), keep_blank_values=True) if method == "POST" else {}
        route = path[len("/api/v5"):]
        with self.lock:
            if method == "GET" and route == "/credentials":
                return 200, {"success": True, "scopes": ["order_read", "order_write"], "sitesAvailable": list(self.sites)}
            if method == "GET" and route == "/orders/history":
                return self._history(params, key)
            if method == "GET" and route == "/orders":
                return self._orders(params)
            if method == "GET" and route.startswith("/reference/"):
                return self._reference(route.rsplit("/", 1)[1])
            if method == "POST" and route == "/orders/payments/create":
                return self._payment_create(form, key)
            m = re.fullmatch(r"/orders/([^/]+)/edit", route)
            if method == "POST" and m:
                return self._order_edit(m.group(1), form, key)
            m = re.fullmatch(r"/orders/([^/]+)", route)
            if method == "GET" and m:
                order = self._find(m.group(1), params.get("by", ["externalId"])[0])
                if order is None:
                    return 404, {"success": False, "errorMsg": "Not found"}
                return 200, {"success": True, "order": order}
        return 404, {"success": False, "errorMsg": "API method not found"}

    def _limit(self, params) -> int | None:
        text = params.get("limit", ["20"])[0]
        return int(text) if text.isdigit() and int(text) in LIMITS else None

    def _history(self, params, key: str):
        limit = self._limit(params)
        if limit is None:
            return 400, {"success": False, "errorMsg": "Errors in the input parameters",
                         "errors": {"limit": "The value you selected is not a valid choice."}}
        since = params.get("filter[sinceId]", [None])[0]
        if since is not None and "page" in params:
            self.bad_requests.append("page with sinceId")
            return 400, {"success": False, "errorMsg": "Errors in the input parameters",
                         "errors": {"page": "The page parameter is not allowed with filter[sinceId]"}}
        records = [r for r in self.history if since is None or r["id"] > int(since)]
        page = int(params.get("page", ["1"])[0])
        chunk = records[(page - 1) * limit: page * limit]
        out = []
        for record in chunk:
            shown = {k: v for k, v in record.items() if k != "_key"}
            if record["source"] != "user":
                shown["apiKey"] = {"current": record["_key"] == key}
            out.append(shown)
        total = len(records)
        return 200, {"success": True, "generatedAt": _now(), "history": out,
                     "pagination": {"limit": limit, "totalCount": total, "currentPage": page,
                                    "totalPageCount": max(1, -(-total // limit))}}

    def _orders(self, params):
        limit = self._limit(params)
        if limit is None:
            return 400, {"success": False, "errorMsg": "Errors in the input parameters",
                         "errors": {"limit": "The value you selected is not a valid choice."}}
        ids = params.get("filter[ids][]")
        if ids is None:
            found = list(self.orders.values())
        else:
            found = [self.orders[int(i)] for i in sorted(set(ids), key=int) if i.isdigit() and int(i) in self.orders]
        page = int(params.get("page", ["1"])[0])
        total = len(found)
        return 200, {"success": True, "orders": found[(page - 1) * limit: page * limit],
                     "pagination": {"limit": limit, "totalCount": total, "currentPage": page,
                                    "totalPageCount": max(1, -(-total // limit))}}

    def _reference(self, name: str):
        if name == "statuses":
            return 200, {"success": True, "statuses": {
                code: {"name": n, "code": code, "active": True, "ordering": o, "group": g}
                for code, (n, g, o) in STATUSES.items()}}
        if name == "status-groups":
            groups: dict[str, dict] = {}
            for code, (_n, g, o) in STATUSES.items():
                groups.setdefault(g, {"name": g, "code": g, "ordering": o, "statuses": []})["statuses"].append(code)
            return 200, {"success": True, "statusGroups": groups}
        if name == "payment-types":
            return 200, {"success": True, "paymentTypes": {c: {"name": c, "code": c, "active": True}
                                                           for c in PAYMENT_TYPES}}
        if name == "delivery-types":
            return 200, {"success": True, "deliveryTypes": {c: {"name": c, "code": c, "active": True}
                                                            for c in DELIVERY_TYPES}}
        if name == "sites":
            return 200, {"success": True, "sites": {s: {"name": s, "code": s, "url": f"https://{s}.ru"}
                                                    for s in self.sites}}
        return 404, {"success": False, "errorMsg": "API method not found"}

    def _find(self, ident: str, by: str) -> dict | None:
        if by == "id":
            return self.orders.get(int(ident)) if ident.isdigit() else None
        return next((o for o in self.orders.values() if o.get("externalId") == ident), None)

    def _entity(self, form, name: str):
        try:
            return json.loads(form[name][0])
        except (KeyError, ValueError):
            return None

    def _payment_create(self, form, key: str):
        payment = self._entity(form, "payment")
        if payment is None:
            return 400, {"success": False, "errorMsg": "Parameter 'payment' is missing"}
        ref = payment.get("order") or {}
        if not any(k in ref for k in ("id", "externalId", "number")):
            return 400, {"success": False, "errorMsg": "Errors in the entity format",
                         "errors": {"order": "Set one of the following fields: id, externalId, number"}}
        if "id" in ref:
            order = self.orders.get(int(ref["id"]))
        elif "externalId" in ref:
            if len(self.sites) > 1 and "site" not in form:
                return 400, {"success": False, "errorMsg": "Parameter 'site' is missing"}
            order = self._find(str(ref["externalId"]), "externalId")
        else:
            order = next((o for o in self.orders.values() if o["number"] == ref["number"]), None)
        if order is None:
            return 404, {"success": False, "errorMsg": "Not found"}
        if payment.get("type") not in PAYMENT_TYPES:
            return 400, {"success": False, "errorMsg": "Errors in the entity format",
                         "errors": {"type": "Payment type is not valid"}}
        ext = payment.get("externalId")
        if ext and any(p.get("externalId") == ext for p in self.payments.values()):
            return 400, {"success": False, "errorMsg": "Errors in the entity format",
                         "errors": {"externalId": "external id is already set"}}
        self._next_payment += 1
        pid = self._next_payment
        stored = {"id": pid, "externalId": ext, "type": payment["type"], "status": payment.get("status", "paid"),
                  "amount": payment.get("amount"), "paidAt": payment.get("paidAt"), "comment": payment.get("comment"),
                  "order": order["id"], "_at": time.monotonic_ns()}
        self.payments[pid] = stored
        order["payments"][str(pid)] = {k: v for k, v in stored.items() if k != "order"}
        self._record(order["id"], "payments", None, {"id": pid}, source="api", key=key)
        return 201, {"success": True, "id": pid}

    def _order_edit(self, ident: str, form, key: str):
        by = form.get("by", ["externalId"])[0]  # the server's default, which is why clients must send `by`
        if by == "externalId" and len(self.sites) > 1 and "site" not in form:
            return 400, {"success": False, "errorMsg": "Parameter 'site' is missing"}
        order = self._find(ident, by)
        if order is None:
            return 404, {"success": False, "errorMsg": "Not found"}
        fields = self._entity(form, "order")
        if fields is None:
            return 400, {"success": False, "errorMsg": "Parameter 'order' is missing"}
        if "status" in fields and fields["status"] not in STATUSES:
            return 400, {"success": False, "errorMsg": "Errors in the entity format",
                         "errors": {"status": "Status not found"}}
        changed: dict[str, Any] = {}
        if "status" in fields and fields["status"] != order["status"]:
            old = order["status"]
            order["status"] = changed["status"] = fields["status"]
            self._record(order["id"], "status", {"code": old}, fields["status"], source="api", key=key)
        if "statusComment" in fields and fields["statusComment"] != order.get("statusComment"):
            order["statusComment"] = changed["statusComment"] = fields["statusComment"]
        data = (fields.get("delivery") or {}).get("data") or {}
        for k, v in data.items():
            if order["delivery"]["data"].get(k) != v:
                order["delivery"]["data"][k] = v
                changed[f"delivery.data.{k}"] = v
        if changed:
            self.edits.append((order["id"], changed, time.monotonic_ns()))
        return 200, {"success": True, "id": order["id"], "order": order}
