"""1C:Enterprise standard OData interface (v3, JSON) — reference/integrations.md §2, §7.

Basic auth; JSON asked for explicitly (1C answers Atom otherwise); paging with ``$top``/``$skip``;
``odata.error`` turned into a Russian message; PATCH with ``If-Match: DataVersion`` (412 → VersionConflict);
documents created with a client-chosen ``Ref_Key`` so that a retry after a lost answer meets "key exists"
(code 15) and counts as done; posting as a separate ``/Post``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote

import requests

from ..web import AlreadyExists, Rejected, RetryPolicy, Throttle, Unavailable, VersionConflict, send
from . import literals

SYSTEM = "1С"
JSON = "application/json;odata=nometadata"
_CODES = {
    "6": "неверный адрес ресурса", "8": "тип не найден (объект не опубликован в составе OData?)",
    "9": "объект не найден", "10": "свойство не найдено", "13": "строки табличной части нельзя создавать отдельно",
    "14": "ошибка разбора запроса", "15": "запись с таким ключом уже существует",
    "17": "режим загрузки не поддерживается", "19": "метод запрещён", "20": "нет прав доступа",
    "-1": "внутренняя ошибка сервиса OData",
}


class ODataClient:
    def __init__(self, url: str, user: str, password: str, *, timeout: float = 30.0, rate: float = 0.0,
                 policy: RetryPolicy | None = None, session: requests.Session | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.root = url.rstrip("/")
        self.timeout = timeout
        self.policy = policy or RetryPolicy()
        self.throttle = Throttle(rate)
        self.session = session or requests.Session()
        self.session.auth = (user.encode("utf-8"), password.encode("utf-8"))  # Basic, UTF-8 as 1C expects
        self.session.headers.update({"Accept": JSON, "User-Agent": "OmniDesk"})
        self._sleep = sleep
        self.counter = [0]

    # --- plumbing -----------------------------------------------------------------------------------
    def _url(self, entity_set: str, key: str | None = None, action: str | None = None,
             params: dict[str, Any] | None = None) -> str:
        path = quote(entity_set, safe="")
        if key is not None:
            path += "(" + quote(literals.guid(key), safe="'") + ")"
        if action:
            path += "/" + action
        query = {"$format": "json", **(params or {})}
        text = "&".join(f"{quote(k, safe='$')}={quote(str(v), safe='')}" for k, v in query.items())
        return f"{self.root}/{path}?{text}"

    def _call(self, method: str, url: str, *, body: Any = None, headers: dict | None = None) -> Any:
        data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
        hdrs = {"Content-Type": "application/json;charset=utf-8"} if data is not None else {}
        hdrs.update(headers or {})
        response = send(self.session, method, url, system=SYSTEM, timeout=self.timeout, throttle=self.throttle,
                        policy=self.policy, sleep=self._sleep, counter=self.counter, data=data, headers=hdrs)
        if response.status_code < 400:
            try:
                return response.json() if response.content else {}
            except ValueError:
                raise Rejected("1С ответила не JSON: опубликован ли стандартный интерфейс OData?",
                               status=response.status_code) from None
        code, message = _odata_error(response)
        if response.status_code == 401:
            raise Rejected("1С: неверное имя пользователя или пароль", status=401)
        if response.status_code == 412:
            raise VersionConflict("1С: объект изменён в 1С после чтения — конфликт версий", status=412)
        text = f"1С: {_CODES.get(code, 'ошибка')}" + (f": {message}" if message else "")
        if code == "15":
            raise AlreadyExists(text, status=response.status_code)
        if response.status_code >= 500 and code != "-1":
            raise Unavailable(text, status=response.status_code)
        raise Rejected(text, status=response.status_code)

    # --- reads --------------------------------------------------------------------------------------
    def query(self, entity_set: str, *, filter: str | None = None, select: str | None = None,
              top: int | None = None, skip: int = 0, orderby: str | None = None) -> list[dict]:
        params: dict[str, Any] = {}
        if filter:
            params["$filter"] = filter
        if select:
            params["$select"] = select
        if orderby:
            params["$orderby"] = orderby
        if top is not None:
            params["$top"] = top
        if skip:
            params["$skip"] = skip
        return self._call("GET", self._url(entity_set, params=params)).get("value") or []

    def iterate(self, entity_set: str, *, filter: str | None = None, select: str | None = None,
                page: int = 500) -> Iterator[dict]:
        skip = 0
        while True:
            rows = self.query(entity_set, filter=filter, select=select, top=page, skip=skip, orderby="Ref_Key")
            yield from rows
            if len(rows) < page:
                return
            skip += page

    def find(self, entity_set: str, **equal: Any) -> list[dict]:
        """Objects whose fields equal the values given (strings escaped, keys as guid literals)."""
        parts = []
        for field, value in equal.items():
            if field.endswith("_Key") or field == "Ref_Key":
                parts.append(literals.eq(field, literals.guid(value)))
            elif isinstance(value, bool):
                parts.append(literals.eq(field, "true" if value else "false"))
            else:
                parts.append(literals.eq(field, literals.string(value)))
        return self.query(entity_set, filter=" and ".join(parts))

    def get(self, entity_set: str, key: str) -> dict | None:
        try:
            return self._call("GET", self._url(entity_set, key))
        except Rejected as exc:
            if exc.status == 404:
                return None
            raise

    # --- writes -------------------------------------------------------------------------------------
    def create(self, entity_set: str, entity: dict) -> bool:
        """Create with the client's own ``Ref_Key``; False when it exists already (an earlier try arrived)."""
        if "Ref_Key" not in entity:
            raise ValueError("a created object carries its own Ref_Key")
        try:
            self._call("POST", self._url(entity_set), body=entity)
            return True
        except AlreadyExists:
            return False

    def patch(self, entity_set: str, key: str, changes: dict, data_version: str) -> dict:
        return self._call("PATCH", self._url(entity_set, key), body=changes, headers={"If-Match": data_version})

    def post_document(self, entity_set: str, key: str, *, operational: bool = False) -> None:
        params = {"PostingModeOperational": "true" if operational else "false"}
        self._call("POST", self._url(entity_set, key, "Post", params))


def _odata_error(response: requests.Response) -> tuple[str, str]:
    try:
        error = response.json().get("odata.error") or {}
    except (ValueError, AttributeError):
        return "", ""
    message = error.get("message") or {}
    return str(error.get("code", "")), str(message.get("value", "") if isinstance(message, dict) else message)
