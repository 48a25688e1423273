"""Random orders × random money histories: every receipt balances and the receipts add up.

A history is: 0–3 partial prepayments, then either a cancellation (refund or conversion of the
prepayment) or a delivery with random refusals (the excess prepayment refunded or converted)
followed by 0–2 later returns. The test keeps its own ledger of the money that moved and
checks the receipts against it.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from omnidesk.core.enums import PaymentSubject
from omnidesk.core.receipts import (
    Method,
    Operation,
    OrderLineSnap,
    OrderSnap,
    ReceiptKind,
    amount_for_quantity,
    explain,
    plan_advance,
    plan_conversion_to_advance,
    plan_goods_refund,
    plan_prepayment,
    plan_prepayment_refund,
    quote_delivery,
    settle_delivery,
)
from omnidesk.core.vat import VatRate

FAST = settings(max_examples=250, deadline=None)
VATS = (VatRate.VAT22, VatRate.VAT10, VatRate.VAT5, VatRate.VAT0, VatRate.NONE)
SUBJECTS = (PaymentSubject.GOODS, PaymentSubject.SERVICE, PaymentSubject.MARKED_GOODS)
QUANTITIES = st.one_of(st.sampled_from([1000, 2000, 3000, 7000, 12000]), st.integers(1, 40_000))


@st.composite
def order_lines(draw, line_id):
    quantity = draw(QUANTITIES)
    price = draw(st.integers(1, 3_000_000))
    full = max(price * quantity // 1000, 1)
    amount = draw(st.one_of(st.just(full), st.integers(1, full)))  # list price or discounted
    return OrderLineSnap(line_id, f"Товар {line_id}", quantity, price, amount, draw(st.sampled_from(VATS)),
                         draw(st.sampled_from(SUBJECTS)), draw(st.sampled_from(["шт", "м", "кг"])))


@st.composite
def orders(draw, order_id=1):
    count = draw(st.integers(1, 8))
    lines = tuple(draw(order_lines(order_id * 100 + i)) for i in range(count))
    return OrderSnap(order_id, str(10_000 + order_id), 77, lines)


def split(draw, total):
    """(cash, electronic) adding up to total."""
    cash = draw(st.integers(0, total))
    return cash, total - cash


class Ledger:
    """The test's own account of what happened, beside the receipts."""

    def __init__(self):
        self.plans = []
        self.paid_in = 0
        self.paid_out = 0
        self.advance = 0
        self.offset = 0
        self.accepted = {}

    def add(self, *plans):
        self.plans.extend(plans)


def prepay(draw, order, ledger):
    for payment_id in range(draw(st.integers(0, 3))):
        due = order.total - ledger.paid_in
        if due == 0:
            break
        amount = draw(st.one_of(st.just(due), st.integers(1, due)))
        plan = plan_prepayment(order, amount, electronic=draw(st.booleans()), payment_id=payment_id,
                               already_prepaid=ledger.paid_in)
        assert plan.total == amount  # the spread adds up
        ledger.paid_in += amount
        ledger.add(plan)


def prepayment_method(ledger):
    methods = {line.method for p in ledger.plans if p.kind is ReceiptKind.PREPAYMENT for line in p.lines}
    assert len(methods) == 1
    return methods.pop()


def give_back(draw, order, ledger, amount, refused):
    """Refund or convert prepaid money with no goods behind it."""
    method = prepayment_method(ledger)
    if draw(st.booleans()):
        plan = plan_prepayment_refund(order, amount, method=method, electronic=draw(st.booleans()), lines=refused)
        assert plan.total == amount
        ledger.paid_out += amount
        ledger.add(plan)
    else:
        back, forward = plan_conversion_to_advance(order, amount, method=method, lines=refused)
        assert back.total == forward.total == amount and back.electronic == forward.electronic == amount
        ledger.advance += amount
        ledger.add(back, forward)


def deliver(draw, order, ledger):
    accepted = {line.id: draw(st.one_of(st.just(line.quantity_milli), st.just(0),
                                        st.integers(0, line.quantity_milli))) for line in order.lines}
    quote = quote_delivery(order, accepted, ledger.paid_in)
    cash, electronic = split(draw, quote.due)
    settled = settle_delivery(order, accepted, ledger.paid_in, cash, electronic)
    assert settled.accepted_total + settled.refused_total == order.total
    assert settled.prepayment_applied + settled.excess_prepayment == ledger.paid_in
    ledger.paid_in += cash + electronic
    ledger.offset = settled.prepayment_applied
    ledger.accepted = {line.id: quantity for line, quantity in settled.accepted}
    if settled.final is not None:
        assert settled.final.total == settled.accepted_total
        ledger.add(settled.final)
    if settled.excess_prepayment:
        give_back(draw, order, ledger, settled.excess_prepayment, settled.refused)
    return settled


