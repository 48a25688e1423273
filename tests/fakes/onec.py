"""A loopback 1C:Enterprise standard OData interface (v3) for UT 11 (reference/integrations.md §2, §7).

Basic auth; Atom unless JSON is asked for (``$format=json`` or ``Accept: application/json``);
``{"odata.metadata":…,"value":[…]}``; ``$filter`` with ``eq``/``ne``/``and``/``or``, string literals with
doubled apostrophes, ``guid'…'``, ``datetime'…'`` and ``cast(guid'…','Document_X')``; ``$top``/``$skip``/
``$select``; POST answers 201 with the entity, a second POST of the same ``Ref_Key`` fails with code 15
("key exists"); a tabular row without ``LineNumber`` fails with 500 and code −1; PATCH answers 200 and
checks ``If-Match`` against ``DataVersion`` (412); ``/Post`` changes ``DataVersion`` and refuses
operational posting of documents that are not real-time; a receipt must carry what 1C checks at posting.
"""

from __future__ import annotations

import base64
import re
import time
import uuid
from urllib.parse import parse_qs, unquote

from .faults import Faults
from .http_base import FakeServer

ROOT = "/base/odata/standard.odata"
REAL_TIME = {"Document_ЗаказКлиента", "Document_ПриходныйКассовыйОрдер", "Document_ЧекККМ"}
RECEIPTS = {"Document_ПоступлениеБезналичныхДенежныхСредств": "БанковскийСчет_Key",
            "Document_ПриходныйКассовыйОрдер": "Касса_Key",
            "Document_ОперацияПоПлатежнойКарте": "Организация_Key"}
PUBLISHED = ("Document_ЗаказКлиента", "Catalog_ОбъектыРасчетов", "Catalog_ФизическиеЛица", "Catalog_ТранспортныеСредства",
             "Catalog_Контрагенты", "Catalog_Партнеры", "Document_ЗаданиеНаПеревозку", *RECEIPTS)
ROW_FIELDS = ("Партнер_Key", "ОбъектРасчетов_Key", "Сумма", "СуммаВзаиморасчетов", "ВалютаВзаиморасчетов_Key",
              "СтатьяДвиженияДенежныхСредств_Key")


def odata_error(code: int, message: str) -> dict:
    return {"odata.error": {"code": str(code), "message": {"lang": "ru", "value": message}}}


class FilterError(ValueError):
    pass


_TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<typed>(?:guid|datetime)'[^']*')|(?P<num>-?\d+(?:\.\d+)?)"
                    r"|(?P<punct>[(),])|(?P<word>[\w/]+))", re.UNICODE)


def _tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m:
            raise FilterError(f"не разобран фрагмент: {text[pos:]}")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.t = _tokens(text)
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.t[self.i] if self.i < len(self.t) else None

    def take(self) -> tuple[str, str]:
        if self.i >= len(self.t):
            raise FilterError("выражение оборвано")
        self.i += 1
        return self.t[self.i - 1]

    def expr(self):
        left = self.term()
        while self.peek() and self.peek()[1] in ("and", "or"):
            op = self.take()[1]
            right = self.term()
            left = ("and" if op == "and" else "or", left, right)
        return left

    def term(self):
        tok = self.peek()
        if tok and tok[1] == "not":
            self.take()
            return ("not", self.term())
        if tok and tok == ("punct", "("):
            self.take()
            inner = self.expr()
            self.take()
            return inner
        left = self.operand()
        op = self.take()[1]
        if op not in ("eq", "ne", "gt", "ge", "lt", "le"):
            raise FilterError(f"неизвестная операция {op}")
        return (op, left, self.operand())

    def operand(self):
        kind, text = self.take()
        if kind == "str":
            return ("lit", text[1:-1].replace("''", "'"))
        if kind == "typed":
            return ("lit", text.split("'", 1)[1][:-1])
        if kind == "num":
            return ("lit", float(text) if "." in text else int(text))
        if kind == "word" and text in ("true", "false"):
            return ("lit", text == "true")
        if kind == "word" and text == "cast":
            self.take()
            value = self.operand()
            self.take()
            type_name = self.operand()
            self.take()
            return ("lit", (value[1], type_name[1]))
        if kind == "word":
            return ("field", text)
        raise FilterError(f"неожиданно: {text}")


def _value(entity: dict, node):
    if node[0] == "lit":
        return node[1]
    name = node[1]
    if name in entity:
        return entity[name]
    return None


