"""Every money operation of a settlement, and every user and settings change, leaves an audit entry
(who — the login, which workstation, what); the entries can be filtered, and the database keeps them."""

import datetime as dt

import pytest

from omnidesk.config import Settings
from omnidesk.core.enums import PaymentKind, Role
from omnidesk.core.errors import Forbidden
from omnidesk.services import audit, users
from omnidesk.services.audit import AuditFilter
from omnidesk.services.auth import Actor
from omnidesk.services.context import AppContext
from omnidesk.services.ledger import (
    AllocationRequest,
    allocations_of_customer,
    apply_advance,
    cancel_order,
    move_allocation,
    record_delivery,
    refund_advance,
    register_payment,
    unallocate,
)

ANNA = Actor("Смирнова Анна", Role.CASHIER, login="anna", position="Кассир", inn="500100732259")
ADMIN = Actor("Администратор", Role.ADMIN, login="admin")


def test_money_operations_are_audited(db, shop, journal, emulator):
    journal.actor = ANNA
    buyer = shop.customer()
    first, second, third = (shop.order(buyer, (name, 1, 100000)) for name in ("Кран", "Смеситель", "Радиатор"))
    register_payment(db, ANNA, customer_id=buyer, kind=PaymentKind.CARD, amount=250000,
                     allocations=[AllocationRequest(first)])
    apply_advance(db, ANNA, customer_id=buyer, order_number=second, amount=100000)
    [allocation, *_] = allocations_of_customer(db, buyer)
    move_allocation(db, ANNA, allocation.id, third, 50000)
    unallocate(db, ANNA, allocation.id, 10000)
    refund_advance(db, ANNA, customer_id=buyer, amount=10000, kind=PaymentKind.CARD)
    record_delivery(db, ANNA, order_number=second, collected=0)
    cancel_order(db, ANNA, order_number=third)
    run = journal.print_owed()
    assert run.error is None and run.printed
    receipts = [d for d in emulator.journal if d["type"] == 3]
    assert receipts and all((d["1021"], d.get("1203")) == ("Кассир Смирнова Анна", "500100732259") for d in receipts)
    rows = audit.entries(db, ADMIN, AuditFilter(user="anna"))
    actions = {r.action for r in rows}
    assert {"payment.register", "advance.apply", "allocation.move", "allocation.reverse", "advance.refund",
            "order.deliver", "order.cancel", "receipt.print.begin", "receipt.print.done"} <= actions
    assert all(r.user == "anna" and r.workstation for r in rows)
    printed = [r for r in rows if r.action == "receipt.print.done"]
    assert len(printed) == len(run.printed)
    only_payments = audit.entries(db, ADMIN, AuditFilter(entity="payment"))
    assert only_payments and {r.entity for r in only_payments} == {"payment"}
    assert audit.entries(db, ADMIN, AuditFilter(since=dt.date.today() + dt.timedelta(days=1))) == []
    assert audit.entries(db, ADMIN, AuditFilter(until=dt.date.today(), action="payment."))
    with pytest.raises(Forbidden):
        audit.entries(db, ANNA)


def test_settings_changes_are_audited_with_secrets_masked(db):
    context = AppContext(db, Settings(), actor=ADMIN)
    context.update_settings({"company.name": "ООО «Тепло»", "db.url": "postgresql://app:Sekr3t-pw@db/office"})
    with pytest.raises(Forbidden, match="изменение настроек"):
        AppContext(db, Settings(), actor=ANNA).update_settings({"company.inn": "7707083893"})
    AppContext(db, Settings(), actor=ANNA).update_settings({"fiscal.url": "socket://127.0.0.1:7778"})  # her own
    rows = audit.entries(db, ADMIN, AuditFilter(entity="setting"))
    by_key = {r.details["key"]: r for r in rows}
    assert by_key["company.name"].details["after"] == "ООО «Тепло»" and by_key["company.name"].user == "admin"
    assert by_key["fiscal.url"].user == "anna"
    assert "Sekr3t-pw" not in str(by_key["db.url"].details) and "app:••••••@db" in by_key["db.url"].details["after"]
    assert "company.inn" not in by_key


def test_user_changes_are_audited(db):
    users.create_first_admin(db, "admin-password-1")
    admin = users.sign_in(db, "admin", "admin-password-1")
    users.add_user(db, admin, "anna", "cashier-password", role=Role.CASHIER, full_name="Анна")
    users.update_user(db, admin, "anna", role=Role.MANAGER)
    rows = audit.entries(db, admin, AuditFilter(entity="user"))
    change = next(r for r in rows if r.action == "user.update")
    assert "role=cashier" in change.summary and "role=manager" in change.summary and "→" in change.summary
