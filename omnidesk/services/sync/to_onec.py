"""Outbox messages as 1C documents: money receipts (master = onec) and transport tasks for routes.

OData runs none of the forms' filling logic, so each receipt carries what 1C checks when posting:
Организация, БанковскийСчет or Касса, Валюта, ХозяйственнаяОперация, and per row Партнер, the order's
settlement object, Сумма, СуммаВзаиморасчетов, ВалютаВзаиморасчетов, СтатьяДвиженияДенежныхСредств;
rows sum to the document total. Every document has a Ref_Key made from what it reports (uuid5), so a
retry after a lost answer meets "key exists" and is done, never a second document.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from omnidesk.integrations.onec import ODataClient
from omnidesk.integrations.web import Rejected, Unavailable

from .to_crm import Skipped

NAMESPACE = uuid.UUID("0f6f2a8e-6b1c-5d0e-9a57-0d5e5c11a001")
CATALOGS = {"organization": ("Catalog_Организации", "организация"),
            "bank_account": ("Catalog_БанковскиеСчетаОрганизаций", "банковский счёт"),
            "cash_desk": ("Catalog_Кассы", "касса"),
            "cashflow_item": ("Catalog_СтатьиДвиженияДенежныхСредств", "статья движения денежных средств")}
RECEIPT_DOCS = {"transfer": ("Document_ПоступлениеБезналичныхДенежныхСредств", "bank_account", "БанковскийСчет_Key"),
                "cash": ("Document_ПриходныйКассовыйОрдер", "cash_desk", "Касса_Key"),
                "card": ("Document_ОперацияПоПлатежнойКарте", None, None),
                "sbp": ("Document_ОперацияПоПлатежнойКарте", None, None)}
ORDER_SET = "Document_ЗаказКлиента"
EMPTY = "00000000-0000-0000-0000-000000000000"


def document_key(install: str, what: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{install}:{what}"))


def _is_guid(text: str | None) -> bool:
    try:
        uuid.UUID(str(text))
        return True
    except ValueError:
        return False


MAX_EXACT_KOPECKS = 10**15  # below this, a float's shortest text of kopecks/100 is the exact amount


def _money(kopecks: int) -> float:
    """An amount as the JSON number 1C reads (Edm.Decimal), made only here at the wire.

    Python's json writes numbers only from int and float; for |kopecks| < 10**15 the float's shortest
    text (what json writes) is exactly the two-decimal amount — checked, never rounded silently."""
    value = float(Decimal(kopecks) / 100)
    if abs(kopecks) >= MAX_EXACT_KOPECKS or Decimal(repr(value)) != Decimal(kopecks) / 100:
        raise ValueError(f"сумма {kopecks} коп. не передаётся в 1С точно")
    return value


class OneCBooks:
    """What 1C documents point to, looked up once per pass: settings' catalogs, orders, settlement objects."""

    def __init__(self, client: ODataClient, refs: dict[str, str]) -> None:
        self.client = client
        self.refs = refs
        self._cache: dict[str, Any] = {}
        self.linked: dict[str, str] = {}  # OmniDesk order number → its ЗаказКлиента, found this pass

    def choices(self, name: str) -> list[tuple[str, str]]:
        """(Ref_Key, name) of a catalog the Sync page offers (organisations, accounts, desks, items)."""
        entity_set = CATALOGS[name][0]
        return [(row["Ref_Key"], row.get("Description", "")) for row in
                self.client.query(entity_set, select="Ref_Key,Description,DeletionMark", filter="DeletionMark eq false")]

    def ref(self, name: str) -> str:
        if name in self._cache:
            return self._cache[name]
        entity_set, words = CATALOGS[name]
        wanted = (self.refs.get(name) or "").strip()
        if _is_guid(wanted):
            key = wanted
        elif wanted:
            rows = self.client.find(entity_set, Description=wanted)
            if len(rows) != 1:
                raise Rejected(f"1С: «{wanted}» ({words}) {'не найдено' if not rows else 'найдено больше одного'} — "
                               f"выберите на странице «Синхронизация» (onec.{name})")
            key = rows[0]["Ref_Key"]
        else:
            rows = self.client.query(entity_set, select="Ref_Key,Description", filter="DeletionMark eq false", top=2)
            if len(rows) != 1:
                raise Rejected(f"1С: в настройках не указано, какая нужна запись «{words}», а в 1С таких "
                               f"{'нет' if not rows else 'несколько'} — выберите на странице «Синхронизация» (onec.{name})")
            key = rows[0]["Ref_Key"]
        self._cache[name] = key
        return key

    def rub(self) -> str:
        if "rub" not in self._cache:
            rows = self.client.find("Catalog_Валюты", Code="643")
            if not rows:
                raise Rejected("1С: нет валюты с кодом 643 (рубль)")
            self._cache["rub"] = rows[0]["Ref_Key"]
        return self._cache["rub"]

    def order(self, number: str, onec_id: str | None) -> dict:
        """The ЗаказКлиента of an OmniDesk order: by its 1C key, else by the same number."""
        cache_key = f"order:{number}"
        if cache_key in self._cache:
            return self._cache[cache_key]
        doc = self.client.get(ORDER_SET, onec_id) if onec_id and _is_guid(onec_id) else None
        if doc is None:
            rows = self.client.find(ORDER_SET, Number=number)
            doc = rows[0] if rows else None
        if doc is None:  # the CRM↔1C exchange may bring it later
            raise Unavailable(f"заказ №{number} ещё не найден в 1С")
        self._cache[cache_key] = doc
        self.linked[number] = doc["Ref_Key"]
        return doc

    def settlement(self, order_key: str, number: str) -> str:
        cache_key = f"settlement:{order_key}"
        if cache_key not in self._cache:
            from omnidesk.integrations.onec import literals as lit

            rows = self.client.query("Catalog_ОбъектыРасчетов", select="Ref_Key",
                                     filter=f"Объект eq {lit.cast(order_key, ORDER_SET)}")
            if not rows:
                raise Unavailable(f"в 1С у заказа №{number} ещё нет объекта расчётов")
            self._cache[cache_key] = rows[0]["Ref_Key"]
        return self._cache[cache_key]

    def person(self, driver: dict) -> str:
        if driver.get("onec_id") and _is_guid(driver["onec_id"]):
            return driver["onec_id"]
        rows = self.client.find("Catalog_ФизическиеЛица", Description=driver["name"])
        if len(rows) != 1:
            raise Rejected(f"1С: водитель «{driver['name']}» {'не найден' if not rows else 'найден не один'} "
                           "в справочнике «Физические лица»")
        return rows[0]["Ref_Key"]

    def van(self, plate: str) -> str | None:
        rows = self.client.find("Catalog_ТранспортныеСредства", Description=plate)
        return rows[0]["Ref_Key"] if len(rows) == 1 else None


