"""The office day over a pty and over socket://, real pyserial; every document read back equals the journal."""

from __future__ import annotations

import datetime as dt
import json

from fiscal_drivers import (
    Correction,
    CorrectionType,
    DocumentType,
    Line,
    Operation,
    PaymentMethod,
    Payments,
    PaymentSubject,
    Person,
    Receipt,
    TaxSystem,
    VatRate,
)
from fiscal_drivers.emulator import journal_tags

from .conftest import CASHIER

RADIATOR = Line(name="Радиатор биметаллический 10 секций", price=622500, quantity=2000, vat=VatRate.VAT22)
PIPE = Line(name="Труба PPR 20 мм", price=12000, quantity=1500, vat=VatRate.VAT22, measure=21)  # 1.5 m
VALVE = Line(name="Кран шаровый 1/2", price=45000, vat=VatRate.VAT22, marking_code="0104600439931256215Abc")


def check_document(kkt, emulator, fd: int) -> dict:
    entry = next(doc for doc in emulator.journal if doc["number"] == fd)
    doc = kkt.read_document(fd)
    assert doc.tags == journal_tags(entry)
    assert doc.fiscal_sign == entry["fiscal_sign"] and doc.type == entry["type"]
    return doc.tags


def test_office_day(kkt, emulator) -> None:
    shift = kkt.open_shift(CASHIER)
    assert shift.shift_number == 1
    assert check_document(kkt, emulator, shift.fd_number)[1021] == CASHIER.name
    assert kkt.cash_in(500000).document_counter > 0

    # sale: several lines at 22 %, cash with change, buyer contact, cashier, buyer in 1256
    sale = Receipt(
        operation=Operation.INCOME, lines=(RADIATOR, PIPE, VALVE), payments=Payments(cash=1400000),
        cashier=CASHIER, buyer_contact="+79161234567", buyer=Person(name="Петров П.П.", inn="500100732259"),
    )
    res = kkt.print_receipt(sale)
    assert res.change == 1400000 - (1245000 + 18000 + 45000) and not res.recovered
    tags = check_document(kkt, emulator, res.fd_number)
    assert tags[1020] == 1308000 and tags[1031] == 1308000 and tags[1008] == "+79161234567"
    assert [item[1199] for item in tags[1059]] == [11, 11, 11]
    assert tags[1059][1][1023] == "1.5" and tags[1059][1][2108] == 21 and tags[1059][2][2000] == VALVE.marking_code
    assert tags[1256] == {1227: "Петров П.П.", 1228: "500100732259"} and tags[1203] == CASHIER.inn

    full_prepay = kkt.print_receipt(Receipt(
        operation=Operation.INCOME, lines=(RADIATOR.__class__(**{**RADIATOR.__dict__, "method": PaymentMethod.PREPAYMENT_FULL, "vat": VatRate.VAT22_122}),),
        payments=Payments(electronic=1245000),
    ))
    assert check_document(kkt, emulator, full_prepay.fd_number)[1059][0][1214] == 1
    partial = kkt.print_receipt(Receipt(
        operation=Operation.INCOME,
        lines=(Line(name=RADIATOR.name, price=300000, method=PaymentMethod.PREPAYMENT, vat=VatRate.VAT22_122),),
        payments=Payments(electronic=300000),
    ))
    assert check_document(kkt, emulator, partial.fd_number)[1059][0][1214] == 2
    advance = kkt.print_receipt(Receipt(
        operation=Operation.INCOME, tax_system=TaxSystem.OSN,
        lines=(Line(name="Аванс по заказу №1024", price=100000, method=PaymentMethod.ADVANCE,
                    subject=PaymentSubject.PAYMENT, vat=VatRate.VAT22_122),),
        payments=Payments(electronic=100000),
    ))
    item = check_document(kkt, emulator, advance.fd_number)[1059][0]
    assert (item[1214], item[1212], item[1199]) == (3, 10, 12)

    final = kkt.print_receipt(Receipt(
        operation=Operation.INCOME, lines=(RADIATOR,), payments=Payments(prepayment=1245000 - 45000, cash=45000),
    ))
    tags = check_document(kkt, emulator, final.fd_number)
    assert (tags[1215], tags[1031], tags[1059][0][1214]) == (1200000, 45000, 4)

    refund = kkt.print_receipt(Receipt(
        operation=Operation.INCOME_RETURN, lines=(VALVE,), payments=Payments(cash=45000), cashier=CASHIER,
    ))
    assert check_document(kkt, emulator, refund.fd_number)[1054] == 2

    correction = kkt.print_correction(Correction(
        operation=Operation.INCOME, lines=(PIPE,), payments=Payments(cash=18000),
        correction_type=CorrectionType.BY_ORDER, corrected_date=dt.date(2026, 3, 2), order_number="ПР-17",
    ))
    tags = check_document(kkt, emulator, correction.fd_number)
    assert tags[1173] == 1 and tags[1174] == {1178: 1772409600, 1179: "ПР-17"}
    assert kkt.read_document(correction.fd_number).type == DocumentType.CORRECTION

    assert kkt.cash_out(100000).document_counter > 0
    kkt.x_report()
    z = kkt.close_shift(CASHIER)
    assert check_document(kkt, emulator, z.fd_number)[1038] == 1
    status = kkt.status()
    assert not status.shift_open and status.last_document_number == z.fd_number == 9
    assert kkt.last_document_number() == len(emulator.journal) == 9


def test_journal_file_is_jsonl_in_kopecks(kkt, emulator, tmp_path) -> None:
    kkt.open_shift(CASHIER)
    kkt.print_receipt(Receipt(operation=Operation.INCOME, lines=(RADIATOR,), payments=Payments(electronic=1245000)))
    lines = (tmp_path / "fn.jsonl").read_text(encoding="utf-8").splitlines()
    doc = json.loads(lines[-1])
    assert doc["1054"] == 1 and doc["1020"] == 1245000 and doc["1081"] == 1245000
    assert doc["1059"] == [{
        "1030": RADIATOR.name, "1079": 622500, "1023": "2", "1043": 1245000, "1199": 11, "1200": 224508,
        "1212": 1, "1214": 4, "2108": 0,
    }]
    assert doc["1102"] == 224508
    assert {"number", "type", "datetime", "fiscal_sign"} <= set(doc)


def test_vat_family_is_an_option(emulator) -> None:
    from fiscal_drivers import open_register
    from fiscal_drivers.shtrih.vat import VAT_FAMILIES

    from .conftest import fast_timeouts

    assert VAT_FAMILIES["classic"][11] == 0xCB and VAT_FAMILIES["nano"][12] == 0xA0
    emulator.device.rate_by_byte = {b: r for r, b in VAT_FAMILIES["nano"].items()}
    with open_register(emulator.url, vat_family="nano", timeouts=fast_timeouts()) as kkt:
        kkt.open_shift()
        res = kkt.print_receipt(Receipt(operation=Operation.INCOME, lines=(RADIATOR,), payments=Payments(cash=1245000)))
        assert kkt.read_document(res.fd_number).tags[1059][0][1199] == 11
