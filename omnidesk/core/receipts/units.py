"""Units of quantity (FFD 1.2 tag 2108) by the names order lines carry.

The FFD 1.2 table: шт 0, г 10, кг 11, т 12, см 20, дм 21, м 22, кв. см 30, кв. дм 31, кв. м 32,
мл 40, л 41, куб. м 42, кВт·ч 50, Гкал 51, сутки 70, ч 71, мин 72, с 73. Counted things sold as a
set, pack or pair are "шт. или ед." (0). A unit not in the table is refused before printing.
"""

from __future__ import annotations

from .errors import ReceiptPlanError

_CODES: dict[str, int] = {
    "шт": 0, "ед": 0, "компл": 0, "комплект": 0, "упак": 0, "уп": 0, "пар": 0, "пара": 0, "рул": 0, "набор": 0,
    "г": 10, "кг": 11, "т": 12, "см": 20, "дм": 21, "м": 22, "пог.м": 22, "п.м": 22,
    "кв.см": 30, "см2": 30, "кв.дм": 31, "дм2": 31, "кв.м": 32, "м2": 32,
    "мл": 40, "л": 41, "куб.м": 42, "м3": 42, "квт·ч": 50, "квтч": 50, "гкал": 51,
    "сут": 70, "сутки": 70, "ч": 71, "час": 71, "мин": 72, "с": 73, "сек": 73,
}


def _key(unit: str) -> str:
    return "".join(str(unit).lower().replace("²", "2").replace("³", "3").split()).rstrip(".")


def measure_code(unit: str) -> int:
    """Tag 2108 for a unit name («м» → 22, «кв. м» → 32, «шт» → 0)."""
    code = _CODES.get(_key(unit))
    if code is None:
        raise ReceiptPlanError(f"единица измерения «{unit}» не из таблицы ФФД 1.2 (шт, кг, м, кв. м, л …)")
    return code


_NAMES = {0: "шт", 10: "г", 11: "кг", 12: "т", 20: "см", 21: "дм", 22: "м", 30: "кв. см", 31: "кв. дм", 32: "кв. м",
          40: "мл", 41: "л", 42: "куб. м", 50: "кВт·ч", 51: "Гкал", 70: "сутки", 71: "ч", 72: "мин", 73: "с"}


def unit_name(code: int) -> str:
    """The unit name for a 2108 code read back from the FN («шт» for unknown codes)."""
    return _NAMES.get(code, "шт")
