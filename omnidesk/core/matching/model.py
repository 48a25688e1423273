"""Inputs and outputs of bank matching: plain frozen dataclasses, money in kopecks."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from omnidesk.core.enums import CustomerKind

CustomerId = str | int


@dataclass(frozen=True, slots=True)
class BankLine:
    """One incoming transfer as the bank reported it."""

    line_id: str
    amount: int
    date: dt.date
    payer_name: str = ""
    payer_inn: str = ""
    payer_kpp: str = ""
    payer_account: str = ""
    purpose: str = ""


@dataclass(frozen=True, slots=True)
class KnownCustomer:
    """A customer as matching needs it: who they are and how they have paid before."""

    id: CustomerId
    kind: CustomerKind
    name: str
    inn: str = ""
    kpp: str = ""
    phones: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    payer_accounts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OpenOrder:
    """An order that still expects money: ``due`` is what is left to pay of ``total``."""

    number: str
    customer_id: CustomerId
    date: dt.date
    due: int
    total: int


class MatchStatus(enum.Enum):
    ALLOCATED = "allocated"  # applied automatically to orders (maybe with an advance remainder)
    ADVANCE = "advance"  # applied automatically, all of it an advance of a certain customer
    REVIEW = "review"  # not certain: a person decides, helped by the suggestions


@dataclass(frozen=True, slots=True)
class Allocation:
    order_number: str
    amount: int
    closes_order: bool  # False: a partial payment, the order still owes money


@dataclass(frozen=True, slots=True)
class Proposal:
    """One way to apply a line: to orders, the rest as an advance, with the reasons in Russian."""

    customer_id: CustomerId | None
    allocations: tuple[Allocation, ...]
    advance: int
    reasons: tuple[str, ...]
    score: int = 0

    @property
    def explanation(self) -> str:
        return ", ".join(self.reasons)


@dataclass(frozen=True, slots=True)
class MatchResult:
    """What matching decided for one line.

    For ALLOCATED and ADVANCE, ``applied`` is the proposal to book. For REVIEW, ``applied`` is
    None and ``suggestions`` are ranked best first. ``remember_account`` is a payer account to
    store on the customer after booking (it identified nobody before).
    """

    line_id: str
    status: MatchStatus
    applied: Proposal | None
    suggestions: tuple[Proposal, ...]
    reasons: tuple[str, ...]
    remember_account: str = ""

    @property
    def automatic(self) -> bool:
        return self.status is not MatchStatus.REVIEW

    @property
    def customer_id(self) -> CustomerId | None:
        return self.applied.customer_id if self.applied else None

    @property
    def explanation(self) -> str:
        return ", ".join(self.reasons)
