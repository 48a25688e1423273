"""Issue 12 item 1, a full day: three drivers with registers (three emulator processes), one without.

Prepaid, partly paid, cash and card at the door, a refusal, a missed door receipt. After
``read_register`` for each driver every receipt is in exactly one FN, nothing is owed at the
office for door money, and the missed one shows its correction.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from omnidesk.core.cashier import Cashier
from omnidesk.core.enums import PaymentKind, ReceiptStatus, RouteStatus, StopKind
from omnidesk.core.errors import InvalidInput
from omnidesk.integrations.fiscal import RegisterConnection
from omnidesk.persistence.models import Driver, Order, Receipt, Route, Stop
from omnidesk.services.door import door_texts, read_register, route_door_data, set_driver_register
from omnidesk.services.ledger import AllocationRequest, record_delivery, register_payment
from omnidesk.services.receipts import get_receipt, list_receipts

from .conftest import CASHIER, receipts_in_fn

RADIATOR = ("Радиатор 500×80", 2, 1245000)
VALVE = ("Кран шаровой 1/2", 3, 52000)


class Register:
    """A driver's portable register: the emulator in its own process, over TCP."""

    def __init__(self, tmp: Path, name: str, serial: str, fn: str) -> None:
        self.journal_path = tmp / f"{name}.jsonl"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "fiscal_drivers.emulator", "--tcp", "0", "--journal", str(self.journal_path),
             "--state", str(tmp / f"{name}.json"), "--busy-rate", "0", "--serial", serial, "--fn-number", fn],
            stdout=subprocess.PIPE, text=True,
        )
        self.url = self.process.stdout.readline().strip()  # type: ignore[union-attr]
        self.fn = fn

    def documents(self) -> list[dict]:
        lines = self.journal_path.read_text(encoding="utf-8").splitlines() if self.journal_path.exists() else []
        return [doc for doc in map(json.loads, lines) if doc["type"] in (3, 31)]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def registers(tmp_path):
    made = [Register(tmp_path, f"driver{i}", f"00000000{i}0", f"99990789000000{i}0") for i in (1, 2, 3)]
    yield made
    for register in made:
        register.stop()


def driver(db, name: str) -> int:
    with db.unit_of_work() as s:
        d = Driver(name=name)
        s.add(d)
        s.flush()
        return d.id


def route(db, driver_id: int, *order_numbers: str) -> int:
    with db.unit_of_work() as s:
        ids = [s.query(Order).filter_by(number=n).one().id for n in order_numbers]
        r = Route(date=dt.date(2026, 3, 10), driver_id=driver_id, status=RouteStatus.PUBLISHED)
        r.stops = [Stop(seq=i, kind=StopKind.DELIVERY, order_id=order_id) for i, order_id in enumerate(ids, 1)]
        s.add(r)
        s.flush()
        return r.id


def prints_at_the_door(db, register: Register, result, name: str) -> None:
    """The driver's device prints the stop's prepared receipt on the driver's register."""
    connection = RegisterConnection(register.url)
    try:
        if not connection.status().shift_open:
            connection.open_shift(Cashier(name, "Водитель-экспедитор"))
        for receipt in result.receipts:
            connection.print(get_receipt(db, receipt.id).plan, Cashier(name, "Водитель-экспедитор"))
    finally:
        connection.close()


