"""RetailCRM API v5 over ``requests`` (reference/integrations.md §1, §7).

``X-API-KEY`` header (never the ``apiKey`` parameter: a key in a URL ends up in logs); the
``{"success":…}`` envelope read defensively (error bodies can be nginx HTML); paging limits 20/50/100;
a throttle at the account's rate; retries with backoff on 429/503/time-outs/dropped connections;
writes form-encoded with the entity as a JSON string, ``by`` and ``site`` always explicit.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import requests

from ..web import AlreadyExists, Rejected, RetryPolicy, Throttle, Unavailable, send

LIMITS = (20, 50, 100)
SYSTEM = "CRM"


@dataclass(frozen=True)
class HistoryPage:
    records: list[dict]
    last: bool  # no more records after these
    generated_at: str


def _limit(limit: int) -> int:
    if limit not in LIMITS:
        raise ValueError(f"limit must be one of {LIMITS}")
    return limit


class CrmClient:
    def __init__(self, url: str, api_key: str, site: str = "", *, rate: float = 10.0, timeout: float = 15.0,
                 policy: RetryPolicy | None = None, session: requests.Session | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.base = url.rstrip("/") + "/api/v5"
        self.site = site
        self.timeout = timeout
        self.policy = policy or RetryPolicy()
        self.throttle = Throttle(rate)
        self.session = session or requests.Session()
        self.session.headers["X-API-KEY"] = api_key
        self.session.headers.setdefault("User-Agent", "OmniDesk")
        self._sleep = sleep
        self.counter = [0]  # requests sent, retries included

    @property
    def requests_made(self) -> int:
        return self.counter[0]

    # --- the envelope ---------------------------------------------------------------------------
    def _call(self, method: str, path: str, *, params: Any = None, data: dict | None = None) -> dict:
        response = send(self.session, method, self.base + path, system=SYSTEM, timeout=self.timeout,
                        throttle=self.throttle, policy=self.policy, sleep=self._sleep, counter=self.counter,
                        params=params, data=data)
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            if response.status_code >= 500:
                raise Unavailable(f"CRM недоступна: HTTP {response.status_code}", status=response.status_code)
            raise Rejected(f"CRM ответила не JSON (HTTP {response.status_code})", status=response.status_code)
        if response.status_code < 400 and body.get("success", True) is not False:
            return body
        message = str(body.get("errorMsg") or f"HTTP {response.status_code}")
        errors = body.get("errors") or {}
        details = "; ".join(f"{k}: {v}" for k, v in errors.items()) if isinstance(errors, dict) else \
            "; ".join(map(str, errors))
        text = f"CRM отклонила запрос: {_russian(message)}" + (f" ({details})" if details else "")
        if "already" in details.lower() and "external" in details.lower():
            raise AlreadyExists(text, status=response.status_code)
        if response.status_code >= 500:
            raise Unavailable(text, status=response.status_code)
        raise Rejected(text, status=response.status_code)

    def _write(self, path: str, entity_name: str, entity: dict, *, by: str | None = None,
               site: str | None = None) -> dict:
        data = {entity_name: json.dumps(entity, ensure_ascii=False)}
        if by:
            data["by"] = by
        if site or self.site:
            data["site"] = site or self.site
        return self._call("POST", path, data=data)

    # --- reads --------------------------------------------------------------------------------------
    def credentials(self) -> dict:
        return self._call("GET", "/credentials")

    def history(self, since_id: int | None, limit: int = 100) -> HistoryPage:
        """Records after ``since_id`` (the first run: from the start) — never with ``page`` (400 since 2023)."""
        params: dict[str, Any] = {"limit": _limit(limit)}
        if since_id is not None:
            params["filter[sinceId]"] = since_id
        body = self._call("GET", "/orders/history", params=params)
        records = sorted(body.get("history") or [], key=lambda r: r["id"])
        total = (body.get("pagination") or {}).get("totalCount")
        last = len(records) < limit or (total is not None and total <= limit)
        return HistoryPage(records, last, body.get("generatedAt", ""))

    def orders_by_ids(self, ids: Iterable[int], limit: int = 100) -> list[dict]:
        """Orders by CRM id, ``limit`` ids a request (``filter[ids][]`` repeated)."""
        wanted = sorted(set(ids))
        out: list[dict] = []
        for start in range(0, len(wanted), _limit(limit)):
            chunk = wanted[start:start + limit]
            params = [("filter[ids][]", i) for i in chunk] + [("limit", limit)]
            out.extend(self._call("GET", "/orders", params=params).get("orders") or [])
        return out

    def order(self, ident: int | str, by: str = "id") -> dict:
        params = {"by": by}
        if self.site:  # `by` and `site` always explicit (a multi-store key needs the site)
            params["site"] = self.site
        return self._call("GET", f"/orders/{ident}", params=params)["order"]

    def reference(self, name: str) -> dict:
        """A reference book (statuses, status-groups, payment-types, delivery-types, sites): a map by code."""
        body = self._call("GET", f"/reference/{name}")
        key = {"status-groups": "statusGroups", "payment-types": "paymentTypes", "delivery-types": "deliveryTypes",
               "payment-statuses": "paymentStatuses"}.get(name, name)
        return body.get(key) or {}

    # --- writes -------------------------------------------------------------------------------------
    def edit_order(self, order_id: int, fields: dict, *, site: str | None = None) -> dict:
        return self._write(f"/orders/{order_id}/edit", "order", fields, by="id", site=site)

    def create_payment(self, payment: dict, *, site: str | None = None) -> int | None:
        """Create a payment; a payment whose ``externalId`` is already there counts as done (returns None)."""
        try:
            return self._write("/orders/payments/create", "payment", payment, site=site).get("id")
        except AlreadyExists:
            return None


_MESSAGES = {
    'Wrong "apiKey" value.': "неверный ключ API",
    "Access denied.": "у ключа API нет доступа к этому методу",
    "Account does not exist.": "такой учётной записи CRM нет",
    "Errors in the entity format": "ошибки в данных",
    "Validation error": "ошибка проверки данных",
    "Not found": "не найдено",
    "Errors in the input parameters": "ошибки в параметрах запроса",
}


def _russian(message: str) -> str:
    return _MESSAGES.get(message, message)


def chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)]
