"""The акт сверки shows shipments (delivered goods, on the delivery date) and payments (with the payer's
document number and date); the closing balance is shipped − paid."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from sqlalchemy import select

from omnidesk.core.enums import OrderStatus, Role
from omnidesk.persistence.models import Order
from omnidesk.services.auth import Actor
from omnidesk.services.banking import import_statement
from omnidesk.services.reports import reconciliation_act

sys.path.insert(0, str(Path(__file__).parent))
from bank_statements import SANTEH_OVER, standard_shop, statement

MANAGER = Actor("Менеджер Ольга", Role.MANAGER)


def test_the_act_books_shipments_and_payments_by_their_documents(db):
    shop = standard_shop(db)
    import_statement(db, MANAGER, statement(SANTEH_OVER), "март.txt")  # п/п №88 of 10.03.2025 pays 10240
    with db.unit_of_work() as s:
        delivered = s.scalar(select(Order).where(Order.number == "10240"))
        delivered.status, delivered.delivery_date = OrderStatus.DELIVERED, dt.date(2025, 3, 14)
    # 10241 (5 000 ₽) is confirmed but not delivered: the customer owes nothing for it yet

    act = reconciliation_act(db, Actor("Менеджер"), shop["santeh"], dt.date(2025, 3, 1), dt.date(2025, 3, 31))

    documents = [(r.date, r.kind, r.document, r.debit, r.credit) for r in act.rows]
    assert documents == [
        (dt.date(2025, 3, 10), "payment", "Оплата (п/п №88 от 10.03.2025)", 0, 1_600_000),
        (dt.date(2025, 3, 14), "shipment", "Реализация товаров №10240 от 14.03.2025", 1_560_000, 0),
    ]
    assert not any("10241" in r.document or "Зачёт" in r.document for r in act.rows)
    assert act.opening == 0 and act.closing == 1_560_000 - 1_600_000  # we owe the customer the overpayment
