"""FF46 tax-rate byte for each FFD 1199 rate, by firmware family.

Rates 1–6 are Shtrih table 6 rows 1–6, sent as the bitmask ``1 << (row − 1)``. The bytes
for 1199 = 7…12 (5 %, 7 %, 5/105, 7/107, 22 %, 22/122) changed in the 2025–26 firmware
and differ between families (reference/fiscal.md §1.5, confidence M/L) — read table 6 of
the actual device and pick the family, or pass your own mapping:

``classic``   JavaPOS ``getVatCodeShtrih``: 0x81 0x82 0x84 0x88, 22 % = 0xCB, 22/122 = 0xCC
``nano``      JavaPOS ``…Nano``: 22 % = 0x90, 22/122 = 0xA0 (7/107 stays 0x88)
``vattable``  JavaPOS ``Doc/VatTable.txt``: as classic but 7/107 = 0x90
``row1_22``   T17P71 = 1: from 2026-01-01 row 1 *is* 22 % (byte 0x01), 20 % is no longer sent

Usage: ``open_register(url, vat_family="nano")`` or ``vat_bytes={11: 0x90, …}`` to override.
"""

from __future__ import annotations

from ..ffd import VatRate

_BASE: dict[int, int] = {
    VatRate.VAT20: 0x01, VatRate.VAT10: 0x02, VatRate.VAT0: 0x04, VatRate.NO_VAT: 0x08,
    VatRate.VAT20_120: 0x10, VatRate.VAT10_110: 0x20,
}
_NEW: dict[int, int] = {VatRate.VAT5: 0x81, VatRate.VAT7: 0x82, VatRate.VAT5_105: 0x84, VatRate.VAT7_107: 0x88}

VAT_FAMILIES: dict[str, dict[int, int]] = {
    "classic": {**_BASE, **_NEW, VatRate.VAT22: 0xCB, VatRate.VAT22_122: 0xCC},
    "nano": {**_BASE, **_NEW, VatRate.VAT22: 0x90, VatRate.VAT22_122: 0xA0},
    "vattable": {**_BASE, **_NEW, VatRate.VAT7_107: 0x90, VatRate.VAT22: 0xCB, VatRate.VAT22_122: 0xCC},
    "row1_22": {
        **{k: v for k, v in _BASE.items() if k != VatRate.VAT20}, **_NEW,
        VatRate.VAT22: 0x01, VatRate.VAT22_122: 0xCC,
    },
}
DEFAULT_FAMILY = "classic"


def vat_table(family: str = DEFAULT_FAMILY, overrides: dict[int, int] | None = None) -> dict[int, int]:
    """1199 rate → FF46 byte for a firmware family, with optional overrides."""
    try:
        table = dict(VAT_FAMILIES[family])
    except KeyError:
        raise ValueError(f"unknown VAT family {family!r}; known: {', '.join(VAT_FAMILIES)}") from None
    table.update(overrides or {})
    if len(set(table.values())) != len(table):
        raise ValueError("two VAT rates map to the same byte")
    return table
