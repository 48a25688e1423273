"""The sync engine end to end against both stand-ins: pull, apply, conflicts, the outbox and its routing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from omnidesk.core.enums import CustomerKind, OrderStatus, PaymentKind, RouteStatus, StopKind
from omnidesk.persistence.models import Customer, Driver, Order, OutboxMessage, Route, Stop, SyncConflict
from omnidesk.services.auth import Actor, Role
from omnidesk.services.ledger import AllocationRequest, register_payment
from omnidesk.services.ledger.deliveries import record_delivery

from .conftest import engine

CASHIER = Actor("Кассир", Role.ADMIN)


@pytest.fixture
def sqlite_db(db):
    """Named for history: each test runs on SQLite and on PostgreSQL (the ``db`` fixture)."""
    return db


def test_first_pull_creates_orders_and_customers_and_stores_the_history_id(sqlite_db, crm):
    crm.add_order(number="10231", contragent="legal-entity", inn="7701234567", name="ООО Ромашка")
    crm.add_order(number="10232", window=("12:00", "15:00"))
    report = engine(sqlite_db, crm).run()
    assert report.crm.state == "ok" and report.orders_created == 2 and report.records == 2
    with sqlite_db.read() as s:
        orders = {o.number: o for o in s.scalars(sa.select(Order))}
        assert orders["10232"].window_start == 12 * 60 and orders["10232"].window_end == 15 * 60
        assert orders["10231"].total == 2 * 597500 and orders["10231"].lines[0].quantity_milli == 2000
        assert orders["10231"].delivery_date == dt.date(2026, 12, 10) and orders["10231"].weight_g == 18000
        company = s.get(Customer, orders["10231"].customer_id)
        assert company.kind is CustomerKind.COMPANY and company.inn == "7701234567"
        assert s.scalar(sa.text("select value from sync_state where key='crm.history_since_id'")) == "2"
    again = engine(sqlite_db, crm).run()
    assert again.records == 0 and again.orders_created == 0


def test_own_edits_are_skipped_and_other_changes_re_read(sqlite_db, crm):
    order = crm.add_order(number="501")
    engine(sqlite_db, crm).run()
    crm.user_edit(order["id"], "delivery_date", "2026-12-11")
    crm.key_edit(order["id"], "status", "assembling", crm.OUR_KEY)  # as if OmniDesk had done it
    report = engine(sqlite_db, crm).run()
    assert report.records == 2 and report.orders_updated == 1
    with sqlite_db.read() as s:
        saved = s.scalar(sa.select(Order))
        assert saved.delivery_date == dt.date(2026, 12, 11)


def _publish_route_with(db, number: str) -> None:
    with db.unit_of_work() as s:
        order = s.scalar(sa.select(Order).where(Order.number == number))
        driver = Driver(name="Петров Пётр")
        s.add(driver)
        s.flush()
        s.add(Route(date=order.delivery_date, driver_id=driver.id, status=RouteStatus.PUBLISHED,
                    stops=[Stop(seq=1, kind=StopKind.DELIVERY, order_id=order.id)]))


def test_cancellation_of_an_order_on_a_published_route_is_a_conflict_not_an_overwrite(sqlite_db, crm):
    order = crm.add_order(number="777", status="send-to-delivery")
    engine(sqlite_db, crm).run()
    _publish_route_with(sqlite_db, "777")
    crm.user_edit(order["id"], "status", "cancel-other")
    crm.user_edit(order["id"], "delivery_time", {"from": "16:00", "to": "18:00"})
    report = engine(sqlite_db, crm).run()
    assert report.conflicts_new == 2 and report.conflicts_open == 2
    with sqlite_db.read() as s:
        saved = s.scalar(sa.select(Order))
        assert saved.status is OrderStatus.READY and saved.window_start == 10 * 60
        kinds = sorted(c.kind for c in s.scalars(sa.select(SyncConflict)))
        assert kinds == ["cancelled", "delivery"]


def test_lines_changed_after_a_prepayment_are_a_conflict(sqlite_db, crm):
    order = crm.add_order(number="888")
    engine(sqlite_db, crm, **{"sync.payment_master": "none"}).run()
    with sqlite_db.read() as s:
        customer_id = s.scalar(sa.select(Order.customer_id))
    register_payment(sqlite_db, CASHIER, customer_id=customer_id, kind=PaymentKind.CARD, amount=100000,
                     allocations=[AllocationRequest("888")])
    crm.user_edit(order["id"], "order_product.quantity", (order["items"][0]["id"], 5))
    report = engine(sqlite_db, crm, **{"sync.payment_master": "none"}).run()
    assert report.conflicts_new == 1 and "состав" in report.conflict_texts[0]
    with sqlite_db.read() as s:
        assert s.scalar(sa.select(Order)).lines[0].quantity_milli == 2000


def test_payment_goes_to_1c_as_a_posted_receipt_with_everything_1c_checks(sqlite_db, crm, onec):
    crm.add_order(number="10231")
    onec.add_order("10231")
    sync = engine(sqlite_db, crm, onec)
    sync.run()
    with sqlite_db.read() as s:
        customer_id = s.scalar(sa.select(Order.customer_id))
    register_payment(sqlite_db, CASHIER, customer_id=customer_id, kind=PaymentKind.TRANSFER, amount=1195000,
                     allocations=[AllocationRequest("10231")], purpose="Оплата по счёту 10231")
    with sqlite_db.read() as s:  # written with the payment, in its unit of work
        assert s.scalar(sa.select(sa.func.count()).select_from(OutboxMessage)) == 1
    report = sync.run()
    assert report.sent == 1 and report.pending == 0 and report.parked == 0
    docs = onec.documents("Document_ПоступлениеБезналичныхДенежныхСредств")
    assert len(docs) == 1 and docs[0]["Posted"] is True
    doc = docs[0]
    assert doc["Организация_Key"] == onec.organization and doc["БанковскийСчет_Key"] == onec.bank_account
    assert doc["СуммаДокумента"] == 11950.0 and doc["РасшифровкаПлатежа"][0]["СтатьяДвиженияДенежныхСредств_Key"] == \
        onec.cashflow_item
    assert crm.payments == {}  # never both


def test_payment_master_crm_sends_to_the_crm_only(sqlite_db, crm, onec):
    crm.add_order(number="10231")
    sync = engine(sqlite_db, crm, onec, **{"sync.payment_master": "crm"})
    sync.run()
    with sqlite_db.read() as s:
        customer_id = s.scalar(sa.select(Order.customer_id))
    register_payment(sqlite_db, CASHIER, customer_id=customer_id, kind=PaymentKind.CASH, amount=500000,
                     allocations=[AllocationRequest("10231")])
    report = sync.run()
    assert report.sent == 1
    (payment,) = crm.payments.values()
    assert payment["amount"] == 5000.0 and payment["type"] == "cash" and payment["externalId"].startswith("omnidesk-")
    assert onec.created == []


def test_an_order_not_yet_in_1c_waits_and_holds_back_its_stream_then_goes(sqlite_db, crm, onec):
    crm.add_order(number="42")
    sync = engine(sqlite_db, crm, onec)
    sync.run()
    with sqlite_db.read() as s:
        customer_id = s.scalar(sa.select(Order.customer_id))
    for amount in (100000, 200000):
        register_payment(sqlite_db, CASHIER, customer_id=customer_id, kind=PaymentKind.CASH, amount=amount,
                         allocations=[AllocationRequest("42", amount)])
    report = sync.run()
    assert report.sent == 0 and report.pending == 2
    with sqlite_db.read() as s:
        errors = [m.last_error for m in s.scalars(sa.select(OutboxMessage).order_by(OutboxMessage.id))]
    assert "ещё не найден в 1С" in errors[0] and errors[1] == ""  # the second waits behind the first
    onec.add_order("42")
    assert sync.run().sent == 2
    amounts = [d["СуммаДокумента"] for d in sorted(onec.documents("Document_ПриходныйКассовыйОрдер"),
                                                  key=lambda d: onec.created_at[d["Ref_Key"]])]
    assert amounts == [1000.0, 2000.0]


def test_delivery_result_goes_to_the_crm_and_never_regresses_a_closed_status(sqlite_db, crm, onec):
    first = crm.add_order(number="1", status="send-to-delivery")
    second = crm.add_order(number="2", status="send-to-delivery")
    onec.add_order("1")
    onec.add_order("2")
    sync = engine(sqlite_db, crm, onec)
    sync.run()
    record_delivery(sqlite_db, CASHIER, order_number="1", collected=1195000, kind=PaymentKind.CASH)
    record_delivery(sqlite_db, CASHIER, order_number="2", collected=1195000, kind=PaymentKind.CASH)
    crm.user_edit(second["id"], "status", "cancel-other")  # the manager closed it meanwhile
    report = sync.run()
    assert report.sent == 3 and report.skipped == 1 and report.parked == 0
    assert crm.orders[first["id"]]["status"] == "complete"
    assert crm.orders[first["id"]]["statusComment"] == "OmniDesk: доставлен"
    assert crm.orders[second["id"]]["status"] == "cancel-other"


def test_a_system_that_is_down_is_reported_and_the_pass_still_runs(sqlite_db, crm, onec):
    crm.add_order(number="5")
    onec.faults.outage = True
    report = engine(sqlite_db, crm, onec, attempts=2).run()
    assert report.crm.state == "ok" and report.orders_created == 1
    assert report.onec.state == "down" and "1С недоступна" in report.onec.error
    assert FakeOneCPassword not in " ".join(report.lines())


FakeOneCPassword = "Пароль-1С"


def test_parked_message_is_kept_with_its_error_and_retried_on_request(sqlite_db, crm, onec):
    from omnidesk.services.sync.send import retry_parked

    crm.add_order(number="9")
    onec.add_order("9")
    onec.add("Catalog_Организации", Description="Вторая организация")  # now 1C has two: a person must choose
    sync = engine(sqlite_db, crm, onec)
    sync.run()
    with sqlite_db.read() as s:
        customer_id = s.scalar(sa.select(Order.customer_id))
    register_payment(sqlite_db, CASHIER, customer_id=customer_id, kind=PaymentKind.CASH, amount=100,
                     allocations=[AllocationRequest("9", 100)])
    report = sync.run()
    assert report.parked == 1
    with sqlite_db.read() as s:
        assert "«организация»" in s.scalar(sa.select(OutboxMessage.last_error))
    sync2 = engine(sqlite_db, crm, onec, **{"onec.organization": "ООО «ОмниТепло»"})
    assert retry_parked(sqlite_db) == 1
    assert sync2.run().sent == 1


def test_reference_books_are_read_once_an_hour_and_kept_for_when_the_crm_is_down(sqlite_db, crm):
    crm.add_order(number="1")
    engine(sqlite_db, crm).run()
    with sqlite_db.read() as s:
        books = json.loads(s.scalar(sa.text("select value from sync_state where key = 'crm.references'")))
    assert books["statuses"]["complete"]["group"] == "complete" and "bank-transfer" in books["payment-types"]
    assert set(books["sites"]) == {"omnisan", "omnisan-pro"} and "courier" in books["delivery-types"]
    before = crm.requests
    engine(sqlite_db, crm).run()
    assert crm.requests - before == 1  # one history request, no reference books again within the hour


def test_a_payment_waiting_for_1c_does_not_hold_back_the_delivery_result_to_the_crm(sqlite_db, crm):
    order = crm.add_order(number="3", status="send-to-delivery")
    sync = engine(sqlite_db, crm)  # 1C not set up yet: payments (master = onec) wait for it
    sync.run()
    record_delivery(sqlite_db, CASHIER, order_number="3", collected=1195000, kind=PaymentKind.CASH)
    report = sync.run()
    assert report.sent == 1 and report.pending == 1
    assert crm.orders[order["id"]]["status"] == "complete"
