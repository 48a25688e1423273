"""Matching incoming transfers to open orders: build the indexes once, then match line by line.

    matcher = Matcher(customers, open_orders)
    results = matcher.match_all(lines)

Automatic results lower the dues of the orders they pay, so a later line of the same run does
not pay an order twice. The inputs are never changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from .context import read_line
from .decide import decide
from .index import CustomerIndex, OrderBook
from .model import BankLine, KnownCustomer, MatchResult, MatchStatus, OpenOrder, Proposal
from .payer import Strength, words_looked_up
from .suggest import suggest
from .text import digits_only


class Matcher:
    def __init__(self, customers: Iterable[KnownCustomer], orders: Iterable[OpenOrder], suppliers: Iterable[str] = (),
                 lines: Iterable[BankLine] | None = None) -> None:
        """``suppliers``: INNs and accounts of those we pay (money from them is never a customer's payment).
        ``lines``: when the lines to match are known up front, only the names they can reach are indexed
        (the same results, a fraction of the time and memory for a big customer base); then only these
        lines may be matched."""
        self.customers = CustomerIndex(customers, None if lines is None else words_looked_up(lines))
        self.book = OrderBook(orders)
        self.suppliers = frozenset(digits_only(s) for s in suppliers if digits_only(s))

    def due(self, order_number: str) -> int:
        """What the order still owes after the lines matched so far."""
        return self.book.due[order_number]

    def match(self, line: BankLine) -> MatchResult:
        ctx = read_line(line, self.customers, self.book)
        verdict = decide(ctx, self.book, self.suppliers)
        if verdict.proposal is None:
            not_a_customer = ctx.facts.refund or bool({digits_only(line.payer_inn), digits_only(line.payer_account)} & self.suppliers)
            suggestions = () if not_a_customer else suggest(ctx, self.customers, self.book)
            return MatchResult(line.line_id, MatchStatus.REVIEW, None, suggestions, verdict.why_not)
        proposal = verdict.proposal
        for allocation in proposal.allocations:
            self.book.pay(allocation.order_number, allocation.amount)
        status = MatchStatus.ALLOCATED if proposal.allocations else MatchStatus.ADVANCE
        remember = self._account_to_remember(line, proposal, ctx.identity.transit, ctx.identity.strength)
        return MatchResult(line.line_id, status, proposal, (), proposal.reasons, remember)

    def match_all(self, lines: Iterable[BankLine]) -> list[MatchResult]:
        return [self.match(line) for line in lines]

    def _account_to_remember(self, line: BankLine, proposal: Proposal, transit: bool, strength: Strength) -> str:
        if transit or strength < Strength.MEDIUM or not line.payer_account:
            return ""
        if proposal.customer_id in self.customers.account_owner(line.payer_account):
            return ""
        return digits_only(line.payer_account)