def test_a_day_of_door_receipts(db, shop, journal, emulator, registers):
    anna, boris, vera = registers
    drivers = {name: driver(db, name) for name in ("Соколов А. В.", "Белов Б. Н.", "Волков В. П.", "Зайцев З. К.")}
    for driver_id, register in zip(drivers.values(), registers, strict=False):
        set_driver_register(db, CASHIER, driver_id, url=register.url)
    d1, d2, d3, d4 = drivers.values()
    buyer = shop.customer(phone="+79161234567")
    prepaid, at_door_cash, partly, missed, card, no_register = (
        shop.order(buyer, RADIATOR), shop.order(buyer, VALVE), shop.order(buyer, RADIATOR, VALVE),
        shop.order(buyer, VALVE), shop.order(buyer, RADIATOR), shop.order(buyer, VALVE))
    register_payment(db, CASHIER, customer_id=buyer, kind=PaymentKind.CARD, amount=2490000,
                     allocations=[AllocationRequest(prepaid)])
    register_payment(db, CASHIER, customer_id=buyer, kind=PaymentKind.SBP, amount=1000000,
                     allocations=[AllocationRequest(partly)])

    # before the route leaves: each stop's receipt, and how a refusal changes it
    first_route = route(db, d1, prepaid, at_door_cash)
    data = route_door_data(db, first_route)
    assert [s["collect"] for s in data["stops"]] == [0, 156000] and data["fiscalise_at_door"]
    assert [s["print_at_door"] for s in data["stops"]] == [False, True]
    door_line = data["stops"][1]["receipt"]["lines"][0]
    assert (door_line["quantity"], door_line["unit"], door_line["price"], door_line["method"]) == ("3", "шт", 52000, 4)
    with db.read() as s:
        partly_id = s.query(Order).filter_by(number=partly).one().id
    text = "\n".join(door_texts(db, [partly_id])[partly_id]).replace("\xa0", " ")
    assert "Зачёт предоплаты (1215): 10 000,00 ₽" in text and "Получить: 16 460,00 ₽" in text
    assert "Отказ от «Кран шаровой 1/2»: строки нет в чеке, зачёт 10 000,00 ₽, получить 14 900,00 ₽" in text

    # the day at the doors
    record_delivery(db, CASHIER, order_number=prepaid, driver_id=d1)  # prepaid: nothing to collect
    cash = record_delivery(db, CASHIER, order_number=at_door_cash, collected=156000, kind=PaymentKind.CASH,
                           driver_id=d1)
    prints_at_the_door(db, anna, cash, "Соколов А. В.")
    refused = record_delivery(db, CASHIER, order_number=partly, refused={2: 3000}, collected=1490000,
                              kind=PaymentKind.CARD, driver_id=d2)
    prints_at_the_door(db, boris, refused, "Белов Б. Н.")
    record_delivery(db, CASHIER, order_number=missed, collected=156000, kind=PaymentKind.CASH, driver_id=d2)
    # ... and Белов forgets to print this one
    by_card = record_delivery(db, CASHIER, order_number=card, collected=2490000, kind=PaymentKind.CARD, driver_id=d3)
    prints_at_the_door(db, vera, by_card, "Волков В. П.")
    unregistered = record_delivery(db, CASHIER, order_number=no_register, collected=156000, kind=PaymentKind.CASH,
                                   driver_id=d4)
    assert "нет своей ККТ" in unregistered.summary

    # the office prints what may be fiscalised away from the customer — never door money
    run = journal.print_owed()
    assert run.error is None
    office_kinds = sorted(r.plan.kind.value for r in run.printed)
    assert office_kinds == ["final", "payment_at_door", "prepayment", "prepayment"]  # D4's cash falls to the office
    with pytest.raises(InvalidInput, match="у двери"):
        journal.print_receipt(next(r.id for r in list_receipts(db, owed_only=True)))

    # the drivers come back
    readings = [read_register(db, CASHIER, driver_id, RegisterConnection) for driver_id in (d1, d2, d3)]
    assert [len(r.matched) for r in readings] == [1, 1, 1]
    assert [d.kind for r in readings for d in r.discrepancies] == ["missing"]
    [missing] = readings[1].discrepancies
    assert "не пробит" in missing.why and len(missing.corrections) == 1
    assert get_receipt(db, missing.receipt_id).door_status == "missing"
    door_view = get_receipt(db, readings[2].matched[0][0])
    assert (door_view.door_status, door_view.fn_number, door_view.door_driver_id) == ("matched", vera.fn, d3)
    from omnidesk.services.cashier import handover

    day = {row.driver_id: row for row in handover(db, dt.date.today())}  # the handover uses the same reading
    assert (day[d2].door_read, day[d2].door_missing, day[d2].door_unread) == (1490000, 156000, 0)
    assert (day[d1].door_read, day[d3].door_read, day[d4].door_read) == (156000, 2490000, 0)
    again = read_register(db, CASHIER, d2, RegisterConnection)  # nothing new since the last reading
    assert again.matched == () and again.discrepancies == () and again.read_from == readings[1].read_to

    run = journal.print_owed()  # the correction of the missed door receipt, at the office
    assert run.error is None and [r.plan.kind.value for r in run.printed] == ["correction"]
    correction = receipts_in_fn(emulator)[-1]
    assert correction["type"] == 31 and correction["1173"] == 0 and correction["1031"] == 156000
    assert [i["1214"] for i in correction["1059"]] == [4]

    # every receipt is in exactly one FN, nothing is owed
    assert list_receipts(db, owed_only=True) == []
    fns = {emulator.device.fn_number: receipts_in_fn(emulator), **{r.fn: r.documents() for r in registers}}
    with db.read() as s:
        printed = s.query(Receipt).filter(Receipt.status == ReceiptStatus.PRINTED).all()
        for receipt in printed:
            homes = [fn for fn, docs in fns.items()
                     if any(d["number"] == receipt.fd_number and str(d["fiscal_sign"]) == receipt.fiscal_sign
                            for d in docs)]
            assert homes == [receipt.fn_number], receipt.id
        door = [r for r in printed if r.door_driver_id]
        assert sorted(r.fn_number for r in door) == sorted(reg.fn for reg in registers)
        assert all(r.cashier_name == "Водитель-экспедитор " + name
                   for r in door for name, i in drivers.items() if i == r.door_driver_id)
    assert sum(len(r.documents()) for r in registers) == 3
