"""Excel documents (openpyxl) from report objects: the reconciliation act and two registers.

The writers take the frozen objects of :mod:`.model` only (``omnidesk.services.reports`` builds
them from the database). Text from outside (names, purposes) is always text, never a formula.
"""

from .act import write_act
from .cells import FORMULA_STARTS, MONEY
from .model import (
    ActRow,
    Party,
    PaymentRow,
    PaymentsRegister,
    ReconciliationAct,
    UnmatchedRow,
    UnmatchedTransfers,
)
from .registers import write_payments, write_unmatched

__all__ = [
    "FORMULA_STARTS",
    "MONEY",
    "ActRow",
    "Party",
    "PaymentRow",
    "PaymentsRegister",
    "ReconciliationAct",
    "UnmatchedRow",
    "UnmatchedTransfers",
    "write_act",
    "write_payments",
    "write_unmatched",
]
