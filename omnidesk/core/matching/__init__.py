"""Explainable matching of incoming bank transfers to open orders (pure standard library).

Inputs: :class:`BankLine`, :class:`KnownCustomer`, :class:`OpenOrder`. Output per line: a
:class:`MatchResult` — booked automatically (ALLOCATED / ADVANCE) only when certain, otherwise
REVIEW with ranked :class:`Proposal` suggestions; every decision carries its reasons in Russian.
"""

from .engine import Matcher
from .model import (
    Allocation,
    BankLine,
    CustomerId,
    KnownCustomer,
    MatchResult,
    MatchStatus,
    OpenOrder,
    Proposal,
)
from .purpose import PurposeFacts, read_purpose

__all__ = [
    "Allocation",
    "BankLine",
    "CustomerId",
    "KnownCustomer",
    "MatchResult",
    "MatchStatus",
    "Matcher",
    "OpenOrder",
    "Proposal",
    "PurposeFacts",
    "read_purpose",
]
