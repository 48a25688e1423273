"""Issue 12 in the GUI: a driver's own register on the handover tab — set it, read it, see what it found.

The driver's register is the emulator in its own process over TCP; the driver prints one stop's receipt
there and forgets another, as in tests/services/settlement/test_door_day.py.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from omnidesk.core.cashier import Cashier
from omnidesk.core.enums import CustomerKind, PaymentKind
from omnidesk.core.money import format_amount
from omnidesk.integrations.fiscal import RegisterConnection
from omnidesk.persistence.models import Driver
from omnidesk.services import door
from omnidesk.services import orders as order_service
from omnidesk.services.ledger import record_delivery
from omnidesk.services.receipts import get_receipt
from omnidesk.ui.cashier.driver_register import DriverRegisterDialog

from .conftest import CASHIER

FN = "9999078900000077"


@pytest.fixture
def driver_register(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "fiscal_drivers.emulator", "--tcp", "0", "--journal", str(tmp_path / "drv.jsonl"),
         "--state", str(tmp_path / "drv.json"), "--busy-rate", "0", "--serial", "0000000077", "--fn-number", FN],
        stdout=subprocess.PIPE, text=True)
    url = process.stdout.readline().strip()  # type: ignore[union-attr]
    yield url
    process.terminate()
    process.wait(timeout=10)


def new_driver(db, name: str) -> int:
    with db.unit_of_work() as s:
        d = Driver(name=name)
        s.add(d)
        s.flush()
        return d.id


def unpaid_orders(db, count: int) -> list:
    rows = [r for r in order_service.list_orders(db)
            if r.customer_kind is CustomerKind.INDIVIDUAL and r.status.is_open and r.paid == 0 and r.due > 0]
    return rows[:count]


def print_on(url: str, db, receipts) -> None:
    connection = RegisterConnection(url)
    try:
        if not connection.status().shift_open:
            connection.open_shift(Cashier("Соколов А. В.", "Водитель-экспедитор"))
        for receipt in receipts:
            connection.print(get_receipt(db, receipt.id).plan, Cashier("Соколов А. В.", "Водитель-экспедитор"))
    finally:
        connection.close()


def handover_row(panel, driver_id: int):
    return next(r for r in panel.model.rows() if r.driver_id == driver_id)


def test_set_and_read_a_drivers_register(qtbot, window, answers, settle, driver_register):
    db, page = window.db, window.cashier_page
    panel = page.handover
    page.right_tabs.setCurrentWidget(panel)
    sokolov, zaitsev = new_driver(db, "Соколов А. В."), new_driver(db, "Зайцев З. К.")
    printed, forgotten, elsewhere = unpaid_orders(db, 3)
    record_delivery(db, CASHIER, order_number=elsewhere.number, collected=elsewhere.due, kind=PaymentKind.CASH,
                    driver_id=zaitsev)
    panel.reload()
    qtbot.waitUntil(lambda: any(r.driver_id == zaitsev for r in panel.model.rows()), timeout=10_000)

    # a driver without a register: the button is disabled and says why
    panel.select_driver(zaitsev)
    assert not panel.read_button.isEnabled()
    assert "has no register of their own" in panel.read_button.toolTip() and "Зайцев" in panel.read_button.toolTip()

    # «Касса водителя…»: the port, serial and FN on Соколов's card (a wrong FN is refused in the dialog)
    def fill(dialog) -> bool:
        assert isinstance(dialog, DriverRegisterDialog)
        dialog.driver.setCurrentIndex(dialog.driver.findData(sokolov))
        dialog.url.setText(driver_register)
        dialog.fn_number.setText("12ab")
        dialog.accept()
        assert "digits only" in dialog.error.text() and dialog.result() == 0
        dialog.fn_number.setText(FN)
        dialog.serial.setText("0000000077")
        return True

    answers.fill = fill
    panel.setup_button.click()
    settle(window)
    qtbot.waitUntil(lambda: sokolov in panel.registers, timeout=10_000)
    assert answers.errors == []
    assert (panel.registers[sokolov].url, panel.registers[sokolov].fn_number) == (driver_register, FN)

    # the day at the doors: one receipt printed on the driver's register, one forgotten
    done = record_delivery(db, CASHIER, order_number=printed.number, collected=printed.due, kind=PaymentKind.CASH,
                           driver_id=sokolov)
    print_on(driver_register, db, done.receipts)
    record_delivery(db, CASHIER, order_number=forgotten.number, collected=forgotten.due, kind=PaymentKind.CASH,
                    driver_id=sokolov)
    panel.reload()
    qtbot.waitUntil(lambda: any(r.driver_id == sokolov for r in panel.model.rows()), timeout=10_000)
    before = handover_row(panel, sokolov)
    assert before.door_unread == printed.due + forgotten.due, before
    panel.select_driver(sokolov)
    assert panel.read_button.isEnabled(), panel.read_button.toolTip()

    with qtbot.waitSignal(panel.register_read, timeout=20_000) as read:
        panel.read_button.click()
    reading = read.args[0]
    assert len(reading.matched) == 1 and reading.matched_total == printed.due
    [missing] = reading.discrepancies
    assert missing.kind == "missing" and missing.corrections
    text = panel.reading.toPlainText().replace("\xa0", " ")
    assert "Matched with the stops: 1 receipt(s)" in text, text  # the tests run the English source strings
    assert "Not printed at the door" in text and f"№{forgotten.number}" in text and "чек коррекции" in text
    assert f"correction receipt(s) now owed: №{missing.corrections[0]}" in text
    settle(window)
    qtbot.waitUntil(lambda: handover_row(panel, sokolov).door_unread == 0, timeout=10_000)
    after = handover_row(panel, sokolov)
    assert after.door_read == printed.due and after.door_missing == forgotten.due, after
    totals = panel.totals.text().replace("\xa0", " ")
    assert f"confirmed {format_amount(after.door_read)}".replace("\xa0", " ") in totals and "not read yet 0,00" in totals, totals
    assert answers.errors == []


def test_a_register_that_does_not_answer_is_a_clear_message(qtbot, window, answers, settle):
    db, panel = window.db, window.cashier_page.handover
    driver_id = new_driver(db, "Белов Б. Н.")
    door.set_driver_register(db, CASHIER, driver_id, url="socket://127.0.0.1:9")  # nothing listens there
    [order] = unpaid_orders(db, 1)
    record_delivery(db, CASHIER, order_number=order.number, collected=order.due, kind=PaymentKind.CASH,
                    driver_id=driver_id)
    panel.reload()
    qtbot.waitUntil(lambda: any(r.driver_id == driver_id for r in panel.model.rows()), timeout=10_000)
    panel.select_driver(driver_id)
    assert panel.read_button.isEnabled()
    panel.read_button.click()
    qtbot.waitUntil(lambda: bool(answers.errors), timeout=20_000)
    assert "ККТ водителя Белов Б. Н. не прочитана" in answers.errors[0], answers.errors
    assert "Traceback" not in answers.errors[0] and panel.read_button.isEnabled()
    settle(window)
