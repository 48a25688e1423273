"""Excel documents (openpyxl) from report objects: the reconciliation act and two registers.

The writers take the frozen objects of :mod:`.model` only (``omnidesk.services.reports`` builds
them from the database). Text from outside (names, purposes) is always text, never a formula.
"""

from __future__ import annotations

import importlib
from typing import Any

from .model import (
    ActRow,
    Party,
    PaymentRow,
    PaymentsRegister,
    ReconciliationAct,
    UnmatchedRow,
    UnmatchedTransfers,
)

# the writers need openpyxl (and through it NumPy): loaded on first use, not by every command that
# imports the report objects
_LAZY = {"write_act": ".act", "FORMULA_STARTS": ".cells", "MONEY": ".cells", "write_payments": ".registers",
         "write_unmatched": ".registers"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module, __name__), name)

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
