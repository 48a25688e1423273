"""record_payments (Core executemany, a bank import's bookings) writes exactly what record_payment does one by one."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from omnidesk.core.enums import CustomerKind, PaymentKind, PaymentSubject, Role
from omnidesk.core.errors import InvalidInput
from omnidesk.core.vat import VatRate
from omnidesk.persistence.models import OrderLine, Payment
from omnidesk.services.auth import Actor
from omnidesk.services.customers import get_customer
from omnidesk.services.ledger import AllocationRequest, PaymentRequest, record_payment, record_payments
from tests.dbs import ready_database as open_database

sys.path.insert(0, str(Path(__file__).parent))
from bank_statements import Shop

CASHIER = Actor("Кассир Анна", Role.CASHIER)
DAY = dt.datetime(2025, 3, 10)
CLOCKS = {"at", "created_at", "workstation", "origin"}
TABLES = ("payments", "allocations", "receipts", "receipt_lines", "receipt_links", "audit_log", "change_log")


def _shop(db) -> dict[str, int]:
    shop = Shop(db)
    ids = {
        "petrova": shop.customer("Петрова Анна Сергеевна", phone="+79161234567", email="petrova@example.ru"),
        "ivanov": shop.customer("Иванов Иван", phone="+79160000001"),
        "santeh": shop.customer('ООО "СантехМонтаж"', CustomerKind.COMPANY, inn="5012345678"),
    }
    shop.order(ids["petrova"], "101", 1_245_000, dt.date(2025, 3, 1))
    shop.order(ids["petrova"], "102", 318_050, dt.date(2025, 3, 2))
    shop.order(ids["ivanov"], "201", 999_999, dt.date(2025, 3, 3))
    shop.order(ids["ivanov"], "202", 50_000, dt.date(2025, 3, 3))
    shop.order(ids["santeh"], "301", 1_560_000, dt.date(2025, 3, 7))
    with db.unit_of_work() as s:  # an order of two lines: the prepayment is spread over both
        order_id = s.scalar(sa.text("select id from orders where number = '201'"))
        s.add(OrderLine(order_id=order_id, line_no=2, name="Гибкая подводка", quantity_milli=2000, price=150_000,
                        amount=300_000, vat_rate=VatRate.VAT22, payment_subject=PaymentSubject.GOODS))
        s.execute(sa.text("update orders set total = total + 300000 where id = :i"), {"i": order_id})
    return ids


def _requests(ids: dict[str, int]) -> list[PaymentRequest]:
    def req(who, amount, *allocations, key, **extra):
        return PaymentRequest(customer_id=ids[who], amount=amount, allocations=tuple(allocations),
                              received_at=DAY, source_key=key, purpose=f"оплата {key}", **extra)

    return [
        req("petrova", 1_563_050, AllocationRequest("101"), AllocationRequest("102"), key="a",
            payer_name="Петрова А. С.", payer_account="40817810500001234567"),
        req("ivanov", 500_000, AllocationRequest("201", 400_000), key="b"),  # a part of an order of two lines
        req("ivanov", 1_000_000, AllocationRequest("№201"), key="c"),  # the rest of it, the remainder an advance
        req("ivanov", 70_000, AllocationRequest("202", 20_000), key="d"),
        req("santeh", 1_600_000, AllocationRequest("301"), key="e", payer_inn="5012345678"),  # a company: no receipt
        req("petrova", 10_000, key="f"),  # nothing named: all of it an advance
        req("santeh", 5_000, key="g", kind=PaymentKind.SBP),  # SBP from a company owes a receipt
    ]


def _dump(db) -> dict[str, list]:
    out = {}
    with db.engine.connect() as c:
        for table in TABLES:
            columns = [r[1] for r in c.execute(sa.text(f"pragma table_info({table})")) if r[1] not in CLOCKS]
            rows = c.execute(sa.text(f"select {', '.join(columns)} from {table} order by {columns[0]}"))
            out[table] = [list(r) for r in rows]
    return out


def _open(tmp_path: Path, name: str):
    db = open_database(f"sqlite:///{tmp_path / name}")
    return db, _shop(db)


def test_a_batch_writes_the_rows_and_change_log_of_payments_recorded_one_by_one(tmp_path):
    one_db, ids = _open(tmp_path, "one.sqlite")
    batch_db, same = _open(tmp_path, "batch.sqlite")
    assert ids == same
    with one_db.unit_of_work() as s:
        for r in _requests(ids):
            record_payment(s, CASHIER, get_customer(s, r.customer_id), kind=r.kind, amount=r.amount,
                           allocations=r.allocations, received_at=r.received_at, payer_name=r.payer_name,
                           payer_inn=r.payer_inn, payer_account=r.payer_account, purpose=r.purpose, source=r.source,
                           source_key=r.source_key)
    with batch_db.unit_of_work() as s:
        recorded = record_payments(s, CASHIER, _requests(ids))
    one, batch = _dump(one_db), _dump(batch_db)
    assert [r.receipts for r in recorded] == [2, 2, 2, 2, 0, 1, 1]
    assert (len(batch["payments"]), len(batch["allocations"]), len(batch["receipts"])) == (7, 6, 10)
    for table in TABLES:
        assert batch[table] == one[table], table
    payload = json.loads(batch["change_log"][-1][1])
    assert payload["payments"] == [r.payment_id for r in recorded] and payload["receipts"]
    for db in (one_db, batch_db):
        db.engine.dispose()


def test_a_batch_that_breaks_a_rule_writes_nothing(tmp_path):
    db, ids = _open(tmp_path, "a.sqlite")
    requests = _requests(ids)
    too_much = PaymentRequest(customer_id=ids["ivanov"], amount=2_000_000, received_at=DAY, source_key="x",
                              allocations=(AllocationRequest("202", 2_000_000),))
    with pytest.raises(InvalidInput), db.unit_of_work() as s:
        record_payments(s, CASHIER, [*requests, too_much])
    with db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Payment)) == 0
    db.engine.dispose()


def test_rows_written_past_core_on_sqlite_are_stored_as_core_stores_them(tmp_path):
    # ledger/rows.py writes SQLite rows through the driver's executemany with the columns' own converters
    # and Python defaults: the stored text (dates, enums, booleans, defaults) must be Core's to the letter
    from omnidesk.persistence.models import AuditEntry, Receipt
    from omnidesk.services.ledger import rows

    db, ids = _open(tmp_path, "fast.sqlite")
    receipt = {"status": "planned", "kind": "advance", "operation": 1, "reason": "аванс", "customer_id": ids["petrova"],
               "buyer_contact": "petrova@example.ru", "total": 10_000, "cash": 0, "electronic": 10_000,
               "prepayment_offset": 0, "credit": 0, "buyer_name": None, "buyer_inn": None, "correction_type": None,
               "correction_date": dt.date(2025, 3, 9), "correction_doc": None}
    audit = rows.audit_row("Кассир Анна", "payment.register", "payment", 7, amount=10_000)
    with db.unit_of_work() as s:
        fast = rows._insert(s, Receipt.__table__, [dict(receipt), dict(receipt)], ids=True)
        rows._insert(s, AuditEntry.__table__, [dict(audit)], ids=False)
        s.execute(sa.insert(Receipt.__table__), [dict(receipt)])
        s.execute(sa.insert(AuditEntry.__table__), [dict(audit)])
    assert fast == [fast[0], fast[0] + 1]
    with db.engine.connect() as c:
        got = [r._asdict() for r in c.execute(sa.text("select * from receipts order by id"))][-3:]
        log = [r._asdict() for r in c.execute(sa.text("select * from audit_log where action = 'payment.register' order by id"))][-2:]
    clocks = [r.pop("created_at") for r in got] + [r.pop("at") for r in log]
    for row in got + log:
        row.pop("id")
    assert got[0] == got[1] == got[2] and log[0] == log[1]  # the same text in every column but the id and the clock
    assert {len(clock) for clock in clocks} == {len("2026-12-02 15:09:02.304087")}
    with db.read() as s:
        assert {(r.kind, r.status.value) for r in s.scalars(sa.select(Receipt).where(Receipt.id.in_(fast)))} == {("advance", "planned")}
