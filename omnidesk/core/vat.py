"""VAT rates of 2026 and their FFD 1.2 codes (tag 1199).

From 1 January 2026 the standard rate is 22 % (code 11) and the calculated rate for
prepayments is 22/122 (code 12). Amounts are kopecks; VAT is rounded half up per line.
"""

from __future__ import annotations

import enum

from .errors import InvalidInput


class VatRate(enum.Enum):
    """A VAT rate: value is the name stored in the database."""

    VAT22 = "22"
    VAT10 = "10"
    VAT5 = "5"
    VAT7 = "7"
    VAT0 = "0"
    NONE = "none"
    VAT22_122 = "22/122"
    VAT10_110 = "10/110"
    VAT5_105 = "5/105"
    VAT7_107 = "7/107"

    @property
    def ffd_code(self) -> int:
        """The value of FFD tag 1199."""
        return _FFD_CODES[self]

    @property
    def label(self) -> str:
        """How a receipt and the UI show the rate."""
        if self is VatRate.NONE:
            return "без НДС"
        return f"{self.value} %" if "/" not in self.value else self.value

    @property
    def percent(self) -> int:
        """The rate in whole percent (0 for «без НДС»)."""
        if self is VatRate.NONE:
            return 0
        return int(self.value.split("/")[0])

    @property
    def is_calculated(self) -> bool:
        """Calculated rates (22/122…) are used on prepayment and advance receipts."""
        return "/" in self.value

    def calculated(self) -> VatRate:
        """The calculated counterpart of a rate, as prepayment receipts need it."""
        return _CALCULATED.get(self, self)

    def vat_in(self, gross_kopecks: int) -> int:
        """The VAT contained in a gross (VAT-inclusive) amount, rounded half up."""
        pct = self.percent
        if pct == 0:
            return 0
        numerator = gross_kopecks * pct
        denominator = 100 + pct
        return (2 * numerator + denominator) // (2 * denominator)

    @classmethod
    def parse(cls, text: str) -> VatRate:
        """Read a rate written as ``22``, ``22%``, ``22/122`` or ``без НДС``."""
        cleaned = str(text).strip().lower().replace("%", "").replace(" ", "")
        if cleaned in ("none", "безндс", "ндсне облагается", "необлагается", "-"):
            return cls.NONE
        for rate in cls:
            if rate.value == cleaned:
                return rate
        raise InvalidInput(f"неизвестная ставка НДС: «{text}»")


_FFD_CODES = {
    VatRate.VAT10: 2,
    VatRate.VAT10_110: 4,
    VatRate.VAT0: 5,
    VatRate.NONE: 6,
    VatRate.VAT5: 7,
    VatRate.VAT7: 8,
    VatRate.VAT5_105: 9,
    VatRate.VAT7_107: 10,
    VatRate.VAT22: 11,
    VatRate.VAT22_122: 12,
}

_CALCULATED = {
    VatRate.VAT22: VatRate.VAT22_122,
    VatRate.VAT10: VatRate.VAT10_110,
    VatRate.VAT5: VatRate.VAT5_105,
    VatRate.VAT7: VatRate.VAT7_107,
}
