"""Booking a bank line: the line and the payment it books commit in one unit of work.

Automatic bookings of an import go in batches, one unit of work per batch. If one line of a batch
cannot be booked (an order closed meanwhile, another workstation booked the document first), the
batch rolls back and its lines are booked one unit of work each: the failing one goes to the review
queue with the reason in Russian, the others are booked. A manual booking raises the typed error
(InvalidInput, Conflict, NotFound) and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import exc as sa_exc
from sqlalchemy import select
from sqlalchemy.orm import Session

from omnidesk.core.enums import PaymentKind
from omnidesk.core.errors import NotFound, OmniDeskError
from omnidesk.persistence.models import BankLine, BankLineStatus, Customer, Payment

from ..auth import Actor
from ..ledger import AllocationRequest, LedgerResult, PaymentRequest, record_payment, record_payments
from ..uow import Database
from .store import link_payment, remember_account, remember_accounts

BATCH = 250


@dataclass(frozen=True)
class Job:
    """One line to book: to whom, how, and a payer account to remember afterwards."""

    line_id: int
    customer_id: int
    allocations: tuple[AllocationRequest, ...]
    remember: str = ""


@dataclass(frozen=True)
class Booked:
    status: BankLineStatus
    receipts: int = 0  # receipts the booking made owed
    error: str = ""  # why an automatic line went to review instead


def book_in(session: Session, actor: Actor, line: BankLine, job: Job) -> LedgerResult | None:
    """Register the line's payment (once: ``source_key`` is the document key) and tie the line to it."""
    payment_id = session.scalar(select(Payment.id).where(Payment.source_key == line.document_key))
    ledger = None
    if payment_id is None:
        buyer = session.get(Customer, job.customer_id)
        if buyer is None:
            raise NotFound(f"покупатель {job.customer_id} не найден")
        payer_account = _account(line)
        ledger = record_payment(
            session, actor, buyer, kind=PaymentKind.TRANSFER, amount=line.amount, allocations=job.allocations,
            received_at=dt.datetime.combine(line.doc_date, dt.time()), payer_name=line.payer_name,
            payer_inn=line.payer_inn or None, payer_account=payer_account, purpose=line.purpose, source="bank",
            source_key=line.document_key,
        )
        payment_id = ledger.payment_id
        assert payment_id is not None
    link_payment(session, line, payment_id)
    if job.remember:
        remember_account(session, line.customer_id, job.remember, line.id, actor.author)
    return ledger


def book_automatic(db: Database, actor: Actor, jobs: Sequence[Job]) -> dict[int, Booked]:
    """Book automatic lines (by line id); a line that cannot be booked goes to review with the reason."""
    out: dict[int, Booked] = {}
    for start in range(0, len(jobs), BATCH):
        out.update(_batch(db, actor, jobs[start:start + BATCH]))
    return out


def _batch(db: Database, actor: Actor, jobs: Sequence[Job]) -> dict[int, Booked]:
    try:
        with db.unit_of_work() as session:
            return _book_batch(session, actor, jobs)
    except (OmniDeskError, sa_exc.IntegrityError) as exc:
        if len(jobs) > 1:
            out: dict[int, Booked] = {}
            for job in jobs:
                out.update(_batch(db, actor, [job]))
            return out
        return {jobs[0].line_id: _failed(db, jobs[0], exc)}


def _failed(db: Database, job: Job, exc: Exception) -> Booked:
    with db.unit_of_work() as session:
        line = session.get(BankLine, job.line_id)
        payment_id = session.scalar(select(Payment.id).where(Payment.source_key == line.document_key))
        if isinstance(exc, sa_exc.IntegrityError) and payment_id is not None:
            link_payment(session, line, payment_id)  # booked meanwhile by another workstation
            return Booked(line.status)
        reason = str(exc) if isinstance(exc, OmniDeskError) else "платёж уже проводится на другом рабочем месте"
        line.status = BankLineStatus.REVIEW
        line.customer_id = None
        line.explanation = f"не проведено автоматически: {reason}; {line.explanation}"[:1000]
        return Booked(BankLineStatus.REVIEW, 0, reason)


def _book_batch(session: Session, actor: Actor, jobs: Sequence[Job]) -> dict[int, Booked]:
    """The lines of a batch and their payments, read and written set-wise (a statement has thousands)."""
    lines = _lines(session, [j.line_id for j in jobs])
    keys = [lines[j.line_id].document_key for j in jobs]
    existing = dict(session.execute(select(Payment.source_key, Payment.id).where(Payment.source_key.in_(keys))).all())
    todo = [j for j in jobs if lines[j.line_id].document_key not in existing]
    recorded = record_payments(session, actor, [_request(lines[j.line_id], j) for j in todo])
    out: dict[int, Booked] = {}
    for job, done in zip(todo, recorded, strict=True):
        line = lines[job.line_id]
        line.payment_id, line.customer_id = done.payment_id, job.customer_id
        out[job.line_id] = Booked(line.status, done.receipts)
    for job in jobs:
        line = lines[job.line_id]
        if job.line_id not in out:
            link_payment(session, line, existing[line.document_key])
            out[job.line_id] = Booked(line.status)
    remember_accounts(session, [(lines[j.line_id].customer_id, j.remember, j.line_id) for j in jobs if j.remember], actor.author)
    return out


def _request(line: BankLine, job: Job) -> PaymentRequest:
    return PaymentRequest(
        customer_id=job.customer_id, amount=line.amount, allocations=job.allocations,
        received_at=dt.datetime.combine(line.doc_date, dt.time()), payer_name=line.payer_name,
        payer_inn=line.payer_inn or None, payer_account=_account(line), purpose=line.purpose, source="bank",
        source_key=line.document_key,
    )


def _account(line: BankLine) -> str | None:
    return line.payer_account if line.payer_account and len(line.payer_account) <= 20 else None


def _lines(session: Session, ids: list[int]) -> dict[int, BankLine]:
    return {line.id: line for line in session.scalars(select(BankLine).where(BankLine.id.in_(ids)))}
