"""The same order named twice in one payment is paid once (issue 10, item 1)."""

import pytest

from omnidesk.core.enums import PaymentKind
from omnidesk.core.errors import InvalidInput
from omnidesk.services.customers import customer_card
from omnidesk.services.ledger import AllocationRequest, register_payment
from omnidesk.services.receipts import list_receipts

from .conftest import CASHIER


def test_an_order_named_twice_is_paid_once_and_the_rest_is_an_advance(db, shop):
    buyer = shop.customer()
    order = shop.order(buyer, ("Смеситель", 1, 894000))
    result = register_payment(db, CASHIER, customer_id=buyer, kind=PaymentKind.CARD, amount=2000000,
                              allocations=[AllocationRequest(order), AllocationRequest(order)])
    assert result.allocated == ((order, 894000),)
    assert result.advance == 2000000 - 894000
    card = customer_card(db, buyer)
    assert {r.number: r.paid for r in card.open_orders} == {order: 894000}
    assert card.balance == 2000000 - 894000
    kinds = sorted(r.plan.kind for r in list_receipts(db, owed_only=True))
    assert kinds == ["advance", "prepayment"]


def test_amounts_for_one_order_named_twice_add_up_within_what_it_owes(db, shop):
    buyer = shop.customer()
    order = shop.order(buyer, ("Радиатор", 1, 500000))
    result = register_payment(db, CASHIER, customer_id=buyer, kind=PaymentKind.CARD, amount=500000,
                              allocations=[AllocationRequest(order, 200000), AllocationRequest(f"№{order}", 300000)])
    assert result.allocated == ((order, 500000),)
    with pytest.raises(InvalidInput, match="к оплате"):
        register_payment(db, CASHIER, customer_id=buyer, kind=PaymentKind.CARD, amount=600000,
                         allocations=[AllocationRequest(order, 1), AllocationRequest(order, 1)])
    other = shop.order(buyer, ("Кран", 1, 100000))
    with pytest.raises(InvalidInput, match="к оплате"):
        register_payment(db, CASHIER, customer_id=buyer, kind=PaymentKind.CARD, amount=300000,
                         allocations=[AllocationRequest(other, 60000), AllocationRequest(other, 60000)])
    assert {r.number: r.paid for r in customer_card(db, buyer).open_orders} == {order: 500000, other: 0}
