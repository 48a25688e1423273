"""Bank lines in the database: proposals as JSON, views, booking a line's payment, payer accounts."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session

from omnidesk.core.matching import Proposal
from omnidesk.core.matching.text import digits_only, is_transit_account
from omnidesk.persistence.db import among, column_rows
from omnidesk.persistence.models import Allocation, BankLine, BankLineStatus, Order, PayerAccount, Payment

from ..ledger.rows import insert_rows
from .dto import LineView, SuggestedAllocation, Suggestion
from .inputs import customer_names


def proposals_json(proposals: Iterable[Proposal]) -> str:
    return json.dumps([
        {"customer_id": p.customer_id, "advance": p.advance, "reasons": list(p.reasons), "score": p.score,
         "allocations": [[a.order_number, a.amount, a.closes_order] for a in p.allocations]}
        for p in proposals
    ], ensure_ascii=False)


def suggestions_of(text: str, names: dict[int, str]) -> tuple[Suggestion, ...]:
    out = []
    for item in json.loads(text or "[]"):
        customer_id = item.get("customer_id")
        out.append(Suggestion(
            customer_id=customer_id, customer_name=names.get(customer_id, "") if customer_id is not None else "",
            allocations=tuple(SuggestedAllocation(n, int(a), bool(c)) for n, a, c in item.get("allocations", [])),
            advance=int(item.get("advance", 0)), reasons=tuple(item.get("reasons", ())), score=int(item.get("score", 0)),
        ))
    return tuple(out)


def suggestion_customers(text: str) -> set[int]:
    return {item["customer_id"] for item in json.loads(text or "[]") if item.get("customer_id") is not None}


def booked_by_order(session: Session, payment_ids: Iterable[int]) -> dict[int, list[tuple[str, int]]]:
    """Net money each payment holds in each order: (order number, amount), reversals subtracted."""
    ids = list({i for i in payment_ids if i is not None})
    out: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        _collect_booked(session, out, among(Allocation.payment_id, ids[start:start + 500]))
    return out


def booked_in_statement(session: Session, statement_id: int) -> dict[int, list[tuple[str, int]]]:
    """:func:`booked_by_order` for the payments of one statement's lines, in one query."""
    out: dict[int, list[tuple[str, int]]] = defaultdict(list)
    lines = select(BankLine.payment_id).where(BankLine.statement_id == statement_id, BankLine.payment_id.is_not(None))
    _collect_booked(session, out, Allocation.payment_id.in_(lines.scalar_subquery()))
    return out


def _collect_booked(session: Session, out: dict[int, list[tuple[str, int]]], where) -> None:
    query = (
        select(Allocation.payment_id, Order.number, func.sum(Allocation.amount))
        .join(Order, Order.id == Allocation.order_id)
        .where(where)
        .group_by(Allocation.payment_id, Order.number)
        .order_by(Allocation.payment_id, Order.number)
    )
    for payment_id, number, amount in column_rows(session, query):
        if int(amount):
            out[payment_id].append((number, int(amount)))


# what a view reads of a line: select these and pass the rows to views() instead of BankLine objects
# (the suggestions only of the lines to review: a view shows no others, and a statement has thousands)
LINE_COLUMNS = (BankLine.id, BankLine.document_key, BankLine.statement_id, BankLine.doc_date, BankLine.number,
                BankLine.amount, BankLine.payer_name, BankLine.payer_inn, BankLine.payer_account, BankLine.purpose,
                BankLine.status, BankLine.explanation, BankLine.customer_id, BankLine.payment_id,
                case((BankLine.status == BankLineStatus.REVIEW, BankLine.suggestions), else_=literal("[]")).label("suggestions"))


def views(session: Session, lines: Sequence, *, with_suggestions: bool = False,
          booked: dict[int, list[tuple[str, int]]] | None = None, receipts: Mapping[int, int] | None = None) -> list[LineView]:
    """Lines (BankLine objects or rows of LINE_COLUMNS) as the pages and commands show them.

    ``booked`` is what :func:`booked_in_statement` says when the caller has it; ``receipts`` the
    receipts each line's booking made owed, by line id."""
    ids: set[int | None] = {line.customer_id for line in lines}
    if with_suggestions:  # suggestions are shown for the lines to review only
        for line in lines:
            if line.status is BankLineStatus.REVIEW:
                ids |= suggestion_customers(line.suggestions)
    names = customer_names(session, ids)
    if booked is None:
        booked = booked_by_order(session, [line.payment_id for line in lines])
    receipts = receipts or {}
    out = []
    for line in lines:
        allocated = tuple(booked.get(line.payment_id, ())) if line.payment_id else ()
        advance = line.amount - sum(a for _n, a in allocated) if line.payment_id else 0
        out.append(LineView(
            id=line.id, document_key=line.document_key, statement_id=line.statement_id, date=line.doc_date,
            number=line.number, amount=line.amount, payer_name=line.payer_name, payer_inn=line.payer_inn,
            payer_account=line.payer_account, purpose=line.purpose, status=line.status, explanation=line.explanation,
            customer_id=line.customer_id, customer_name=names.get(line.customer_id, "") if line.customer_id else "",
            payment_id=line.payment_id, allocated=allocated, advance=advance,
            suggestions=suggestions_of(line.suggestions, names) if with_suggestions and line.status is BankLineStatus.REVIEW else (),
            receipts_owed=receipts.get(line.id, 0),
        ))
    return out


def remember_account(session: Session, customer_id: int, account: str, line_id: int | None, user: str) -> bool:
    """Store a payer account on the customer (not a bank's transit account); True if it is new."""
    return remember_accounts(session, [(customer_id, account, line_id)], user) == 1


def remember_accounts(session: Session, items: Sequence[tuple[int, str, int | None]], user: str) -> int:
    """:func:`remember_account` for many (customer, account, line) at once; return how many are new."""
    wanted: dict[tuple[int, str], int | None] = {}
    for customer_id, account, line_id in items:
        digits = digits_only(account)
        if len(digits) == 20 and not is_transit_account(digits):
            wanted.setdefault((customer_id, digits), line_id)
    if not wanted:
        return 0
    accounts = sorted({a for _c, a in wanted})
    known: set[tuple[int, str]] = set()
    for start in range(0, len(accounts), 500):
        query = select(PayerAccount.customer_id, PayerAccount.account).where(among(PayerAccount.account, accounts[start:start + 500]))
        known.update((c, a) for c, a in column_rows(session, query))
    new = [{"customer_id": c, "account": a, "first_line_id": line_id, "created_by": user}
           for (c, a), line_id in wanted.items() if (c, a) not in known]
    if new:  # one executemany, not an ORM object each (an import remembers thousands)
        insert_rows(session, PayerAccount.__table__, new)
    return len(new)


def link_payment(session: Session, line: BankLine, payment_id: int) -> None:
    """Tie a booked line to its payment (which carries the bank's payer details)."""
    payment = session.get(Payment, payment_id)
    line.payment_id = payment_id
    line.customer_id = payment.customer_id
