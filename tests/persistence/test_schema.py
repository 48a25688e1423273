"""Models and migrations on SQLite and PostgreSQL."""

import datetime as dt

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from omnidesk.core.enums import CustomerKind, PaymentKind
from omnidesk.core.errors import Conflict
from omnidesk.persistence import migrate
from omnidesk.persistence.base import Base
from omnidesk.persistence.models import AuditEntry, Customer, Payment
from omnidesk.services.database import init_database


def test_migrations_create_exactly_the_models(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []
    assert migrate.is_up_to_date(db.engine)


def test_init_upgrades_in_place_and_keeps_data(db_url):
    db, first = init_database(db_url)
    assert first.created
    with db.unit_of_work() as s:
        s.add(Customer(kind=CustomerKind.INDIVIDUAL, name="Иванов Иван", phone="+79160000001"))
    db.engine.dispose()
    db, second = init_database(db_url)
    assert not second.created and second.revision_before == second.revision_after == migrate.head_revision()
    with db.read() as s:
        assert s.scalars(sa.select(Customer.name)).all() == ["Иванов Иван"]
    db.engine.dispose()


def test_audit_log_is_append_only_in_the_database(db):
    with db.unit_of_work() as s:
        s.add(AuditEntry(user="кассир", action="payment.add", entity="payment", entity_id=1, details="{}"))
    for statement in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(sa.exc.DBAPIError):
            with db.engine.begin() as conn:
                conn.execute(sa.text(statement))
    with db.read() as s:
        assert s.scalar(sa.select(AuditEntry.action)) == "payment.add"


def _payment(customer_id: int) -> Payment:
    return Payment(customer_id=customer_id, kind=PaymentKind.CASH, amount=100000,
                   received_at=dt.datetime(2026, 3, 10, 12, 0))


def test_two_workstations_cannot_both_change_one_payment(db):
    with db.unit_of_work() as s:
        customer = Customer(kind=CustomerKind.INDIVIDUAL, name="Петров")
        s.add(customer)
        s.flush()
        s.add(_payment(customer.id))
    first, second = db._sessions(), db._sessions()
    a = first.scalar(sa.select(Payment))
    b = second.scalar(sa.select(Payment))
    a.purpose = "первое рабочее место"
    first.commit()
    b.purpose = "второе рабочее место"
    with pytest.raises(Conflict, match="другом рабочем месте"):
        with db.unit_of_work() as third:
            third.merge(b, load=True)  # the stale copy carries version 1
            third.flush()
    first.close()
    second.close()
    with db.read() as s:
        assert s.scalar(sa.select(Payment.purpose)) == "первое рабочее место"


def test_payment_amount_must_be_positive(db):
    with db.unit_of_work() as s:
        customer = Customer(kind=CustomerKind.INDIVIDUAL, name="Сидоров")
        s.add(customer)
    with pytest.raises(sa.exc.IntegrityError):
        with db.unit_of_work() as s:
            p = _payment(customer.id)
            p.amount = 0
            s.add(p)


def test_upgrade_from_the_first_revision_keeps_orders(db_url):
    """A database made by an older OmniDesk is upgraded in place by init."""
    from alembic import command

    from omnidesk.persistence.db import make_engine

    engine = make_engine(db_url)
    config = migrate.alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO customers (kind, name, created_at) VALUES ('individual', 'Старый', '2025-01-01')"))
        conn.execute(sa.text(
            "INSERT INTO orders (number, customer_id, status, created_at, total, address, weight_g, volume_cm3, source, comment)"
            " VALUES ('9001', 1, 'new', '2025-01-01', 100000, 'Москва', 0, 0, 'own', '')"))
    engine.dispose()
    db, result = init_database(db_url)
    assert result.revision_before == "0001" and result.revision_after == migrate.head_revision()
    from omnidesk.services.orders import list_orders

    rows = list_orders(db)
    assert [(r.number, r.total, r.customer_name) for r in rows] == [("9001", 100000, "Старый")]
    db.engine.dispose()


def test_the_head_every_command_checks_is_the_migrations_own_head():
    # open_database compares the database's revision with migrate.HEAD without loading Alembic:
    # a new migration must move HEAD too, or every command would call an up-to-date database old
    assert migrate.scripts_head() == migrate.HEAD
