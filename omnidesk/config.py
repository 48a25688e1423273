"""Typed settings, each declared once, kept in ``settings.json`` in the user's config directory.

``OMNIDESK_CONFIG_DIR`` and ``OMNIDESK_DATA_DIR`` move the two directories (tests, portable set-ups).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import platformdirs

from omnidesk.core.errors import InvalidInput
from omnidesk.core.routing.travel import DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH
from omnidesk.secret_store import SecretStore, write_private

APP = "omnidesk"


def config_dir() -> Path:
    return Path(os.environ.get("OMNIDESK_CONFIG_DIR") or platformdirs.user_config_dir(APP))


def data_dir() -> Path:
    return Path(os.environ.get("OMNIDESK_DATA_DIR") or platformdirs.user_data_dir(APP))


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'omnidesk.sqlite3'}"


def _parse_bool(text: str) -> bool:
    lowered = str(text).strip().lower()
    if lowered in ("1", "true", "yes", "on", "да"):
        return True
    if lowered in ("0", "false", "no", "off", "нет"):
        return False
    raise ValueError(text)


def _choice(*allowed: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in allowed:
            raise ValueError(f"ожидается одно из: {', '.join(allowed)}")
        return text

    return parse


def _decimal_text(low: str, high: str, *, above_low: bool = False) -> Callable[[str], str]:
    """A finite number within [low, high] (or (low, high]), kept as text and read with Decimal where used."""
    from decimal import InvalidOperation

    def parse(text: str) -> str:
        try:
            value = Decimal(str(text).strip())
        except InvalidOperation as exc:
            raise ValueError("не число") from exc
        if not value.is_finite() or not Decimal(low) <= value <= Decimal(high) or (above_low and value == Decimal(low)):
            raise ValueError(f"нужно число {'больше' if above_low else 'от'} {low} {'и не больше' if above_low else 'до'} {high}")
        return str(text).strip()

    return parse


def _inn(text: str) -> str:
    from omnidesk.core.inn import is_valid_inn

    text = text.strip()
    if not is_valid_inn(text):
        raise ValueError("ИНН — 10 цифр у организации или 12 у ИП, с верными контрольными цифрами")
    return text


def _kpp(text: str) -> str:
    text = text.strip()
    if text and not (len(text) == 9 and text.isdigit()):
        raise ValueError("КПП — 9 цифр (у ИП пусто)")
    return text


def _person_name(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > 64:
        raise ValueError("не длиннее 64 знаков — так печатает ККТ")
    return text


def _positive_int(text: str) -> int:
    value = int(str(text).strip())
    if value <= 0:
        raise ValueError("ожидается целое число больше нуля")
    return value


def _json_object_text(text: str) -> str:
    """The status map: JSON text, checked here and read by the sync engine."""
    if str(text).strip():
        value = json.loads(text)
        if not isinstance(value, dict):
            raise ValueError("ожидается объект JSON")
    return str(text)


def _positive_decimal_text(text: str) -> str:
    """A finite number above zero (rates, intervals), kept as text."""
    from decimal import InvalidOperation

    try:
        value = Decimal(str(text).strip())
    except InvalidOperation as exc:
        raise ValueError("не число") from exc
    if not value.is_finite() or value <= 0:
        raise ValueError("нужно конечное число больше нуля")
    return str(text).strip()


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    parse: Callable[[str], Any]
    help: str
    secret: bool = False  # kept in the OS keyring (else a file only the user reads); never printed, logged or exported


SYNC_OPTIONS = (
    Option("crm.url", "", str, "адрес RetailCRM, например https://omnisan.retailcrm.ru (пусто — без CRM)"),
    Option("crm.api_key", "", str, "ключ API RetailCRM", secret=True),
    Option("crm.site", "", str, "символьный код магазина в CRM (нужен, если у ключа несколько магазинов)"),
    Option("crm.rate", "10", _positive_decimal_text, "предел запросов к CRM в секунду"),
    Option("onec.url", "", str, "корень OData 1С, например http://host/base/odata/standard.odata (пусто — без 1С)"),
    Option("onec.user", "", str, "пользователь 1С для OData"),
    Option("onec.password", "", str, "пароль пользователя 1С", secret=True),
    Option("onec.organization", "", str, "организация в 1С (Ref_Key или точное имя; пусто — единственная)"),
    Option("onec.bank_account", "", str, "банковский счёт организации в 1С (Ref_Key или точное имя)"),
    Option("onec.cash_desk", "", str, "касса в 1С (Ref_Key или точное имя)"),
    Option("onec.cashflow_item", "", str, "статья движения денежных средств в 1С (Ref_Key или точное имя)"),
    Option("sync.payment_master", "onec", _choice("onec", "crm", "none"), "куда отправлять оплаты: onec, crm или none"),
    Option("sync.interval_min", 15, _positive_int, "синхронизация в фоне каждые N минут"),
    Option("sync.status_map", "", _json_object_text,
           "карта статусов CRM (JSON: {\"in\": {код или группа: статус}, \"out\": {исход: код}})"),
)

OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("db.url", "", str, "URL базы данных; пусто — файл SQLite в каталоге данных", secret=True),
        Option("ui.lang", "ru", _choice("ru", "en"), "язык интерфейса (ru, en)"),
        Option("fiscal.protocol", "shtrih", _choice("shtrih"), "протокол ККТ"),
        Option("fiscal.url", "emulator", str, "порт ККТ: /dev/ttyACM0, COM3, socket://host:7778 или emulator"),
        Option("company.name", "ООО «ОмниТепло»", str, "наша организация (для актов сверки)"),
        Option("company.inn", "7712345671", _inn, "ИНН нашей организации (10 или 12 цифр)"),
        Option("company.kpp", "771201001", _kpp, "КПП нашей организации (9 цифр; у ИП пусто)"),
        Option("depot.address", "Москва, Варшавское ш., 125", str, "адрес своего склада"),
        Option("depot.lat", "55.6286", _decimal_text("-90", "90"), "широта склада"),
        Option("depot.lon", "37.6196", _decimal_text("-180", "180"), "долгота склада"),
        Option("routing.osrm_url", "", str, "адрес сервера OSRM (пусто — по прямой с коэффициентом)"),
        Option("routing.detour_factor", str(DEFAULT_DETOUR_FACTOR), _decimal_text("1", "10"),
               "коэффициент извилистости дорог"),
        Option("routing.speed_kmh", str(DEFAULT_SPEED_KMH), _decimal_text("0", "200", above_low=True),
               "средняя скорость, км/ч"),
        Option("routing.geocoder_url", "", str, "адрес геокодера, совместимого с Nominatim (пусто — не искать)"),
        Option("routing.tiles_url", "", str, "шаблон адреса тайлов карты {z}/{x}/{y} (пусто — карта без подложки)"),
        Option("user.name", "", _person_name,
               "ФИО кассира при работе без входа (SQLite); после входа кассир — вошедший пользователь"),
        Option("user.position", "Кассир", str, "должность кассира в чеке (тег 1021) при работе без входа"),
        Option("user.inn", "", str, "ИНН кассира (тег 1203) при работе без входа, 12 цифр; пусто — не печатать"),
        Option("fiscal.tax_system", "osn", _choice("osn", "usn_income", "usn_income_expense", "psn"),
               "система налогообложения (тег 1055): osn, usn_income, usn_income_expense, psn"),
        Option("cashier.max_payment", "5000000", _positive_decimal_text,
               "наибольшая сумма одного поступления, ₽ (больше — почти наверняка опечатка)"),
        Option("auth.without_sign_in", True, _parse_bool,
               "работать без входа (один неявный администратор) — только с SQLite на одном рабочем месте"),
        Option("auth.last_login", "", str, "последний вход: логин (пароль не хранится)"),
        Option("demo.enabled", False, _parse_bool, "демонстрационные данные"),
        *SYNC_OPTIONS,
    )
}


@dataclass(frozen=True)
class DepotSettings:
    """Our own warehouse, where routes start when the database has no depot with coordinates."""

    address: str
    lat: Decimal
    lon: Decimal


@dataclass(frozen=True)
class TravelSettings:
    osrm_url: str  # "" — great-circle distance × detour factor
    detour_factor: Decimal
    speed_kmh: Decimal


@dataclass(frozen=True)
class FiscalSettings:
    url: str  # /dev/ttyACM0, COM3, socket://host:port or "emulator"
    protocol: str


@dataclass(frozen=True)
class SyncSettings:
    crm_url: str
    crm_api_key: str
    crm_site: str
    crm_rate: Decimal
    onec_url: str
    onec_user: str
    onec_password: str
    onec_refs: dict[str, str]  # organization, bank_account, cash_desk, cashflow_item: Ref_Key or name
    payment_master: str
    interval_min: int
    status_map: dict[str, Any]

    def __repr__(self) -> str:  # the secrets never reach a log through a repr
        return f"SyncSettings(crm_url={self.crm_url!r}, onec_url={self.onec_url!r}, master={self.payment_master!r})"


class Settings:
    """Settings read from and written to one JSON file; unknown keys in the file are kept.

    Read them through the typed accessors (``depot()``, ``travel()``, ``fiscal()``…): nothing outside
    this module parses a setting's text.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.json"
        self._values: dict[str, Any] = {}
        self._secrets = SecretStore(self.path.parent)
        if self.path.exists():
            try:
                self._values = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise InvalidInput(f"файл настроек {self.path} повреждён: {exc}") from exc
            self._move_secrets_out()

    def _move_secrets_out(self) -> None:
        """A settings file written before secrets were kept apart: move them to the secret store."""
        found = {key: self._values.pop(key) for key in list(self._values) if key in OPTIONS and OPTIONS[key].secret}
        for key, value in found.items():
            self._secrets.set(key, str(value))
        if found or stat.S_IMODE(self.path.stat().st_mode) & 0o077:
            self.save()

    @property
    def secrets_where(self) -> str:
        return self._secrets.where

    def get(self, key: str) -> Any:
        """The value of ``key``; a value edited by hand in the file is checked as ``set`` would check it."""
        option = _option(key)
        if option.secret:
            value = self._secrets.get(key)
            return option.default if value is None else value
        if key not in self._values:
            return option.default
        value = self._values[key]
        try:
            return option.parse(value if isinstance(value, str) else json.dumps(value))
        except (ValueError, TypeError) as exc:
            raise InvalidInput(f"файл настроек {self.path}: у «{key}» недопустимое значение {json.dumps(value, ensure_ascii=False)}"
                               f" ({exc}) — исправьте или удалите эту строку") from exc

    def check(self) -> None:
        """Every known setting in the file is valid (else InvalidInput naming the key and the file).
        Secrets are not in the file (the secret store keeps them as given to ``set``)."""
        for key, option in OPTIONS.items():
            if not option.secret:
                self.get(key)

    def shown(self, key: str) -> str:
        """The value as it may be printed or shown: secrets masked."""
        return shown_value(key, self.get(key))

    def set(self, key: str, text: str) -> Any:
        return self.update({key: text})[key]

    def update(self, texts: dict[str, str]) -> dict[str, Any]:
        """Check every value first, then save them all at once (or none)."""
        parsed = self.parse(texts)
        for key, value in parsed.items():
            if OPTIONS[key].secret:
                self._secrets.set(key, str(value))
            else:
                self._values[key] = value
        self.save()
        return parsed

    @staticmethod
    def parse(texts: dict[str, str]) -> dict[str, Any]:
        """Every value checked and parsed (InvalidInput for the first bad one); nothing saved."""
        return {key: _parse(key, text) for key, text in texts.items()}

    def save(self) -> None:
        write_private(self.path, json.dumps(self._values, ensure_ascii=False, indent=2))

    def items(self) -> list[tuple[str, Any]]:
        return [(key, self.get(key)) for key in OPTIONS]

    # --- typed accessors ------------------------------------------------------------------------
    def depot(self) -> DepotSettings:
        return DepotSettings(self.get("depot.address"), Decimal(str(self.get("depot.lat"))),
                             Decimal(str(self.get("depot.lon"))))

    def travel(self) -> TravelSettings:
        return TravelSettings(self.get("routing.osrm_url") or "", Decimal(str(self.get("routing.detour_factor"))),
                              Decimal(str(self.get("routing.speed_kmh"))))

    def fiscal(self) -> FiscalSettings:
        return FiscalSettings(self.get("fiscal.url") or "emulator", self.get("fiscal.protocol"))

    def sync(self) -> SyncSettings:
        text = self.get("sync.status_map") or ""
        return SyncSettings(
            self.get("crm.url") or "", self.get("crm.api_key") or "", self.get("crm.site") or "",
            Decimal(str(self.get("crm.rate"))), self.get("onec.url") or "", self.get("onec.user") or "",
            self.get("onec.password") or "",
            {name: self.get(f"onec.{name}") or "" for name in ("organization", "bank_account", "cash_desk",
                                                                "cashflow_item")},
            self.get("sync.payment_master"), int(self.get("sync.interval_min")), json.loads(text) if text else {})

    def geocoder_url(self) -> str:
        return self.get("routing.geocoder_url") or ""

    def tiles_url(self) -> str:
        return self.get("routing.tiles_url") or ""

    def lang(self) -> str:
        return self.get("ui.lang")

    def max_payment(self) -> int:
        """The largest single payment the cashier may register, in kopecks."""
        return int(Decimal(str(self.get("cashier.max_payment"))) * 100)

    def user_name(self) -> str:
        return self.get("user.name") or ""

    def without_sign_in(self) -> bool:
        return bool(self.get("auth.without_sign_in"))

    def last_login(self) -> str:
        return self.get("auth.last_login") or ""

    def user_position(self) -> str:
        return self.get("user.position") or ""

    def user_inn(self) -> str | None:
        return self.get("user.inn") or None

    def tax_system(self) -> str:
        return self.get("fiscal.tax_system")

    def db_url(self, override: str | None = None) -> str:
        return override or os.environ.get("OMNIDESK_DB") or self.get("db.url") or default_db_url()


