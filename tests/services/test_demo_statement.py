"""The demo's own bank statement (issue 13 item 11): on the demo's dates, it books demo orders end to end."""

from __future__ import annotations

import datetime as dt

from omnidesk.core.enums import BankLineStatus, Role
from omnidesk.services.auth import Actor
from omnidesk.services.banking import import_statement
from omnidesk.services.demo_statement import demo_statement

DAY = dt.date(2026, 3, 10)


def test_the_demo_statement_books_demo_orders_and_leaves_some_for_review(demo_db):
    data = demo_statement(demo_db, DAY)
    result = import_statement(demo_db, Actor("Менеджер", Role.MANAGER), data, "demo-statement.txt")
    statuses = [line.status for line in result.lines]
    assert statuses.count(BankLineStatus.ALLOCATED) >= 5
    assert BankLineStatus.REVIEW in statuses and BankLineStatus.OUTGOING in statuses
    assert all(line.date == DAY for line in result.lines)
