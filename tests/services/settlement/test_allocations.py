"""Unallocating and moving money between a customer's orders: reversing entries and the receipts they owe."""

import pytest
import sqlalchemy as sa

from omnidesk.core.enums import CustomerKind, PaymentKind
from omnidesk.core.errors import InvalidInput
from omnidesk.persistence.models import Allocation
from omnidesk.services.customers import customer_card
from omnidesk.services.ledger import (
    AllocationRequest,
    allocations_of_customer,
    move_allocation,
    register_payment,
    unallocate,
)

from .conftest import CASHIER


def _paid(db, customer, *orders):
    register_payment(db, CASHIER, customer_id=customer, kind=PaymentKind.CARD, amount=300000,
                     allocations=[AllocationRequest(n) for n in orders])
    return allocations_of_customer(db, int(customer))


def test_move_a_mistaken_allocation_to_the_right_order(db, shop, journal, emulator):
    buyer = shop.customer()
    wrong, right = shop.order(buyer, ("Кран", 1, 300000)), shop.order(buyer, ("Смеситель", 1, 300000))
    [allocation] = _paid(db, buyer, wrong)
    journal.print_owed()
    undone, receipts = move_allocation(db, CASHIER, allocation.id, right)
    assert undone.live == 0 and undone.reversed == 300000
    card = customer_card(db, buyer)
    assert {r.number: r.paid for r in card.open_orders} == {wrong: 0, right: 300000}
    assert card.balance == 0
    # the prepayment printed for the wrong order now stands as an advance, then offsets the right order later
    assert [(r.plan.kind, r.plan.total) for r in receipts] == [("conversion_return", 300000), ("conversion_advance", 300000)]
    docs = [d for d in emulator.journal if d["type"] == 3]
    run = journal.print_owed()
    assert run.error is None and len(run.printed) == 2
    new = [d for d in emulator.journal if d["type"] == 3][len(docs):]
    assert [(d["1054"], d["1059"][0]["1214"]) for d in new] == [(2, 1), (1, 3)]
    with db.read() as s:
        rows = s.execute(sa.select(Allocation.amount, Allocation.reverses_id).order_by(Allocation.id)).all()
    assert [r.amount for r in rows] == [300000, -300000, 300000] and rows[1].reverses_id is not None


def test_unallocate_part_back_to_the_advance(db, shop):
    buyer = shop.customer()
    order = shop.order(buyer, ("Радиатор", 1, 300000))
    [allocation] = _paid(db, buyer, order)
    undone, _ = unallocate(db, CASHIER, allocation.id, 100000)
    assert undone.live == 200000
    assert customer_card(db, buyer).balance == 100000
    with pytest.raises(InvalidInput, match="осталось"):
        unallocate(db, CASHIER, allocation.id, 250000)


def test_company_money_moves_without_receipts(db, shop):
    company = shop.customer(kind=CustomerKind.COMPANY, name="ООО «Вертикаль»", inn="7707083893")
    a, b = shop.order(company, ("Котёл", 1, 300000)), shop.order(company, ("Бак", 1, 300000))
    register_payment(db, CASHIER, customer_id=company, kind=PaymentKind.TRANSFER, amount=300000,
                     allocations=[AllocationRequest(a)])
    [allocation] = allocations_of_customer(db, int(company))
    _, receipts = move_allocation(db, CASHIER, allocation.id, b)
    assert receipts == ()


def test_cannot_move_to_another_customers_order(db, shop):
    buyer, other = shop.customer(), shop.customer(name="Другой Покупатель")
    mine, theirs = shop.order(buyer, ("Кран", 1, 300000)), shop.order(other, ("Кран", 1, 300000))
    [allocation] = _paid(db, buyer, mine)
    with pytest.raises(InvalidInput, match="другого покупателя"):
        move_allocation(db, CASHIER, allocation.id, theirs)
    assert customer_card(db, buyer).open_orders[0].paid == 300000  # nothing happened
