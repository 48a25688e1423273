"""The fiscal adapter prints a ReceiptPlan as it is, and speaks no fiscal_drivers type to its callers."""

import datetime as dt

import pytest

from fiscal_drivers.emulator import Emulator
from omnidesk.core.cashier import Cashier
from omnidesk.core.enums import PaymentSubject
from omnidesk.core.receipts import Correction, CorrectionType, Method, Operation, PlanLine, ReceiptKind, ReceiptPlan
from omnidesk.core.vat import VatRate
from omnidesk.integrations.fiscal import DeviceDocument, RegisterConnection, RegisterError

TAP = PlanLine("Смеситель Grohe", 2000, 500000, 1000000, VatRate.VAT22, Method.FULL_SETTLEMENT, PaymentSubject.GOODS)


def test_a_correction_plan_prints_as_a_correction_with_its_tags(tmp_path):
    plan = ReceiptPlan(ReceiptKind.CORRECTION, Operation.INCOME, (TAP,), cash=1000000, electronic=0,
                       buyer_contact="+79161234567",
                       correction=Correction(CorrectionType.BY_ORDER, dt.date(2026, 3, 2), "12-34/5"))
    with Emulator(journal=str(tmp_path / "fn.jsonl"), state=str(tmp_path / "kkt.json")) as emulator:
        connection = RegisterConnection(emulator.url)
        try:
            connection.open_shift(Cashier("Петрова", "Кассир"))
            printed = connection.print(plan, Cashier("Петрова", "Кассир"))
            assert isinstance(printed, DeviceDocument) and printed.fd_number > 0
            [document] = [d for d in emulator.journal if d["number"] == printed.fd_number]
        finally:
            connection.close()
    assert document["type"] == 31  # a correction receipt (FFD 1.2)
    assert (document["1054"], document["1173"], document["1174"]["1179"]) == (1, 1, "12-34/5")
    assert (document["1020"], document["1031"], document["1008"], document["1021"]) == (
        1000000, 1000000, "+79161234567", "Кассир Петрова")
    [item] = document["1059"]
    assert (item["1030"], item["1023"], item["1079"], item["1043"], item["1214"]) == (
        "Смеситель Grohe", "2", 500000, 1000000, 4)


def test_an_unreachable_register_is_one_error_in_the_device_words():
    with pytest.raises(RegisterError):
        RegisterConnection("socket://127.0.0.1:9")