def return_later(draw, order, ledger):
    kept = dict(ledger.accepted)
    for _ in range(draw(st.integers(0, 2))):
        returned = [(line, draw(st.integers(0, kept[line.id]))) for line in order.lines if kept.get(line.id)]
        value = sum(amount_for_quantity(line, quantity) for line, quantity in returned)
        if value == 0:
            continue
        cash, electronic = split(draw, value)
        ledger.add(plan_goods_refund(order, returned, cash=cash, electronic=electronic))
        ledger.paid_out += value
        for line, quantity in returned:
            kept[line.id] -= quantity


@st.composite
def histories(draw):
    order = draw(orders())
    ledger = Ledger()
    prepay(draw, order, ledger)
    if draw(st.integers(0, 4)) == 0:  # cancelled before delivery
        if ledger.paid_in:
            give_back(draw, order, ledger, ledger.paid_in, None)
    else:
        deliver(draw, order, ledger)
        return_later(draw, order, ledger)
    return order, ledger


def sign(plan):
    return 1 if plan.operation is Operation.INCOME else -1


def net_by_method(plans, methods):
    return sum(sign(p) * line.amount for p in plans for line in p.lines if line.method in methods)


def assert_no_float(value):
    assert not isinstance(value, float)
    if dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            assert_no_float(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            assert_no_float(item)


@FAST
@given(histories())
def test_every_receipt_balances_and_is_made_of_exact_integer_lines(history):
    order, ledger = history
    for plan in ledger.plans:
        assert plan.cash + plan.electronic + plan.prepayment_offset + plan.credit == plan.total
        assert plan.total == sum(line.amount for line in plan.lines) > 0
        for line in plan.lines:
            assert line.amount > 0 and abs((line.price * line.quantity_milli + 500) // 1000 - line.amount) <= 1  # the register: ±1 kopeck
        assert plan.order_ids == (order.id,)
        assert_no_float(plan)
        assert explain(plan)


@FAST
@given(histories())
def test_receipts_for_an_order_add_up_to_what_the_customer_paid_net(history):
    _order, ledger = history
    assert sum(plan.signed_money for plan in ledger.plans) == ledger.paid_in - ledger.paid_out
    # money = goods kept + advance left, once the prepayment is offset or given back
    prepaid_net = net_by_method(ledger.plans, {Method.FULL_PREPAYMENT, Method.PREPAYMENT})
    assert prepaid_net == ledger.offset
    goods = net_by_method(ledger.plans, {Method.FULL_SETTLEMENT})
    advance = net_by_method(ledger.plans, {Method.ADVANCE})
    assert advance == ledger.advance
    assert ledger.paid_in - ledger.paid_out == goods + advance


@FAST
@given(histories())
def test_goods_receipts_never_exceed_what_was_accepted(history):
    order, ledger = history
    sold, returned = defaultdict(int), defaultdict(int)
    for plan in ledger.plans:
        for line in plan.lines:
            if line.method is Method.FULL_SETTLEMENT:
                (sold if plan.operation is Operation.INCOME else returned)[line.order_line_id] += line.amount
    for line in order.lines:
        accepted_value = amount_for_quantity(line, ledger.accepted.get(line.id, 0))
        assert sold[line.id] == accepted_value
        assert 0 <= returned[line.id] <= sold[line.id]


@FAST
@given(orders(), st.integers(0, 3), st.data())
def test_one_transfer_across_orders_spreads_exactly_and_leaves_the_rest_as_advance(first, extra, data):
    chosen = [first] + [data.draw(orders(order_id=i + 2)) for i in range(extra)]
    parts = [data.draw(st.integers(1, order.total)) for order in chosen]
    remainder = data.draw(st.integers(0, 10_000_000))
    plans = [plan_prepayment(order, part, electronic=True, payment_id=1) for order, part in zip(chosen, parts, strict=False)]
    if remainder:
        plans.append(plan_advance(77, remainder, electronic=True, payment_id=1))
    assert sum(p.electronic for p in plans) == sum(parts) + remainder
    for order, plan, part in zip(chosen, plans, parts, strict=False):
        assert plan.total == part
        assert {int(l.method) for l in plan.lines} == ({1} if part == order.total else {2})
        assert all(l.vat.is_calculated or l.vat in (VatRate.VAT0, VatRate.NONE) for l in plan.lines)
        assert len(plan.lines) <= len(order.lines) + 1  # at most one line split to keep its quantity
