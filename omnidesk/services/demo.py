"""The demo dataset: a Moscow plumbing retailer's today and tomorrow, the same every time.

About 80 orders over two days for about 40 customers, a catalogue with VAT 22 %, three supplier
warehouses, six drivers with vans, and some orders already fully or partly prepaid.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from omnidesk.core.enums import (
    CustomerKind,
    DepotKind,
    OrderSource,
    OrderStatus,
    PaymentKind,
    PaymentSubject,
)
from omnidesk.core.inn import with_check_digits
from omnidesk.core.vat import VatRate
from omnidesk.paths import load_json_resource
from omnidesk.persistence.models import (
    AuditEntry,
    Customer,
    CustomerContact,
    Depot,
    Driver,
    Order,
    OrderLine,
    Product,
    Vehicle,
)

from .auth import Actor
from .ledger import AllocationRequest, register_payment
from .uow import Database

DEMO = Actor("demo")

SEED = 20260105
FIRST_ORDER_NUMBER = 10201
N_CUSTOMERS = 40
N_ORDERS = 80
_TRANSLIT = str.maketrans(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "abvgdeezziiklmnoprstufhccss_y_eua",
)


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    orders: int
    products: int
    drivers: int
    payments: int


class DemoAlreadyLoaded(Exception):
    pass


DEMO_MARK = "demo.load"  # the audit entry that marks a database as holding the demo dataset


def is_demo_database(db: Database) -> bool:
    """Whether the demo dataset was loaded into this database: its receipts are fictitious and may only
    ever be printed on the demo's own emulator."""
    with db.read() as session:
        return session.scalar(select(AuditEntry.id).where(AuditEntry.action == DEMO_MARK).limit(1)) is not None


def load_demo(db: Database, today: dt.date | None = None) -> DemoSummary:
    """Add the demo dataset to an empty database (orders for ``today`` and the day after)."""
    today = today or dt.date.today()
    seed = load_json_resource("demo", "demo_seed.json")
    rng = random.Random(SEED)
    with db.unit_of_work() as session:
        if session.scalar(select(func.count(Order.id))):
            raise DemoAlreadyLoaded("в базе уже есть заказы — демонстрационные данные не добавлены")
        products = _products(session, seed)
        own, suppliers = _depots(session, seed)
        drivers = _drivers(session, seed, own)
        customers = _customers(session, seed, rng)
        orders = _orders(session, seed, rng, customers, products, suppliers, today)
        payments = _prepayments(session, rng, orders, today) + _advances(rng, customers, today)
        session.add(AuditEntry(user="demo", action=DEMO_MARK, entity="database", details="{}"))
        summary = DemoSummary(len(customers), len(orders), len(products), len(drivers), len(payments))
    for payment in payments:  # through the ledger, so the receipts they owe are waiting for the cashier
        register_payment(db, DEMO, **payment)
    return summary


def _products(session: Session, seed: dict) -> list[Product]:
    products = [
        Product(
            sku=p["sku"], name=p["name"], category=p["category"], price=p["price"] * 100,
            vat_rate=VatRate.parse(p["vat"]), payment_subject=PaymentSubject.GOODS,
            weight_g=p["weight_g"], volume_cm3=p["volume_cm3"], unit=p["unit"],
        )
        for p in seed["catalog"]
    ]
    session.add_all(products)
    return products


def _depots(session: Session, seed: dict) -> tuple[Depot, list[Depot]]:
    d = seed["depot"]
    own = Depot(kind=DepotKind.OWN, name=d["name"], address=d["address"], lat=d["lat"], lon=d["lon"])
    suppliers = [
        Depot(kind=DepotKind.SUPPLIER, name=s["name"], address=s["address"], lat=s["lat"], lon=s["lon"],
              open_from=9 * 60, open_to=18 * 60)
        for s in seed["suppliers"]
    ]
    session.add_all([own, *suppliers])
    session.flush()
    return own, suppliers


def _drivers(session: Session, seed: dict, own: Depot) -> list[Driver]:
    drivers = []
    for i, d in enumerate(seed["drivers"]):
        van = Vehicle(plate=d["plate"], model=d["model"], capacity_kg=d["capacity_kg"],
                      capacity_dm3=d["capacity_dm3"], depot_id=own.id)
        start = 8 * 60 if i % 2 == 0 else 9 * 60
        phone = f"+7916{5550100 + i * 11:07d}"
        drivers.append(Driver(name=d["name"], phone=phone, shift_start=start, shift_end=start + 12 * 60, vehicle=van))
    session.add_all(drivers)
    return drivers


def _person_name(seed: dict, rng: random.Random) -> str:
    if rng.random() < 0.7:
        return f"{rng.choice(seed['last_m'])} {rng.choice(seed['first_m'])} {rng.choice(seed['patr_m'])}"
    last = rng.choice(seed["last_m"]) + "а"
    return f"{last} {rng.choice(seed['first_f'])} {rng.choice(seed['patr_f'])}"


