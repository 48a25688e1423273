"""Tax system (tag 1055) and the VAT rates (1199) each allows in 2026.

ОСН: 22 %, 10 %, 0 %, their calculated rates 22/122 and 10/110, and «без НДС» for exempt goods.
УСН (доход, доход − расход): «без НДС» below the threshold, or the reduced 5 % / 7 % with 5/105 and
7/107 on prepayments (1199 = 7–10), or the general rates when the seller chose them.
ПСН: «без НДС» only.
"""

from __future__ import annotations

import enum

from ..vat import VatRate
from .errors import ReceiptPlanError
from .model import ReceiptPlan


class TaxSystem(enum.Enum):
    """The value is what settings store; ``code`` is tag 1055 (one bit)."""

    OSN = "osn"
    USN_INCOME = "usn_income"
    USN_INCOME_EXPENSE = "usn_income_expense"
    PSN = "psn"

    @property
    def code(self) -> int:
        return _CODES[self]

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def rates(self) -> frozenset[VatRate]:
        return _RATES[self]


_CODES = {TaxSystem.OSN: 0x01, TaxSystem.USN_INCOME: 0x02, TaxSystem.USN_INCOME_EXPENSE: 0x04, TaxSystem.PSN: 0x20}
_LABELS = {
    TaxSystem.OSN: "ОСН", TaxSystem.USN_INCOME: "УСН доход", TaxSystem.USN_INCOME_EXPENSE: "УСН доход − расход",
    TaxSystem.PSN: "ПСН",
}
_GENERAL = frozenset({VatRate.VAT22, VatRate.VAT10, VatRate.VAT0, VatRate.VAT22_122, VatRate.VAT10_110, VatRate.NONE})
_USN = _GENERAL | {VatRate.VAT5, VatRate.VAT7, VatRate.VAT5_105, VatRate.VAT7_107}
_RATES = {
    TaxSystem.OSN: _GENERAL, TaxSystem.USN_INCOME: _USN, TaxSystem.USN_INCOME_EXPENSE: _USN,
    TaxSystem.PSN: frozenset({VatRate.NONE}),
}


def check_tax_system(plan: ReceiptPlan, system: TaxSystem) -> None:
    """Refuse, before printing, a receipt whose VAT rates the tax system does not allow."""
    for line in plan.lines:
        if line.vat not in system.rates:
            allowed = ", ".join(sorted(rate.label for rate in system.rates))
            raise ReceiptPlanError(
                f"«{line.name}»: ставка НДС {line.vat.label} не применяется при {system.label} (допустимы: {allowed})"
            )
