"""Item 12 (text never becomes "?") and item 13 (VAT sums, FCh/11h, FN archive read-back) on the emulator."""

from __future__ import annotations

from fiscal_drivers import Line, Operation, Payments, Receipt, VatRate, ffd
from fiscal_drivers.text import fiscal_text

from .conftest import CASHIER


def test_stand_ins_for_characters_outside_the_code_page() -> None:
    assert fiscal_text("Радиатор 500×80 — 10 секций, 1 200 ₽") == "Радиатор 500x80 - 10 секций, 1 200 руб."
    assert fiscal_text("Кран «Бугатти» ½″ №5") == 'Кран «Бугатти» 1/2" №5'
    assert fiscal_text("Кран «Бугатти»", "cp866") == 'Кран "Бугатти"'
    assert "?" not in fiscal_text("Ø20 ≤ 5 café ✓")


def test_item_name_and_buyer_reach_the_fn_without_question_marks(kkt, emulator) -> None:
    kkt.open_shift(CASHIER)
    receipt = Receipt(
        operation=Operation.INCOME, payments=Payments(cash=120000), cashier=CASHIER,
        lines=(Line(name="Радиатор 500×80 — «Сантехника» ₽", price=120000, vat=VatRate.VAT22),),
        buyer_contact="ivanov@mail.ru",
    )
    kkt.print_receipt(receipt)
    [item] = emulator.journal[-1]["1059"]
    assert item["1030"] == "Радиатор 500x80 - «Сантехника» руб."
    assert "?" not in item["1030"]


def test_vat_sums_per_line_and_per_receipt(kkt, emulator) -> None:
    kkt.open_shift(CASHIER)
    lines = (
        Line(name="Радиатор", price=1245000, quantity=2000, vat=VatRate.VAT22),  # 24 900,00 at 22 %
        Line(name="Смеситель", price=33333, quantity=3000, vat=VatRate.VAT22),  # 999,99 at 22 %
        Line(name="Книга", price=50000, vat=VatRate.VAT10),
        Line(name="Услуга", price=10000, vat=VatRate.NO_VAT),
        Line(name="Экспорт", price=7000, vat=VatRate.VAT0),
    )
    receipt = Receipt(operation=Operation.INCOME, lines=lines, payments=Payments(cash=2656999), cashier=CASHIER)
    result = kkt.print_receipt(receipt)
    doc = emulator.journal[-1]
    assert [item.get("1200") for item in doc["1059"]] == [449016, 18033, 4545, None, 0]
    # the receipt's 22 % VAT is taken on the rate's turnover, 2 589 999 kopecks
    assert (doc["1102"], doc["1103"], doc["1104"], doc["1105"]) == (467049, 4545, 7000, 10000)
    assert "1106" not in doc and "1107" not in doc
    # read back from the FN archive (FF3A/FF3B) with the same tags
    back = kkt.read_document(result.fd_number)
    assert back.tags[1102] == 467049 and back.tags[1059][0][1200] == 449016
    assert back.tags[1059][0][1030] == "Радиатор" and back.tags[1020] == 2656999


def test_prepayment_vat_goes_to_the_calculated_rate_tag(kkt, emulator) -> None:
    kkt.open_shift(CASHIER)
    line = Line(name="Предоплата", price=1220000, vat=VatRate.VAT22_122, method=ffd.PaymentMethod.PREPAYMENT)
    kkt.print_receipt(Receipt(operation=Operation.INCOME, lines=(line,), payments=Payments(electronic=1220000)))
    doc = emulator.journal[-1]
    assert doc["1106"] == 220000 and doc["1059"][0]["1200"] == 220000


def test_connect_time_queries(kkt, emulator) -> None:
    commands = kkt.commands
    kind = commands.device_type()
    assert kind["name"] == "ШТРИХ-М-01Ф" and kind["type"] == 0 and kind["protocol"] == 1
    full = commands.full_status()
    assert full["serial"] == "0012345678" and full["mode"] & 0x0F == 4
    info = kkt.device_info()
    assert (info.serial, info.fn_number) == ("0012345678", "9999078900012345")
    assert commands.call(ffd_fn_number()) == b"9999078900012345"
    assert len(commands.call(0xFF03)) == 5 and len(commands.call(0xFF39)) >= 9


def ffd_fn_number() -> int:
    from fiscal_drivers.shtrih import protocol as p

    return p.FN_NUMBER


def test_read_documents_since(kkt, emulator) -> None:
    kkt.open_shift(CASHIER)
    first = kkt.last_document_number()
    line = Line(name="Кран", price=45000, vat=VatRate.VAT22)
    for _ in range(2):
        kkt.print_receipt(Receipt(operation=Operation.INCOME, lines=(line,), payments=Payments(cash=45000)))
    docs = kkt.read_documents(first)
    assert [d.number for d in docs] == [first + 1, first + 2]
    assert all(d.tags[1054] == 1 and d.tags[1031] == 45000 and d.fiscal_sign for d in docs)
