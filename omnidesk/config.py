"""Typed settings, each declared once, kept in ``settings.json`` in the user's config directory.

``OMNIDESK_CONFIG_DIR`` and ``OMNIDESK_DATA_DIR`` move the two directories (tests, portable set-ups).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import platformdirs

from omnidesk.core.enums import Role
from omnidesk.core.errors import InvalidInput
from omnidesk.core.routing.travel import DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH

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


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    parse: Callable[[str], Any]
    help: str


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("db.url", "", str, "URL базы данных; пусто — файл SQLite в каталоге данных"),
        Option("ui.lang", "ru", _choice("ru", "en"), "язык интерфейса (ru, en)"),
        Option("fiscal.protocol", "shtrih", _choice("shtrih"), "протокол ККТ"),
        Option("fiscal.url", "emulator", str, "порт ККТ: /dev/ttyACM0, COM3, socket://host:7778 или emulator"),
        Option("company.name", "ООО «ОмниТепло»", str, "наша организация (для актов сверки)"),
        Option("company.inn", "7712345678", str, "ИНН нашей организации"),
        Option("company.kpp", "771201001", str, "КПП нашей организации"),
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
        Option("user.name", "", str, "имя пользователя для журнала изменений и чеков (кассир)"),
        Option("user.role", "admin", _choice("logist", "cashier", "manager", "admin"), "роль пользователя"),
        Option("demo.enabled", False, _parse_bool, "демонстрационные данные"),
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


class Settings:
    """Settings read from and written to one JSON file; unknown keys in the file are kept.

    Read them through the typed accessors (``depot()``, ``travel()``, ``fiscal()``…): nothing outside
    this module parses a setting's text.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.json"
        self._values: dict[str, Any] = {}
        if self.path.exists():
            try:
                self._values = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise InvalidInput(f"файл настроек {self.path} повреждён: {exc}") from exc

    def get(self, key: str) -> Any:
        """The value of ``key``; a value edited by hand in the file is checked as ``set`` would check it."""
        option = _option(key)
        if key not in self._values:
            return option.default
        value = self._values[key]
        try:
            return option.parse(value if isinstance(value, str) else json.dumps(value))
        except (ValueError, TypeError) as exc:
            raise InvalidInput(f"файл настроек {self.path}: у «{key}» недопустимое значение {json.dumps(value, ensure_ascii=False)}"
                               f" ({exc}) — исправьте или удалите эту строку") from exc

    def check(self) -> None:
        """Every known setting in the file is valid (else InvalidInput naming the key and the file)."""
        for key in OPTIONS:
            self.get(key)

    def set(self, key: str, text: str) -> Any:
        return self.update({key: text})[key]

    def update(self, texts: dict[str, str]) -> dict[str, Any]:
        """Check every value first, then save them all at once (or none)."""
        parsed = {key: _parse(key, text) for key, text in texts.items()}
        self._values.update(parsed)
        self.save()
        return parsed

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._values, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(self.path)

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

    def geocoder_url(self) -> str:
        return self.get("routing.geocoder_url") or ""

    def tiles_url(self) -> str:
        return self.get("routing.tiles_url") or ""

    def lang(self) -> str:
        return self.get("ui.lang")

    def user_name(self) -> str:
        return self.get("user.name") or ""

    def user_role(self) -> Role:
        return Role(self.get("user.role"))

    def db_url(self, override: str | None = None) -> str:
        return override or os.environ.get("OMNIDESK_DB") or self.get("db.url") or default_db_url()


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