def _customers(session: Session, seed: dict, rng: random.Random) -> list[Customer]:
    customers: list[Customer] = []
    for i, name in enumerate(seed["companies"]):
        inn = with_check_digits(f"77{rng.randrange(10**7):07d}")
        phone = f"+7495{rng.randrange(10**7):07d}"
        customers.append(Customer(kind=CustomerKind.COMPANY, name=name, inn=inn, kpp=f"77{i + 1:02d}01001",
                                  phone=phone, email=f"buh{i + 1}@company{i + 1}.ru"))
    for name in seed["sole_traders"]:
        inn = with_check_digits(f"50{rng.randrange(10**8):08d}")
        customers.append(Customer(kind=CustomerKind.SOLE_TRADER, name=name, inn=inn,
                                  phone=f"+7926{rng.randrange(10**7):07d}"))
    seen_names = {c.name for c in customers}
    while len(customers) < N_CUSTOMERS:
        name = _person_name(seed, rng)
        if name in seen_names:
            continue
        seen_names.add(name)
        last, first = name.split()[:2]
        login = f"{first.lower().translate(_TRANSLIT)}.{last.lower().translate(_TRANSLIT)}"
        customers.append(Customer(kind=CustomerKind.INDIVIDUAL, name=name,
                                  phone=f"+79{rng.randrange(10**9):09d}", email=f"{login}@mail.ru"))
    for c in customers:
        c.contacts = [CustomerContact(kind="phone", value=c.phone)]
        if c.email:
            c.contacts.append(CustomerContact(kind="email", value=c.email))
    session.add_all(customers)
    session.flush()
    return customers


def _orders(session, seed, rng, customers, products, suppliers, today) -> list[Order]:
    # a handful of customers get 2–4 open orders at once
    repeaters = rng.sample(customers, 10)
    owners = [c for c in repeaters for _ in range(rng.randint(2, 4))]
    owners += rng.choices(customers, k=N_ORDERS - len(owners))
    rng.shuffle(owners)
    orders = []
    for i, customer in enumerate(owners[:N_ORDERS]):
        day = today if i % 2 == 0 else today + dt.timedelta(days=1)
        orders.append(_order(seed, rng, FIRST_ORDER_NUMBER + i, customer, products, suppliers, day, today))
    session.add_all(orders)
    session.flush()
    return orders


def _order(seed, rng, number, customer, products, suppliers, day, today) -> Order:
    place = rng.choice(seed["streets"])
    start = rng.choice(range(9, 19)) * 60
    length = rng.choice((120, 180))
    from_supplier = rng.random() < 0.15
    if day == today:
        status = rng.choice((OrderStatus.SHIPPED, OrderStatus.SHIPPED, OrderStatus.READY))
    else:
        status = rng.choice((OrderStatus.CONFIRMED, OrderStatus.ASSEMBLING, OrderStatus.READY))
    order = Order(
        number=str(number), customer_id=customer.id, status=status,
        created_at=dt.datetime.combine(day - dt.timedelta(days=rng.randint(1, 6)), dt.time(10, 0)),
        delivery_date=day, window_start=start, window_end=min(start + length, 21 * 60),
        address=f"{place['street']}, д. {rng.randint(1, 140)}" + (f", кв. {rng.randint(1, 300)}" if rng.random() < 0.6 else ""),
        lat=round(place["lat"] + rng.uniform(-0.012, 0.012), 6),
        lon=round(place["lon"] + rng.uniform(-0.02, 0.02), 6),
        source=OrderSource.SUPPLIER if from_supplier else OrderSource.OWN_WAREHOUSE,
        supplier_depot_id=rng.choice(suppliers).id if from_supplier else None,
        contact_phone=customer.phone,
    )
    order.lines = _lines(rng, products)
    order.total = sum(line.amount for line in order.lines)
    order.weight_g = sum(line.weight_g for line in order.lines)
    order.volume_cm3 = sum(line.volume_cm3 for line in order.lines)
    return order


def _lines(rng: random.Random, products: list[Product]) -> list[OrderLine]:
    main = rng.choice([p for p in products if p.price >= 300000])
    chosen = [main, *rng.sample([p for p in products if p is not main], rng.randint(0, 4))]
    lines = []
    for no, product in enumerate(chosen, start=1):
        qty = 1 if product.price >= 300000 else rng.choice((1, 2, 2, 4, 6, 10, 20))
        lines.append(OrderLine(
            line_no=no, product_id=product.id, name=product.name, quantity_milli=qty * 1000,
            price=product.price, amount=product.price * qty, vat_rate=product.vat_rate,
            payment_subject=product.payment_subject, unit=product.unit,
            weight_g=product.weight_g * qty, volume_cm3=product.volume_cm3 * qty,
        ))
    return lines


def _prepayments(session: Session, rng: random.Random, orders: list[Order], today: dt.date) -> list[dict]:
    """About a third of the orders are prepaid: fully by card, SBP or transfer, or partly."""
    payments = []
    for order in orders:
        roll = rng.random()
        if roll > 0.35:
            continue
        customer = session.get(Customer, order.customer_id)
        kind = PaymentKind.TRANSFER if customer.kind is not CustomerKind.INDIVIDUAL else rng.choice(
            (PaymentKind.CARD, PaymentKind.SBP, PaymentKind.TRANSFER))
        amount = order.total if roll < 0.25 else (order.total * rng.choice((30, 50)) // 100) // 10000 * 10000
        if amount <= 0:
            continue
        payments.append(dict(
            customer_id=customer.id, kind=kind, amount=amount, allocations=[AllocationRequest(order.number)],
            received_at=_some_time_before(rng, today), purpose=f"Оплата заказа №{order.number}", source="demo",
        ))
    return payments


def _advances(rng: random.Random, customers: list[Customer], today: dt.date) -> list[dict]:
    """Two people who paid in advance before choosing their goods."""
    people = [c for c in customers if c.kind is CustomerKind.INDIVIDUAL][-2:]
    return [
        dict(customer_id=c.id, kind=PaymentKind.SBP, amount=amount, received_at=_some_time_before(rng, today),
             purpose="Аванс за оборудование", source="demo")
        for c, amount in zip(people, (1500000, 500000), strict=False)
    ]


def _some_time_before(rng: random.Random, today: dt.date) -> dt.datetime:
    day = today - dt.timedelta(days=rng.randint(1, 4))
    return dt.datetime.combine(day, dt.time(rng.randint(9, 18), rng.randint(0, 59)))
