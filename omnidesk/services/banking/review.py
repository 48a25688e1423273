"""The review queue: book a line by hand, mark it not ours, undo an allocation by a reversing entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select

from omnidesk.core.errors import Conflict, InvalidInput, NotFound
from omnidesk.core.money import format_amount
from omnidesk.persistence.models import BankLine, BankLineStatus, BankStatement

from .. import audit
from ..auth import Actor, permit
from ..ledger import AllocationRequest
from ..ledger.allocations import AllocationView, allocations_of_payment, unallocate
from ..uow import Database
from .booking import Job, book_in
from .dto import LineView, StatementView
from .store import LINE_COLUMNS, booked_in_statement, remember_account, views


def review_queue(db: Database) -> list[LineView]:
    """Lines waiting for a person, oldest first, each with its ranked suggestions."""
    with db.read() as session:
        lines = session.execute(select(*LINE_COLUMNS).where(BankLine.status == BankLineStatus.REVIEW)
                                .order_by(BankLine.doc_date, BankLine.id)).all()
        return views(session, lines, with_suggestions=True)


def statement_lines(db: Database, statement_id: int | None = None) -> list[LineView]:
    """The lines of one statement (the newest if None), in file order."""
    with db.read() as session:
        if statement_id is None:
            statement_id = session.scalar(select(func.max(BankStatement.id)))
            if statement_id is None:
                return []
        lines = session.execute(select(*LINE_COLUMNS).where(BankLine.statement_id == statement_id)
                                .order_by(BankLine.id)).all()
        return views(session, lines, with_suggestions=True, booked=booked_in_statement(session, statement_id))


def line_view(db: Database, line_id: int) -> LineView:
    with db.read() as session:
        return views(session, [_get(session, line_id)], with_suggestions=True)[0]


def list_statements(db: Database) -> list[StatementView]:
    with db.read() as session:
        return [
            StatementView(s.id, s.file_name, s.accounts, s.date_from, s.date_to, s.imported_at, s.imported_by,
                          s.documents, s.imported, s.duplicates, s.outgoing_skipped, s.incoming, s.outgoing)
            for s in session.scalars(select(BankStatement).order_by(BankStatement.id.desc()))
        ]


def book_line(db: Database, actor: Actor, line_id: int, *, customer_id: int,
              allocations: Sequence[AllocationRequest] = ()) -> LineView:
    """Book a line from the review queue: to the customer's orders as given, the rest as an advance.

    The line and its payment commit together; InvalidInput, Conflict or NotFound leave both untouched."""
    permit(actor, "bank.book")
    with db.unit_of_work() as session:
        line = _get(session, line_id)
        if line.status is not BankLineStatus.REVIEW:
            raise Conflict(f"платёж №{line.number} уже разобран ({line.status.value}) — обновите список")
        asked = sum(a.amount or 0 for a in allocations)
        if any(a.amount is not None and a.amount <= 0 for a in allocations) or asked > line.amount:
            raise InvalidInput(f"распределено {format_amount(asked)} из {format_amount(line.amount)}: "
                               "суммы должны быть больше нуля и не больше платежа")
        book_in(session, actor, line, Job(line_id, customer_id, tuple(allocations)))
        line.status = BankLineStatus.BOOKED
        line.reviewed_by, line.reviewed_at = actor.author, dt.datetime.now()
        line.explanation = f"разнесён вручную ({actor.name}); {line.explanation}"[:1000]
        remember_account(session, customer_id, line.payer_account, line.id, actor.author)
        audit.record(session, actor.author, "bank.book", "bank_line", line.id, customer=customer_id, payment=line.payment_id,
                     allocations={a.order_number: a.amount for a in allocations})
    return line_view(db, line_id)


def mark_not_ours(db: Database, actor: Actor, line_id: int, reason: str = "") -> LineView:
    """Take a line out of the queue without booking money (a refund by the bank, a mistaken transfer)."""
    permit(actor, "bank.not_ours")
    with db.unit_of_work() as session:
        line = _get(session, line_id)
        if line.status is not BankLineStatus.REVIEW:
            raise Conflict(f"платёж №{line.number} уже разобран ({line.status.value}) — обновите список")
        line.status = BankLineStatus.NOT_OURS
        line.reviewed_by, line.reviewed_at = actor.author, dt.datetime.now()
        line.explanation = (f"не наш платёж ({actor.name})" + (f": {reason}" if reason else ""))[:1000]
        audit.record(session, actor.author, "bank.not_ours", "bank_line", line.id, reason=reason)
    return line_view(db, line_id)


def line_allocations(db: Database, line_id: int) -> list[AllocationView]:
    """The allocations of a booked line's payment to orders, with how much of each is undone."""
    with db.read() as session:
        line = _get(session, line_id)
        return [] if line.payment_id is None else allocations_of_payment(session, line.payment_id)


def undo_allocation(db: Database, actor: Actor, allocation_id: int, amount: int | None = None) -> AllocationView:
    """Undo an allocation of a bank payment by a reversing entry (a manager's decision)."""
    permit(actor, "bank.unbook")
    return unallocate(db, actor, allocation_id, amount)[0]


def _get(session, line_id: int) -> BankLine:
    line = session.get(BankLine, line_id)
    if line is None:
        raise NotFound(f"строка выписки {line_id} не найдена")
    return line
