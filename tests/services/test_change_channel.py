"""The change channel: what a unit of work changed is collected from the ORM, logged, and told to subscribers;
other processes' changes are read back from change_log. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
import sqlalchemy as sa

from omnidesk.core.changes import ID_LIMIT, Changes
from omnidesk.core.enums import CustomerKind, OrderStatus, PaymentKind, ReceiptStatus
from omnidesk.persistence.models import Allocation, ChangeLog, Customer, Order, Payment, Receipt, ReceiptLink
from omnidesk.services.changes import ChangeFeed, prune
from omnidesk.services.database import init_database


def _heard(db) -> list[Changes]:
    heard: list[Changes] = []
    db.subscribe(heard.append)
    return heard


def _customer_with_order(db) -> tuple[int, int]:
    with db.unit_of_work() as s:
        customer = Customer(kind=CustomerKind.INDIVIDUAL, name="Иванов Иван", phone="+79160000001")
        s.add(customer)
        s.flush()
        order = Order(number="10001", customer_id=customer.id, status=OrderStatus.NEW, total=500000)
        s.add(order)
        s.flush()
        return customer.id, order.id


def _pay(db, customer_id: int, order_id: int, amount: int = 200000) -> tuple[int, int]:
    with db.unit_of_work() as s:
        payment = Payment(customer_id=customer_id, kind=PaymentKind.CASH, amount=amount,
                          received_at=dt.datetime(2026, 3, 10, 12, 0))
        s.add(payment)
        s.flush()
        allocation = Allocation(payment_id=payment.id, order_id=order_id, amount=amount)
        s.add(allocation)
        s.flush()
        return payment.id, allocation.id


def test_a_payment_reports_its_order_payment_and_customer(db):
    customer_id, order_id = _customer_with_order(db)
    heard = _heard(db)
    payment_id, _ = _pay(db, customer_id, order_id)
    assert heard == [Changes(orders=frozenset({order_id}), payments=frozenset({payment_id}),
                             customers=frozenset({customer_id}))]
    with db.read() as s:
        payload = json.loads(s.scalars(sa.select(ChangeLog.payload).order_by(ChangeLog.seq.desc())).first())
    assert payload == {"orders": [order_id], "payments": [payment_id], "customers": [customer_id]}


def test_a_rolled_back_unit_of_work_reports_and_logs_nothing(db):
    _customer_id, order_id = _customer_with_order(db)
    heard = _heard(db)
    with db.read() as s:
        logged = s.scalar(sa.select(sa.func.count()).select_from(ChangeLog))
    with pytest.raises(RuntimeError):
        with db.unit_of_work() as s:
            s.get(Order, order_id).status = OrderStatus.CANCELLED
            s.flush()
            raise RuntimeError("the user's action failed half-way")
    assert heard == []
    with db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(ChangeLog)) == logged
    with db.read() as s:  # reading commits nothing
        s.get(Order, order_id)
    assert heard == []


def test_a_printed_receipt_reports_its_orders_and_customer(db):
    customer_id, order_id = _customer_with_order(db)
    with db.unit_of_work() as s:
        receipt = Receipt(status=ReceiptStatus.PLANNED, operation=1, total=200000, customer_id=customer_id)
        s.add(receipt)
        s.flush()
        s.add(ReceiptLink(receipt_id=receipt.id, order_id=order_id))
        receipt_id = receipt.id
    heard = _heard(db)
    with db.unit_of_work() as s:
        printed = s.get(Receipt, receipt_id)
        printed.status, printed.fd_number = ReceiptStatus.PRINTED, 17
    assert heard == [Changes(receipts=frozenset({receipt_id}), orders=frozenset({order_id}),
                             customers=frozenset({customer_id}))]


def test_bulk_statements_and_many_rows_mark_the_kind_wholesale(db):
    customer_id, _ = _customer_with_order(db)
    heard = _heard(db)
    with db.unit_of_work() as s:
        s.execute(sa.update(Order).where(Order.customer_id == customer_id).values(comment="позвонить"))
    assert heard[-1].kinds >= {"orders", "customers"} and not heard[-1].orders
    with db.unit_of_work() as s:
        s.add_all(Order(number=f"2{n:04}", customer_id=customer_id, status=OrderStatus.NEW) for n in range(ID_LIMIT + 100))
    assert "orders" in heard[-1].kinds and not heard[-1].orders
    assert heard[-1].customers == {customer_id}
    assert heard[-1].touches("orders", [123456])


def test_subscribers_hear_commits_made_on_worker_threads(db):
    customer_id, order_id = _customer_with_order(db)
    heard, threads = [], []
    db.subscribe(lambda changes: (heard.append(changes), threads.append(threading.current_thread())))
    db.subscribe(lambda _changes: 1 / 0)  # a broken subscriber keeps the news from nobody
    worker = threading.Thread(target=_pay, args=(db, customer_id, order_id))
    worker.start()
    worker.join()
    assert len(heard) == 1 and heard[0].orders == {order_id} and threads == [worker]


def test_another_workstation_sees_the_change_by_polling(db_url):
    here, there = init_database(db_url)[0], init_database(db_url)[0]
    try:
        customer_id, order_id = _customer_with_order(here)
        feed = ChangeFeed(here)
        feed.start()
        assert feed.poll() == Changes()
        payment_id, _ = _pay(there, customer_id, order_id)
        _pay(here, customer_id, order_id, 1000)  # this process's own change: its subscribers heard it already
        seen = feed.poll()
        assert seen == Changes(orders=frozenset({order_id}), payments=frozenset({payment_id}),
                               customers=frozenset({customer_id}))
        assert feed.poll() == Changes()  # each row once
    finally:
        here.engine.dispose()
        there.engine.dispose()


def test_old_rows_are_pruned(db):
    customer_id, order_id = _customer_with_order(db)
    with db.engine.begin() as conn:
        conn.execute(sa.update(ChangeLog).values(at=dt.datetime.now() - dt.timedelta(days=2)))
    _pay(db, customer_id, order_id)
    prune(db)
    with db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(ChangeLog)) == 1


@pytest.mark.postgres
def test_a_lower_seq_committed_late_is_still_seen(pg_url):
    """PostgreSQL hands out seqs at insert: a slow transaction's row can appear below the last one seen."""
    here, slow, fast = init_database(pg_url)[0], init_database(pg_url)[0], init_database(pg_url)[0]
    try:
        customer_id, order_id = _customer_with_order(slow)
        feed = ChangeFeed(here)
        feed.start()
        session = slow._sessions()
        session.get(Order, order_id).comment = "медленно"
        session.flush()
        session.add(ChangeLog(origin="slow", payload=json.dumps({"orders": [order_id]})))
        session.flush()  # seq taken, not committed
        payment_id, _ = _pay(fast, customer_id, order_id)
        assert feed.poll().payments == {payment_id}
        session.commit()
        session.close()
        late = feed.poll()
        assert late.orders == {order_id} and not late.payments
        assert feed.poll() == Changes()
    finally:
        for database in (here, slow, fast):
            database.engine.dispose()
