"""Routes to 1C as transport tasks (and back: «Доставлено»), links read from 1C, the bank import's outbox."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import sqlalchemy as sa

from omnidesk.core.enums import CustomerKind, OrderStatus, RouteStatus, StopKind
from omnidesk.persistence.models import Customer, Driver, Order, OutboxMessage, Route, Stop, SyncConflict, Vehicle
from omnidesk.services.auth import Actor, Role
from omnidesk.services.ledger import AllocationRequest, PaymentRequest, record_payments
from omnidesk.services.sync import outbox
from omnidesk.services.sync.state import put_state

from .conftest import engine


@pytest.fixture
def sqlite_db(db):
    """Named for history: each test runs on SQLite and on PostgreSQL (the ``db`` fixture)."""
    return db


def _orders_and_route(db, crm, onec, driver_name="Д'Артаньян Шарль") -> int:
    for n in ("R1", "R2"):
        crm.add_order(number=n, status="send-to-delivery")
        onec.add_order(n)
    engine(db, crm, onec).run()
    with db.unit_of_work() as s:
        van = Vehicle(plate="А123ВС777", model="ГАЗель", capacity_kg=1500, capacity_dm3=9000)
        s.add(van)
        s.flush()
        driver = Driver(name=driver_name, vehicle_id=van.id)
        s.add(driver)
        s.flush()
        orders = s.scalars(sa.select(Order).order_by(Order.number)).all()
        route = Route(date=dt.date(2026, 12, 10), driver_id=driver.id, vehicle_id=van.id, status=RouteStatus.PUBLISHED,
                      duration_s=4 * 3600, stops=[Stop(seq=i, kind=StopKind.DELIVERY, order_id=o.id, planned_arrival=36000 + i * 600)
                                                  for i, o in enumerate(orders, start=1)])
        s.add(route)
        s.flush()
        outbox.route_published(s, route)
        return route.id


def test_published_route_becomes_a_posted_transport_task_and_delivered_flags_come_back(sqlite_db, crm, onec):
    person = onec.add("Catalog_ФизическиеЛица", Description="Д'Артаньян Шарль")
    onec.add("Catalog_ФизическиеЛица", Description="Другой водитель")
    van = onec.add("Catalog_ТранспортныеСредства", Description="А123ВС777", ГрузоподъемностьВТоннах=1.8)
    _orders_and_route(sqlite_db, crm, onec)
    report = engine(sqlite_db, crm, onec).run()
    assert report.sent == 1 and report.parked == 0
    (task,) = onec.documents("Document_ЗаданиеНаПеревозку")
    assert task["Posted"] and task["Водитель_Key"] == person and task["ТранспортноеСредство"] == van
    rows = task["Распоряжения"]
    assert [r["LineNumber"] for r in rows] == ["1", "2"]
    assert rows[0]["Распоряжение_Type"] == "StandardODATA.Document_ЗаказКлиента"
    assert rows[0]["ВремяС"] == "0001-01-01T10:00:00" and rows[0]["ВремяПо"] == "0001-01-01T14:00:00"
    with sqlite_db.read() as s:
        assert s.scalar(sa.select(Driver.onec_id)) == person  # linked by the escaped name
        assert s.scalar(sa.select(Vehicle.capacity_kg)) == 1800  # capacity pulled from 1C
        assert all(o.onec_id for o in s.scalars(sa.select(Order)))  # found by number, remembered by key
    rows[0]["Доставлено"] = True  # the driver's mobile 1C client marks the first order delivered
    report = engine(sqlite_db, crm, onec).run()
    assert report.onec_pulled["delivered_flags"] == 1
    with sqlite_db.read() as s:
        assert [st.result for st in s.scalars(sa.select(Stop).order_by(Stop.seq))] == ["delivered_1c", None]


def test_republished_route_is_patched_under_if_match_and_a_412_parks_it_as_a_conflict(sqlite_db, crm, onec,
                                                                                   monkeypatch):
    onec.add("Catalog_ФизическиеЛица", Description="Д'Артаньян Шарль")
    route_id = _orders_and_route(sqlite_db, crm, onec)
    engine(sqlite_db, crm, onec).run()
    with sqlite_db.unit_of_work() as s:
        route = s.get(Route, route_id)
        route.stops[1].planned_arrival = None
        route.duration_s = 5 * 3600
        outbox.route_published(s, route)
    assert engine(sqlite_db, crm, onec).run().sent == 1
    (task,) = onec.documents("Document_ЗаданиеНаПеревозку")
    assert task["ДатаВремяРейсаПланПо"].endswith("15:10:00")
    assert len(onec.created) == 1  # changed in place, never a second task

    from tests.fakes import onec as fake_module

    original = fake_module.FakeOneC._route

    def stale(self, handler, method, *args):  # someone edits the task in 1C between our read and our write
        if method == "PATCH":
            self.sets["Document_ЗаданиеНаПеревозку"][args[1]]["DataVersion"] = "AAAAAQAAAGc="
        return original(self, handler, method, *args)

    monkeypatch.setattr(fake_module.FakeOneC, "_route", stale)
    with sqlite_db.unit_of_work() as s:
        route = s.get(Route, route_id)
        route.duration_s = 6 * 3600
        outbox.route_published(s, route)
    report = engine(sqlite_db, crm, onec).run()
    assert report.parked == 1 and report.conflicts_open == 1
    with sqlite_db.read() as s:
        assert "конфликт" in s.scalar(sa.select(SyncConflict.detail))


def test_customers_are_linked_to_1c_contragents_by_inn(sqlite_db, onec):
    key = onec.add("Catalog_Контрагенты", Description="ООО Ромашка", ИНН="7701234567")
    with sqlite_db.unit_of_work() as s:
        s.add(Customer(kind=CustomerKind.COMPANY, name="Ромашка", inn="7701234567"))
    report = engine(sqlite_db, None, onec).run()
    assert report.onec_pulled["customers_linked"] == 1
    with sqlite_db.read() as s:
        assert s.scalar(sa.select(Customer.onec_id)) == key


def test_crm_external_id_that_is_a_guid_is_the_1c_order_key(sqlite_db, crm):
    ref = str(uuid.uuid4())
    crm.add_order(number="G1", external_id=ref)
    engine(sqlite_db, crm).run()
    with sqlite_db.read() as s:
        assert s.scalar(sa.select(Order.onec_id)) == ref


def test_the_bank_imports_batch_booking_writes_one_message_per_payment(sqlite_db):
    with sqlite_db.unit_of_work() as s:
        put_state(s, "outbox.enabled", "1")  # sync has been set up (its first pass does this)
        buyer = Customer(kind=CustomerKind.COMPANY, name="ООО Ромашка", inn="7701234567")
        s.add(buyer)
        s.flush()
        for n in ("B1", "B2"):
            s.add(Order(number=n, customer_id=buyer.id, status=OrderStatus.READY, total=100000))
        s.flush()
        requests = [PaymentRequest(buyer.id, 100000, (AllocationRequest(n),), dt.datetime(2026, 12, 2), source_key=n)
                    for n in ("B1", "B2")]
        recorded = record_payments(s, Actor("Менеджер", Role.MANAGER), requests)
    with sqlite_db.read() as s:
        messages = s.scalars(sa.select(OutboxMessage).order_by(OutboxMessage.id)).all()
        assert [m.external_id for m in messages] == [f"payment-{r.payment_id}" for r in recorded]
        assert [m.stream for m in messages] == ["order:B1", "order:B2"]


def test_nothing_is_queued_before_sync_is_set_up(sqlite_db):
    with sqlite_db.unit_of_work() as s:
        buyer = Customer(kind=CustomerKind.COMPANY, name="ООО Лютик", inn="7701234500")
        s.add(buyer)
        s.flush()
        s.add(Order(number="N1", customer_id=buyer.id, status=OrderStatus.READY, total=100000))
        s.flush()
        record_payments(s, Actor("Менеджер", Role.MANAGER),
                        [PaymentRequest(buyer.id, 100000, (AllocationRequest("N1"),), dt.datetime(2026, 12, 2))])
    with sqlite_db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(OutboxMessage)) == 0


def test_amounts_reach_1c_as_the_exact_two_decimal_number():
    import json
    from decimal import Decimal

    from hypothesis import given
    from hypothesis import strategies as st

    from omnidesk.services.sync.to_onec import MAX_EXACT_KOPECKS, _money

    @given(st.integers(min_value=-(MAX_EXACT_KOPECKS - 1), max_value=MAX_EXACT_KOPECKS - 1))
    def exact(kopecks):
        assert Decimal(json.dumps(_money(kopecks))) == Decimal(kopecks) / 100

    exact()
    assert json.dumps(_money(1_234_567_890_12)) == "1234567890.12"
