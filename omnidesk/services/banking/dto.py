"""What the bank services hand to the UI and the CLI: frozen objects, money in kopecks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from omnidesk.core.enums import BankLineStatus


@dataclass(frozen=True, slots=True)
class SuggestedAllocation:
    order_number: str
    amount: int
    closes_order: bool


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One ranked way to book a line, with the reasons matching gave for it."""

    customer_id: int | None
    customer_name: str
    allocations: tuple[SuggestedAllocation, ...]
    advance: int
    reasons: tuple[str, ...]
    score: int

    @property
    def explanation(self) -> str:
        return ", ".join(self.reasons)


@dataclass(frozen=True, slots=True)
class LineView:
    """One document of a statement and what became of it."""

    id: int | None  # None for a duplicate (it is stored under the earlier statement)
    document_key: str
    statement_id: int | None
    date: dt.date
    number: str
    amount: int
    payer_name: str
    payer_inn: str
    payer_account: str
    purpose: str
    status: BankLineStatus
    explanation: str
    customer_id: int | None
    customer_name: str
    payment_id: int | None
    allocated: tuple[tuple[str, int], ...] = ()  # (order number, amount) booked by this line
    advance: int = 0  # money of this line left on the customer's advance
    receipts_owed: int = 0  # receipts this line made owed (individuals' transfers)
    suggestions: tuple[Suggestion, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportProgress:
    stage: str  # "parse", "match", "book"
    done: int
    total: int


@dataclass(frozen=True, slots=True)
class ImportResult:
    file_name: str
    statement_id: int | None  # None when nothing in the file was new
    documents: int
    imported: int
    duplicates: int
    outgoing_skipped: int
    lines: tuple[LineView, ...]
    warnings: tuple[str, ...] = ()

    def count(self, status: BankLineStatus) -> int:
        return sum(1 for line in self.lines if line.status is status)

    @property
    def summary(self) -> str:
        return (f"документов {self.documents}: новых {self.imported}, повторов {self.duplicates}, "
                f"исходящих пропущено {self.outgoing_skipped}; разнесено {self.count(BankLineStatus.ALLOCATED)}, "
                f"в аванс {self.count(BankLineStatus.ADVANCE)}, на разбор {self.count(BankLineStatus.REVIEW)}")


@dataclass(frozen=True, slots=True)
class StatementView:
    id: int
    file_name: str
    accounts: str
    date_from: dt.date | None
    date_to: dt.date | None
    imported_at: dt.datetime
    imported_by: str
    documents: int
    imported: int
    duplicates: int
    outgoing_skipped: int
    incoming: int
    outgoing: int
