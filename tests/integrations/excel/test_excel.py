"""Excel documents: the act's layout cells, number formats, print set-up, and no formula from outside text."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook

from omnidesk.integrations.excel import (
    MONEY,
    ActRow,
    Party,
    PaymentRow,
    PaymentsRegister,
    ReconciliationAct,
    UnmatchedRow,
    UnmatchedTransfers,
    write_act,
    write_payments,
    write_unmatched,
)

SELLER = Party('ООО "ОмниСан"', "7712345678", "771201001")
BUYER = Party('ООО "СантехМонтаж"', "5012345678", "501201001")


def rub(text: str) -> float:
    """What a cell written from an exact Decimal reads back as."""
    return float(text)


EVIL = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-3-4", "@SUM(A1:A2)", "=1+1"]


def act(**changes) -> ReconciliationAct:
    rows = (
        ActRow(dt.date(2025, 3, 7), "order", "Заказ №10240", "чек ФД 17, ФП 1234567890", 1_560_000, 0),
        ActRow(dt.date(2025, 3, 11), "payment", "Платёжное поручение №88", "", 0, 1_600_000),
        ActRow(dt.date(2025, 3, 11), "allocation", "Зачёт оплаты №1 в заказ №10240: 15 600,00 ₽", "", 0, 0),
        ActRow(dt.date(2025, 3, 20), "refund", "Возврат денег №1", "переплата", 40_000, 0),
    )
    values = dict(seller=SELLER, buyer=BUYER, customer_id=1, date_from=dt.date(2025, 3, 1),
                  date_to=dt.date(2025, 3, 31), opening=123_456, rows=rows)
    values.update(changes)
    return ReconciliationAct(**values)


def test_act_layout(tmp_path):
    path = write_act(act(), tmp_path / "act.xlsx")
    ws = load_workbook(path).active
    assert ws["A1"].value == "Акт сверки взаимных расчётов"
    assert ws["A2"].value == "за период: 01.03.2025 — 31.03.2025"
    assert "ИНН 7712345678" in ws["A3"].value and "ИНН 5012345678" in ws["A3"].value
    assert ws["A6"].value == 'По данным ООО "ОмниСан", руб.' and ws["F6"].value == 'По данным ООО "СантехМонтаж", руб.'
    assert [c.value for c in ws[7]] == ["Дата", "Документ", "Чеки, сведения", "Дебет", "Кредит", "Дата", "Документ", "Дебет", "Кредит"]
    assert ws["B8"].value == "Сальдо начальное" and ws["D8"].value == rub("1234.56") and ws["E8"].value is None
    assert ws["B9"].value == "Заказ №10240" and ws["D9"].value == rub("15600") and ws["C9"].value == "чек ФД 17, ФП 1234567890"
    assert ws["A9"].value == dt.datetime(2025, 3, 7) and ws["A9"].number_format == "DD.MM.YYYY"
    assert ws["B10"].value == "Платёжное поручение №88" and ws["E10"].value == rub("16000")
    assert ws["D11"].value is None and ws["E11"].value is None  # an allocation moves no money between the parties
    assert ws["B13"].value == "Обороты за период" and ws["D13"].value == rub("16000") and ws["E13"].value == rub("16000")
    assert ws["B14"].value == "Сальдо конечное" and ws["D14"].value == rub("1234.56")
    assert ws["A16"].value == 'По данным ООО "ОмниСан" на 31.03.2025 задолженность в пользу ООО "ОмниСан" 1\u00a0234,56\u00a0₽'
    texts = [c.value for row in ws.iter_rows(min_row=17) for c in row if c.value]
    assert 'От ООО "ОмниСан"' in texts and 'От ООО "СантехМонтаж"' in texts and texts.count("М.П.") == 2
    assert all(ws.cell(r, c).number_format == MONEY for r in range(8, 15) for c in (4, 5))
    assert ws.freeze_panes == "A8" and ws.auto_filter.ref == "A7:E12"
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.column_dimensions["B"].width == 26
    assert ws.print_title_rows == "$6:$7"


def test_act_closing_in_the_customers_favour(tmp_path):
    ws = load_workbook(write_act(act(opening=-50_000, rows=()), tmp_path / "a.xlsx")).active
    assert ws["E8"].value == rub("500") and ws["D8"].value is None
    assert "в пользу ООО \"СантехМонтаж\" 500,00" in ws["A12"].value


def test_registers(tmp_path):
    payments = PaymentsRegister(dt.date(2025, 3, 1), dt.date(2025, 3, 31), (
        PaymentRow(7, dt.datetime(2025, 3, 10), "банковский перевод", "Петрова", "", "Петрова", "417", "заказ 10231",
                   1_245_050, 1_245_000, "№10231", "bank"),))
    ws = load_workbook(write_payments(payments, tmp_path / "p.xlsx")).active
    assert ws["A3"].value == "№" and ws["I4"].value == rub("12450.5") and ws["K4"].value == rub("0.5")
    assert ws["I4"].number_format == MONEY and ws["I5"].value == rub("12450.5") and ws["H5"].value == "Итого"
    assert ws.freeze_panes == "A4" and ws.auto_filter.ref == "A3:M4" and ws.page_setup.orientation == "landscape"
    unmatched = UnmatchedTransfers(None, None, (UnmatchedRow(1, dt.date(2025, 3, 10), "12", 250_000, "Сидоров", "", "4081", "за смеситель", "плательщик не найден"),))
    ws = load_workbook(write_unmatched(unmatched, tmp_path / "u.xlsx")).active
    assert ws["C4"].value == rub("2500") and ws["H4"].value == "плательщик не найден" and ws.auto_filter.ref == "A3:H4"


@pytest.mark.parametrize("evil", EVIL)
def test_outside_text_never_becomes_a_formula(tmp_path, evil):
    rows = (ActRow(dt.date(2025, 3, 7), "order", evil, evil, 100, 0),)
    path = write_act(act(buyer=Party(evil, "", ""), rows=rows), tmp_path / "act.xlsx")
    payments = PaymentsRegister(dt.date(2025, 3, 1), dt.date(2025, 3, 31), (
        PaymentRow(1, dt.datetime(2025, 3, 10), "перевод", evil, evil, evil, evil, evil, 100, 0, evil, evil),))
    unmatched = UnmatchedTransfers(None, None, (UnmatchedRow(1, dt.date(2025, 3, 10), evil, 100, evil, evil, evil, evil, evil),))
    for file in (path, write_payments(payments, tmp_path / "p.xlsx"), write_unmatched(unmatched, tmp_path / "u.xlsx")):
        with zipfile.ZipFile(file) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode()
        assert "<f>" not in sheet and "<f " not in sheet
        wb = load_workbook(file)
        cells = [c for row in wb.active.iter_rows() for c in row if c.value == evil]
        assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_control_characters_from_a_bank_file_do_not_break_the_file(tmp_path):
    rows = (ActRow(dt.date(2025, 3, 7), "order", "Заказ\x01№1\x1f", "", 100, 0),)
    ws = load_workbook(write_act(act(rows=rows), tmp_path / "a.xlsx")).active
    assert ws["B9"].value == "Заказ №1 "
