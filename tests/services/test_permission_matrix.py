"""The whole permission matrix walked through the services: every role × every operation.

Each operation is called as each role with arguments that name nothing (order «нет», id 999999…): a role
the matrix allows gets past the check and fails on the missing data (or succeeds), a role it does not allow
is refused with Forbidden that names the role needed. A service that looked things up before checking the
role would fail this test (the refusal must not depend on the data).
"""

import datetime as dt

import pytest

from omnidesk.config import Settings
from omnidesk.core.enums import PaymentKind, Role
from omnidesk.core.errors import Forbidden, OmniDeskError
from omnidesk.core.receipts import Operation
from omnidesk.services import audit, planning, reports, users
from omnidesk.services.auth import PERMISSIONS, ROLE_NAMES, Actor, may
from omnidesk.services.banking import book_line, import_statement, mark_not_ours, undo_allocation
from omnidesk.services.cashier import record_handover
from omnidesk.services.context import AppContext
from omnidesk.services.corrections import create_correction
from omnidesk.services.fiscal import FiscalJournal
from omnidesk.services.geocoding import geocode_orders
from omnidesk.services.ledger import (
    apply_advance,
    cancel_order,
    move_allocation,
    record_delivery,
    refund_advance,
    register_payment,
    return_goods,
    unallocate,
)

NONE = 999_999
DAY = dt.date(2026, 3, 10)


def _no_register():
    raise OSError("в этом тесте ККТ нет")


def _journal(db, actor):
    return FiscalJournal(db, _no_register, actor)


class _NoGeocoder:
    def geocode(self, query):
        return None


CALLS = {
    "payment.register": lambda db, a: register_payment(db, a, customer_id=NONE, kind=PaymentKind.CASH, amount=100),
    "advance.apply": lambda db, a: apply_advance(db, a, customer_id=NONE, order_number="нет", amount=100),
    "advance.refund": lambda db, a: refund_advance(db, a, customer_id=NONE, amount=100, kind=PaymentKind.CASH),
    "allocation.reverse": lambda db, a: unallocate(db, a, NONE),
    "allocation.move": lambda db, a: move_allocation(db, a, NONE, "нет"),
    "order.return": lambda db, a: return_goods(db, a, order_number="нет", lines={1: 1000}, kind=PaymentKind.CASH),
    "order.cancel": lambda db, a: cancel_order(db, a, order_number="нет"),
    "handover.receive": lambda db, a: record_handover(db, a, day=DAY, driver_id=NONE, cash=100, card=0),
    "receipt.print": lambda db, a: _journal(db, a).print_receipt(NONE),
    "receipt.correction": lambda db, a: create_correction(db, a, operation=Operation.INCOME, date=DAY, reason="тест",
                                                          electronic=False, customer_id=NONE, amount=100),
    "shift.open": lambda db, a: _journal(db, a).open_shift(),
    "shift.close": lambda db, a: _journal(db, a).close_shift(),
    "shift.x_report": lambda db, a: _journal(db, a).x_report(),
    "cash.in": lambda db, a: _journal(db, a).cash_in(100),
    "cash.out": lambda db, a: _journal(db, a).cash_out(100),
    "order.deliver": lambda db, a: record_delivery(db, a, order_number="нет", collected=100),
    "bank.import": lambda db, a: import_statement(db, a, b"not a statement", "x.txt"),
    "bank.book": lambda db, a: book_line(db, a, NONE, customer_id=NONE),
    "bank.not_ours": lambda db, a: mark_not_ours(db, a, NONE),
    "bank.unbook": lambda db, a: undo_allocation(db, a, NONE),
    "routes.save": lambda db, a: planning.plan_day(db, a, dt.date(2000, 1, 1), time_limit=0.1, max_iterations=1),
    "routes.publish": lambda db, a: planning.store.publish(db, a, None),
    "order.pin": lambda db, a: planning.set_pin(db, a, "нет", None),
    "order.carrier": lambda db, a: planning.set_carrier(db, a, "нет", "СДЭК", "1"),
    "order.geocode": lambda db, a: geocode_orders(db, a, _NoGeocoder(), dt.date(2000, 1, 1)),
    "export": lambda db, a: reports.payments_register(db, a, DAY, DAY),
    "act": lambda db, a: reports.reconciliation_act(db, a, NONE, DAY, DAY),
    "audit.view": lambda db, a: audit.entries(db, a),
    "users.manage": lambda db, a: users.list_users(db, a),
    "settings.change": lambda db, a: AppContext(db, Settings(), actor=a).update_settings({"company.name": "ООО"}),
}

ROLES = {role: Actor(f"Сотрудник ({role.value})", role, login=role.value) for role in Role}


def test_every_operation_of_the_matrix_is_walked():
    assert set(CALLS) == set(PERMISSIONS)


@pytest.fixture(scope="module")
def office_db(tmp_path_factory):
    """One demo database for the whole matrix (the checks come before any data is read or written)."""
    from omnidesk.services.demo import load_demo
    from tests.dbs import ready_database as open_database

    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('matrix') / 'office.sqlite3'}")
    load_demo(db, today=DAY)
    yield db
    db.engine.dispose()


@pytest.mark.parametrize("operation", sorted(PERMISSIONS))
def test_matrix(office_db, operation):
    demo_db = office_db
    for role, actor in ROLES.items():
        if may(actor, operation):
            try:
                CALLS[operation](demo_db, actor)
            except Forbidden as exc:
                pytest.fail(f"{role.value} refused {operation}: {exc}")
            except (OmniDeskError, LookupError, AttributeError):
                pass  # past the check, the made-up arguments name nothing
        else:
            with pytest.raises(Forbidden) as refused:
                CALLS[operation](demo_db, actor)
            message = str(refused.value)
            assert PERMISSIONS[operation].words in message and ROLE_NAMES[role] in message
            assert "нужна роль" in message and ROLE_NAMES[Role.ADMIN] in message


def test_the_matrix_is_what_the_office_agreed():
    """cashier: money, printing, shift, handover; logist: plans, routes, delivery outcomes, no money or
    printing; manager: bank, allocations, exports, acts; only the admin manages users and settings."""
    logist, cashier, manager = ROLES[Role.LOGIST], ROLES[Role.CASHIER], ROLES[Role.MANAGER]
    for op in ("payment.register", "receipt.print", "shift.open", "cash.in", "handover.receive", "bank.import"):
        assert not may(logist, op)
    for op in ("routes.save", "routes.publish", "order.deliver", "order.carrier", "order.pin"):
        assert may(logist, op)
    for op in ("payment.register", "receipt.print", "shift.open", "shift.close", "handover.receive"):
        assert may(cashier, op)
    for op in ("bank.import", "bank.book", "allocation.move", "allocation.reverse", "export", "act", "audit.view"):
        assert may(manager, op)
    assert not may(manager, "receipt.print") and not may(cashier, "routes.publish")
    for role in (logist, cashier, manager):
        assert not may(role, "users.manage") and not may(role, "settings.change")
    assert all(may(ROLES[Role.ADMIN], op) for op in PERMISSIONS)
