"""What the Bank page lists: the lines of every statement imported lately, and every line still waiting
for a person however old, newest documents first."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select

from omnidesk.persistence.models import BankLine, BankLineStatus, BankStatement

from ..uow import Database
from .dto import LineView
from .store import LINE_COLUMNS, views

RECENT = dt.timedelta(days=31)


def recent_lines(db: Database, recent: dt.timedelta = RECENT, now: dt.datetime | None = None) -> list[LineView]:
    """Lines of statements imported within ``recent`` (by import time) and every line to review."""
    since = (now or dt.datetime.now()) - recent
    with db.read() as session:
        lines = session.execute(  # columns, not ORM objects: a statement imported lately may hold 23 000 lines
            select(*LINE_COLUMNS).join(BankStatement, BankStatement.id == BankLine.statement_id)
            .where(or_(BankStatement.imported_at >= since, BankLine.status == BankLineStatus.REVIEW))
            .order_by(BankLine.doc_date.desc(), BankLine.id.desc())).all()
        return views(session, lines, with_suggestions=True)
