import datetime as dt

import pytest
import sqlalchemy as sa

from omnidesk.core.enums import CustomerKind, OrderSource, OrderStatus, PaymentKind
from omnidesk.core.errors import Ambiguous, NotFound
from omnidesk.persistence.models import Customer, Depot, Driver, Order, OrderLine, Payment, Product
from omnidesk.services.auth import Actor
from omnidesk.services.customers import customer_card, resolve_customer, resolve_customer_id
from omnidesk.services.demo import DemoAlreadyLoaded, load_demo
from omnidesk.services.ledger import register_payment
from omnidesk.services.orders import list_orders, order_detail

TODAY = dt.date(2026, 3, 10)


def test_demo_dataset_is_realistic(demo_db):
    rows = list_orders(demo_db)
    assert 70 <= len(rows) <= 90
    assert {r.delivery_date for r in rows} == {TODAY, TODAY + dt.timedelta(days=1)}
    with demo_db.read() as s:
        customers = s.scalars(sa.select(Customer)).all()
        assert 35 <= len(customers) <= 45
        kinds = [c.kind for c in customers]
        assert kinds.count(CustomerKind.INDIVIDUAL) > len(customers) / 2
        assert all(c.inn and c.kpp for c in customers if c.kind is CustomerKind.COMPANY)
        assert all(c.phone and c.email for c in customers if c.kind is CustomerKind.INDIVIDUAL)
        orders = s.scalars(sa.select(Order)).all()
        assert all(55.3 < o.lat < 56.1 and 37.1 < o.lon < 38.2 for o in orders)
        assert all(120 <= o.window_end - o.window_start <= 180 for o in orders)
        weights = [line.weight_g for line in s.scalars(sa.select(OrderLine))]
        assert min(weights) <= 2000 and max(weights) >= 180000  # fittings to cast-iron bathtubs
        suppliers = s.scalars(sa.select(Depot).where(Depot.kind == "supplier")).all()
        assert len(suppliers) == 3
        assert sum(o.source is OrderSource.SUPPLIER for o in orders) >= 5
        assert len(s.scalars(sa.select(Driver)).all()) == 6
        assert s.scalars(sa.select(Product.vat_rate)).all().count("22") == 0  # enums, not strings
        per_customer = s.execute(sa.select(Order.customer_id, sa.func.count()).group_by(Order.customer_id)).all()
        assert sum(1 for _cid, n in per_customer if 2 <= n <= 4) >= 5
    paid = [r for r in rows if r.paid]
    assert any(r.paid == r.total for r in paid) and any(0 < r.paid < r.total for r in paid)
    assert any(r.paid == 0 for r in rows)


def test_demo_is_the_same_every_time(db, sqlite_url, tmp_path):
    from omnidesk.services.database import init_database

    other = init_database(f"sqlite:///{tmp_path / 'other.sqlite3'}")[0]
    load_demo(db, today=TODAY)
    load_demo(other, today=TODAY)
    assert list_orders(db) == list_orders(other)
    with pytest.raises(DemoAlreadyLoaded):
        load_demo(db, today=TODAY)


def test_filters_and_detail(demo_db):
    tomorrow = list_orders(demo_db, date=TODAY + dt.timedelta(days=1))
    assert tomorrow and all(r.delivery_date == TODAY + dt.timedelta(days=1) for r in tomorrow)
    ready = list_orders(demo_db, status=OrderStatus.READY)
    assert ready and all(r.status is OrderStatus.READY for r in ready)
    prepaid = next(r for r in list_orders(demo_db) if r.paid)
    detail = order_detail(demo_db, prepaid.id)
    assert sum(line.amount for line in detail.lines) == prepaid.total
    assert sum(p.allocated_here for p in detail.payments) == prepaid.paid
    with pytest.raises(NotFound):
        order_detail(demo_db, 999_999)


def test_customer_found_by_id_inn_phone_or_name(demo_db):
    with demo_db.read() as s:
        company = s.scalar(sa.select(Customer).where(Customer.kind == CustomerKind.COMPANY))
        for ref in (str(company.id), company.inn, company.phone, company.name.upper(), "8" + company.phone[2:]):
            assert resolve_customer(s, ref).id == company.id
        with pytest.raises(NotFound):
            resolve_customer(s, "Никто Никтович")


def test_ambiguous_reference_names_the_candidates(db):
    with db.unit_of_work() as s:
        s.add_all([Customer(kind=CustomerKind.INDIVIDUAL, name="Иванов Иван", phone="+79161110000"),
                   Customer(kind=CustomerKind.INDIVIDUAL, name="Иванов Иван", phone="+79162220000")])
    with db.read() as s, pytest.raises(Ambiguous, match="нескольким"):
        resolve_customer(s, "иванов иван")


def test_card_balance_is_payments_minus_allocations(demo_db):
    with demo_db.unit_of_work() as s:
        payment = s.scalar(sa.select(Payment).order_by(Payment.id))
        # the customer pays 5 000 ₽ more, not tied to an order: an advance
        s.add(Payment(customer_id=payment.customer_id, kind=payment.kind, amount=500000,
                      received_at=dt.datetime(2026, 3, 10, 9, 0)))
        customer_id = payment.customer_id
    card = customer_card(demo_db, customer_id)
    assert card.balance == 500000
    assert sum(e.amount for e in card.ledger) == card.balance
    assert all(r.status.is_open for r in card.open_orders)


def test_services_take_a_customer_id_and_refuse_an_unknown_one_writing_nothing(demo_db):
    with demo_db.read() as s:
        before = s.scalar(sa.select(sa.func.count()).select_from(Payment))
        known = s.scalar(sa.select(Customer).where(Customer.inn.is_not(None)).order_by(Customer.id))
        known_id, known_inn = known.id, known.inn
    with pytest.raises(NotFound, match="покупатель 999999 не найден"):
        register_payment(demo_db, Actor("Кассир"), customer_id=999999, kind=PaymentKind.CASH, amount=100000)
    with demo_db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Payment)) == before
    # typed text (here an INN from a CLI argument) is turned into the id at the edge, by one function
    assert resolve_customer_id(demo_db, known_inn) == known_id
    assert customer_card(demo_db, known_id).customer.id == known_id
