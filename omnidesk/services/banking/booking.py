"""Booking a bank line: the line and the payment it books commit in one unit of work.

Automatic bookings of an import go in batches, one unit of work per batch. If one line of a batch
cannot be booked (an order closed meanwhile, another workstation booked the document first), the
batch rolls back and is booked again in halves, in order, down to the single line that cannot be
booked: that one goes to the review queue with the reason in Russian, the others are booked (as if
booked one by one, with a logarithmic number of retries instead of a unit of work per line). A
manual booking raises the typed error (InvalidInput, Conflict, NotFound) and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from omnidesk.core.enums import PaymentKind
from omnidesk.core.errors import NotFound, OmniDeskError
from omnidesk.persistence.db import among, column_rows
from omnidesk.persistence.models import BankLine, BankLineStatus, Customer, Payment

from .. import collect
from ..auth import Actor
from ..ledger import AllocationRequest, LedgerResult, PaymentRequest, record_payment, record_payments
from ..uow import Database
from .store import link_payment, remember_account, remember_accounts

BATCH = 1000  # the change log keeps ids up to 1000 of a kind (ID_LIMIT): a batch stays listed by id


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
        if len(jobs) > 1:  # book each half on its own, in order, down to the line that cannot be booked
            half = len(jobs) // 2
            return {**_batch(db, actor, jobs[:half]), **_batch(db, actor, jobs[half:])}
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
    """The lines of a batch and their payments, read and written set-wise as columns (a statement has
    thousands): the payments through :func:`record_payments`, the lines tied to them by one executemany
    ``update`` that checks each line's version as the ORM would."""
    lines = _lines(session, [j.line_id for j in jobs])
    keys = [lines[j.line_id].document_key for j in jobs]
    existing = {row.source_key: row for row in column_rows(session,
        select(Payment.source_key, Payment.id, Payment.customer_id).where(among(Payment.source_key, keys)))}
    todo = [j for j in jobs if lines[j.line_id].document_key not in existing]
    recorded = record_payments(session, actor, [_request(lines[j.line_id], j) for j in todo])
    out: dict[int, Booked] = {}
    links: dict[int, tuple[int, int]] = {}  # line id → (payment id, customer id)
    for job, done in zip(todo, recorded, strict=True):
        links[job.line_id] = (done.payment_id, job.customer_id)
        out[job.line_id] = Booked(lines[job.line_id].status, done.receipts)
    for job in jobs:
        line = lines[job.line_id]
        if job.line_id not in out:
            payment = existing[line.document_key]  # booked meanwhile by another workstation
            links[job.line_id] = (payment.id, payment.customer_id)
            out[job.line_id] = Booked(line.status)
    _link(session, lines, links)
    remember_accounts(session, [(links[j.line_id][1], j.remember, j.line_id) for j in jobs if j.remember], actor.author)
    return out


def _link(session: Session, lines: dict[int, Any], links: dict[int, tuple[int, int]]) -> None:
    """Tie each line to its payment and customer; a line changed meanwhile elsewhere is a conflict."""
    table = BankLine.__table__
    statement = (update(table).where(table.c.id == bindparam("line_id"), table.c.version == bindparam("seen"))
                 .values(payment_id=bindparam("payment_id"), customer_id=bindparam("customer"), version=table.c.version + 1))
    rows = [{"line_id": line_id, "seen": lines[line_id].version, "payment_id": payment_id, "customer": customer_id}
            for line_id, (payment_id, customer_id) in links.items()]
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name == "sqlite":  # the driver's executemany: no per-row parameter processing by Core
        done = connection.exec_driver_sql(
            "UPDATE bank_lines SET payment_id = ?, customer_id = ?, version = version + 1 WHERE id = ? AND version = ?",
            [(r["payment_id"], r["customer"], r["line_id"], r["seen"]) for r in rows])
    else:
        done = connection.execute(statement, rows)
    if done.rowcount != len(rows):
        raise StaleDataError(f"bank_lines: {len(rows) - done.rowcount} of {len(rows)} rows changed meanwhile")
    collect.note(session, "bank_lines", links)
    collect.note(session, "payments", (payment_id for payment_id, _c in links.values()))
    collect.note(session, "customers", (customer_id for _p, customer_id in links.values()))


def _request(line, job: Job) -> PaymentRequest:
    return PaymentRequest(
        customer_id=job.customer_id, amount=line.amount, allocations=job.allocations,
        received_at=dt.datetime.combine(line.doc_date, dt.time()), payer_name=line.payer_name,
        payer_inn=line.payer_inn or None, payer_account=_account(line), purpose=line.purpose, source="bank",
        source_key=line.document_key,
    )


def _account(line) -> str | None:
    return line.payer_account if line.payer_account and len(line.payer_account) <= 20 else None


def _lines(session: Session, ids: list[int]) -> dict[int, Any]:
    """The lines to book, as rows with what a payment request reads of them."""
    query = select(BankLine.id, BankLine.document_key, BankLine.amount, BankLine.doc_date, BankLine.payer_name,
                   BankLine.payer_inn, BankLine.payer_account, BankLine.purpose, BankLine.status, BankLine.version)
    return {row.id: row for row in column_rows(session, query.where(among(BankLine.id, ids)))}