MASK = "••••••"


def shown_value(key: str, value: Any) -> Any:
    """A value fit for a screen, a log or an export: a secret URL keeps all but its password, other secrets
    are masked whole."""
    option = OPTIONS.get(key)
    if option is None or not option.secret or not value:
        return value
    text = str(value)
    if "://" in text:
        return mask_url(text)
    return MASK


def mask_url(text: str) -> str:
    """``scheme://user:password@host/db`` → ``scheme://user:••••••@host/db`` (anything else unchanged)."""
    scheme, sep, rest = text.partition("://")
    netloc, slash, path = rest.partition("/")
    if not sep or "@" not in netloc:
        return text
    userinfo, host = netloc.rsplit("@", 1)
    if ":" not in userinfo:
        return text
    return f"{scheme}://{userinfo.split(':', 1)[0]}:{MASK}@{host}{slash}{path}"


def _parse(key: str, text: str) -> Any:
    try:
        return _option(key).parse(text)
    except ValueError as exc:
        raise InvalidInput(f"недопустимое значение для {key}: «{text}» ({exc})") from exc


def _option(key: str) -> Option:
    try:
        return OPTIONS[key]
    except KeyError:
        raise InvalidInput(f"нет такой настройки: {key} (есть: {', '.join(OPTIONS)})") from None
