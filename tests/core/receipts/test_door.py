"""core.receipts.door: each stop's receipt for a full delivery and what every refusal changes."""

from __future__ import annotations

from omnidesk.core.enums import PaymentSubject
from omnidesk.core.receipts import Method, OrderLineSnap, OrderSnap
from omnidesk.core.receipts.door import door_json, door_receipt, door_text
from omnidesk.core.vat import VatRate

ORDER = OrderSnap(1, "20001", 7, (
    OrderLineSnap(1, "Радиатор", 2000, 1245000, 2490000, VatRate.VAT22, PaymentSubject.GOODS),
    OrderLineSnap(2, "Труба PP-R 20 мм", 12500, 41250, 515625, VatRate.VAT22, PaymentSubject.GOODS, unit="м"),
))


def test_full_delivery_with_a_prepayment_and_its_refusals():
    door = door_receipt(ORDER, 1000000, contact="+79161234567")
    plan = door.full
    assert plan is not None and door.collect == 2005625 and door.needs_register_at_door
    assert [(line.quantity_milli, line.unit, line.price, line.method) for line in plan.lines] == [
        (2000, "шт", 1245000, Method.FULL_SETTLEMENT), (12500, "м", 41250, Method.FULL_SETTLEMENT)]
    assert plan.prepayment_offset == 1000000 and plan.cash == 2005625
    pipe = door.refusals[1]
    assert (pipe.collect, pipe.offset, pipe.excess) == (1490000, 1000000, 0)
    radiator = door.refusals[0]
    assert (radiator.collect, radiator.offset, radiator.excess) == (0, 515625, 484375)
    data = door_json(door)
    assert data["receipt"]["lines"][1]["quantity"] == "12.5" and data["receipt"]["lines"][1]["unit"] == "м"
    assert not door.paper_with_goods


def test_prepaid_in_full_is_fiscalised_by_the_office_and_without_contact_the_paper_goes_with_the_goods():
    door = door_receipt(ORDER, ORDER.total)
    assert door.collect == 0 and not door.needs_register_at_door and door.paper_with_goods
    text = "\n".join(door_text(door))
    assert "пробивает офис" in text and "бумажные чеки" in text


def test_nothing_to_fiscalise():
    door = door_receipt(ORDER, ORDER.total, owes_receipt=False)
    assert door.full is None and door_text(door) == ("Чек у двери не нужен",)