def send_payment(books: OneCBooks, payload: dict[str, Any], install: str) -> None:
    parts = payload["allocations"]
    if not parts:
        raise Skipped("вся сумма осталась авансом: в 1С уходит, когда будет зачтена в заказ")
    entity_set, account_name, account_field = RECEIPT_DOCS[payload["kind"]]
    rub, item = books.rub(), books.ref("cashflow_item")
    rows, partner = [], None
    for n, part in enumerate(parts, start=1):
        order = books.order(part["number"], part.get("onec_id"))
        partner = partner or order.get("Партнер_Key")
        rows.append({"LineNumber": str(n), "Партнер_Key": order.get("Партнер_Key") or EMPTY,
                     "ОбъектРасчетов_Key": books.settlement(order["Ref_Key"], part["number"]),
                     "Сумма": _money(part["amount"]), "СуммаВзаиморасчетов": _money(part["amount"]),
                     "ВалютаВзаиморасчетов_Key": rub, "СтатьяДвиженияДенежныхСредств_Key": item})
    total = sum(part["amount"] for part in parts)
    key = document_key(install, f"payment:{payload['payment_id']}")
    doc: dict[str, Any] = {
        "Ref_Key": key, "Date": payload["received_at"], "Организация_Key": books.ref("organization"),
        "Валюта_Key": rub, "ХозяйственнаяОперация": "ПоступлениеОплатыОтКлиента", "Партнер_Key": partner or EMPTY,
        "СуммаДокумента": _money(total), "НазначениеПлатежа": (payload.get("purpose") or "")[:210],
        "Комментарий": f"OmniDesk, поступление {payload['payment_id']}", "РасшифровкаПлатежа": rows,
    }
    if account_name:
        doc[account_field] = books.ref(account_name)
    if payload["kind"] == "cash":
        doc["ПринятоОт"] = payload["customer"]["name"]
    books.client.create(entity_set, doc)  # False: an earlier try created it — then only post
    books.client.post_document(entity_set, key, operational=False)


def _time(minutes: int | None) -> str:
    minutes = minutes or 0
    return f"0001-01-01T{minutes // 60:02d}:{minutes % 60:02d}:00"


def send_route(books: OneCBooks, payload: dict[str, Any], install: str) -> None:
    """The published route as ЗаданиеНаПеревозку (whole ``Распоряжения`` array with LineNumber), then posted."""
    if not payload.get("driver"):
        raise Rejected("у маршрута нет водителя")
    day = dt.date.fromisoformat(payload["date"])
    arrivals = [s["arrival_s"] for s in payload["stops"] if s.get("arrival_s") is not None]
    start = min(arrivals) // 60 if arrivals else 8 * 60
    end = start + (payload.get("duration_s") or 0) // 60
    orders = []
    for n, stop in enumerate(payload["stops"], start=1):
        order = books.order(stop["number"], stop.get("onec_id"))
        window = stop.get("window") or [None, None]
        orders.append({"LineNumber": str(n), "Распоряжение": order["Ref_Key"],
                       "Распоряжение_Type": f"StandardODATA.{ORDER_SET}", "ВремяС": _time(window[0]),
                       "ВремяПо": _time(window[1]), "Доставлено": False, "ДоставляетсяПолностью": True,
                       "КлючСвязи": n})
    key = document_key(install, f"route:{payload['route_id']}")
    doc: dict[str, Any] = {
        "Ref_Key": key, "Date": f"{day.isoformat()}T00:00:00", "Статус": "КПогрузке",
        "ДатаВремяРейсаПланС": f"{day.isoformat()}T{start // 60:02d}:{start % 60:02d}:00",
        "ДатаВремяРейсаПланПо": f"{day.isoformat()}T{min(end, 1439) // 60:02d}:{min(end, 1439) % 60:02d}:00",
        "Водитель_Key": books.person(payload["driver"]), "Распоряжения": orders,
        "Комментарий": f"OmniDesk, маршрут {payload['route_id']} (версия {payload['version']})",
    }
    van = books.van(payload["vehicle"]["plate"]) if payload.get("vehicle") else None
    if van:
        doc["ТранспортноеСредство"], doc["ТранспортноеСредство_Type"] = van, "StandardODATA.Catalog_ТранспортныеСредства"
    entity_set = "Document_ЗаданиеНаПеревозку"
    if not books.client.create(entity_set, doc):  # published again: the task exists — change it under If-Match
        current = books.client.get(entity_set, key) or {}
        changes = {k: v for k, v in doc.items() if k != "Ref_Key" and current.get(k) != v}
        if changes:
            books.client.patch(entity_set, key, changes, current.get("DataVersion", "*"))
    books.client.post_document(entity_set, key, operational=False)