def matches(entity: dict, tree) -> bool:
    op = tree[0]
    if op == "and":
        return matches(entity, tree[1]) and matches(entity, tree[2])
    if op == "or":
        return matches(entity, tree[1]) or matches(entity, tree[2])
    if op == "not":
        return not matches(entity, tree[1])
    left, right = tree[1], tree[2]
    a, b = _value(entity, left), _value(entity, right)
    if isinstance(b, tuple):  # cast(guid'…','Type') against a composite attribute
        field = left[1]
        a, b = (entity.get(field), entity.get(field + "_Type")), (b[0], "StandardODATA." + b[1])
    return {"eq": a == b, "ne": a != b, "gt": a > b, "ge": a >= b, "lt": a < b, "le": a <= b}[op]


class FakeOneC(FakeServer):
    USER, PASSWORD = "omnidesk", "Пароль-1С"

    def __init__(self, *, faults: Faults | None = None) -> None:
        super().__init__(faults=faults)
        self.sets: dict[str, dict[str, dict]] = {}
        self.created: list[tuple[str, str]] = []  # (set, Ref_Key) in order of creation
        self.created_at: dict[str, int] = {}  # Ref_Key → monotonic ns
        self.posted: list[tuple[str, str]] = []
        self.filters_seen: list[str] = []
        for name in PUBLISHED:  # the composition set in "Настройка стандартного интерфейса OData"
            self.sets[name] = {}
        self.organization = self.add("Catalog_Организации", Description="ООО «ОмниТепло»")
        self.bank_account = self.add("Catalog_БанковскиеСчетаОрганизаций", Description="Расчётный счёт в Сбербанке")
        self.cash_desk = self.add("Catalog_Кассы", Description="Основная касса")
        self.cashflow_item = self.add("Catalog_СтатьиДвиженияДенежныхСредств", Description="Поступление оплаты от клиента")
        self.rub = self.add("Catalog_Валюты", Code="643", Description="руб.")

    # --- what exists in the 1C base (tests call these) ----------------------------------------
    def add(self, entity_set: str, **fields) -> str:
        key = fields.pop("Ref_Key", None) or str(uuid.uuid4())
        entity = {"Ref_Key": key, "DataVersion": "AAAAAQAAAAA=", "DeletionMark": False, **fields}
        if entity_set.startswith("Document_"):
            entity.setdefault("Posted", False)
        with self.lock:
            self.sets.setdefault(entity_set, {})[key] = entity
        return key

    def add_order(self, number: str, ref_key: str | None = None, partner: str | None = None) -> str:
        """A ЗаказКлиента with its settlement object (Catalog_ОбъектыРасчетов, Объект = the order)."""
        partner = partner or self.add("Catalog_Партнеры", Description=f"Покупатель заказа {number}")
        key = self.add("Document_ЗаказКлиента", Ref_Key=ref_key, Number=number, Партнер_Key=partner,
                       Date="2026-12-01T10:00:00")
        self.add("Catalog_ОбъектыРасчетов", Объект=key, Объект_Type="StandardODATA.Document_ЗаказКлиента",
                 Description=f"Заказ клиента {number}", Партнер_Key=partner)
        return key

    def documents(self, entity_set: str) -> list[dict]:
        with self.lock:
            return list(self.sets.get(entity_set, {}).values())

    # --- the API ----------------------------------------------------------------------------------
    def handle(self, handler, method: str, path: str, query: str, body: bytes):
        auth = handler.headers.get("Authorization", "")
        expected = "Basic " + base64.b64encode(f"{self.USER}:{self.PASSWORD}".encode()).decode()
        if auth != expected:
            return 401, b""
        path = unquote(path)
        if not path.startswith(ROOT + "/"):
            return 404, odata_error(6, "Неверный адрес ресурса")
        params = {k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()}
        wants_json = params.get("$format") == "json" or "application/json" in handler.headers.get("Accept", "")
        m = re.fullmatch(r"([^()/]+)(?:\(guid'([0-9a-fA-F-]{36})'\))?(?:/(Post|Unpost))?", path[len(ROOT) + 1:])
        if not m:
            return 400, odata_error(6, "Неверный адрес ресурса")
        name, key, action = m.groups()
        with self.lock:
            status, answer = self._route(handler, method, name, key, action, params, body)
        if not wants_json and status < 400 and answer:
            return status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>"
        return status, answer

    def _route(self, handler, method, name, key, action, params, body):
        if name not in self.sets:
            return 404, odata_error(8, f"Тип не найден: {name}")
        rows = self.sets.setdefault(name, {})
        if action:
            if method != "POST":
                return 405, odata_error(19, "Метод запрещён")
            return self._post(name, key, params)
        if key is None and method == "GET":
            return self._query(name, rows, params)
        if key is None and method == "POST":
            return self._create(name, rows, body)
        entity = rows.get(key)
        if entity is None:
            return 404, odata_error(9, "Объект не найден")
        if method == "GET":
            return 200, {"odata.metadata": f"{ROOT}/$metadata#{name}/@Element", **entity}
        if method == "PATCH":
            if handler.headers.get("If-Match") not in (None, "*", entity["DataVersion"]):
                return 412, odata_error(-1, "Объект изменён другим пользователем: версия данных не совпадает")
            import json as _json
            changes = _json.loads(body.decode() or "{}")
            bad = self._rows_without_line_number(changes)
            if bad:
                return 500, odata_error(-1, "Внутренняя ошибка OData сервиса")
            entity.update({k: v for k, v in changes.items() if k not in ("Ref_Key", "DataVersion", "Posted")})
            entity["DataVersion"] = _bump(entity["DataVersion"])
            return 200, {"odata.metadata": f"{ROOT}/$metadata#{name}/@Element", **entity}
        return 405, odata_error(19, "Метод запрещён")

    def _query(self, name, rows, params):
        found = list(rows.values())
        text = params.get("$filter")
        if text:
            self.filters_seen.append(text)
            try:
                tree = _Parser(text).expr()
            except (FilterError, IndexError, TypeError) as exc:
                return 400, odata_error(14, f"Ошибка разбора запроса: {exc}")
            found = [e for e in found if matches(e, tree)]
        total = len(found)
        skip, top = int(params.get("$skip", 0)), params.get("$top")
        found = found[skip: skip + int(top)] if top is not None else found[skip:]
        if params.get("$select"):
            wanted = params["$select"].split(",")
            found = [{k: e.get(k) for k in wanted} for e in found]
        out = {"odata.metadata": f"{ROOT}/$metadata#{name}", "value": found}
        if params.get("$inlinecount") == "allpages":
            out["odata.count"] = str(total)
        return 200, out

    @staticmethod
    def _rows_without_line_number(entity: dict) -> bool:
        return any(isinstance(v, list) and any("LineNumber" not in row for row in v) for v in entity.values())

    def _create(self, name, rows, body):
        import json as _json
        try:
            entity = _json.loads(body.decode())
        except ValueError:
            return 400, odata_error(14, "Ошибка разбора тела запроса")
        if self._rows_without_line_number(entity):
            return 500, odata_error(-1, "Внутренняя ошибка OData сервиса")
        key = entity.get("Ref_Key") or str(uuid.uuid4())
        if key in rows:
            return 400, odata_error(15, "Запись с таким ключом уже существует")
        entity.pop("Posted", None)
        entity.update(Ref_Key=key, DataVersion="AAAAAQAAAAA=", Posted=False)
        entity.setdefault("DeletionMark", False)
        rows[key] = entity
        self.created.append((name, key))
        self.created_at[key] = time.monotonic_ns()
        return 201, {"odata.metadata": f"{ROOT}/$metadata#{name}/@Element", **entity}

    def _post(self, name, key, params):
        entity = self.sets.get(name, {}).get(key or "")
        if entity is None:
            return 404, odata_error(9, "Объект не найден")
        operational = params.get("PostingModeOperational", "false") == "true"
        if operational and name not in REAL_TIME:
            return 400, odata_error(-1, f"Документ {name} нельзя проводить в оперативном режиме")
        problem = self._posting_problem(name, entity)
        if problem:
            return 400, odata_error(-1, f"Не удалось провести документ: {problem}")
        entity["Posted"] = True
        entity["DataVersion"] = _bump(entity["DataVersion"])
        self.posted.append((name, key))
        return 200, {}

    def _posting_problem(self, name: str, doc: dict) -> str | None:
        if name not in RECEIPTS:
            return None
        for field in ("Организация_Key", RECEIPTS[name], "Валюта_Key", "ХозяйственнаяОперация"):
            if not doc.get(field) or doc[field] == "00000000-0000-0000-0000-000000000000":
                return f"поле «{field}» не заполнено"
        if doc["ХозяйственнаяОперация"] != "ПоступлениеОплатыОтКлиента":
            return "неверная хозяйственная операция"
        rows = doc.get("РасшифровкаПлатежа") or []
        if not rows:
            return "не заполнена расшифровка платежа"
        for row in rows:
            for field in ROW_FIELDS:
                if row.get(field) in (None, "", 0):
                    return f"в строке {row.get('LineNumber')} не заполнено «{field}»"
            if row["ОбъектРасчетов_Key"] not in self.sets.get("Catalog_ОбъектыРасчетов", {}):
                return f"в строке {row.get('LineNumber')} объект расчётов не найден"
        if round(sum(float(r["Сумма"]) for r in rows), 2) != round(float(doc.get("СуммаДокумента") or 0), 2):
            return "сумма расшифровки не равна сумме документа"
        return None


def _bump(version: str) -> str:
    raw = base64.b64decode(version)
    n = int.from_bytes(raw, "big") + 1
    return base64.b64encode(n.to_bytes(len(raw), "big")).decode()
