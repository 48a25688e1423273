"""The cascade rule by rule, on the reference examples and small hand-made cases."""

from __future__ import annotations

import datetime as dt

import pytest

from omnidesk.core.enums import CustomerKind
from omnidesk.core.matching import BankLine, KnownCustomer, Matcher, MatchStatus, OpenOrder, read_purpose

D = dt.date(2025, 3, 10)
PETROVA = KnownCustomer("p", CustomerKind.INDIVIDUAL, "Петрова Анна Сергеевна", phones=("8 (916) 123-45-67",))
SANTEH = KnownCustomer("c", CustomerKind.COMPANY, 'ООО "СантехМонтаж"', inn="5012345678", kpp="501201001",
                       payer_accounts=("40702810300000098765",))
IVANOV = KnownCustomer("i", CustomerKind.SOLE_TRADER, "ИП Иванов Иван Иванович", inn="500100732259",
                       payer_accounts=("30232810000000000001",))  # a transit account is never a key
ORDERS = [
    OpenOrder("10231", "p", dt.date(2025, 3, 1), 1245000, 1245000),
    OpenOrder("10232", "p", dt.date(2025, 3, 2), 318050, 318050),
    OpenOrder("10235", "p", dt.date(2025, 3, 5), 2790000, 2790000),
    OpenOrder("10240", "c", dt.date(2025, 3, 7), 1560000, 1560000),
    OpenOrder("10241", "c", dt.date(2025, 3, 8), 500000, 500000),
    OpenOrder("10250", "i", dt.date(2025, 3, 8), 700000, 700000),
    OpenOrder("10251", "i", dt.date(2025, 3, 9), 700000, 700000),
]


@pytest.fixture
def matcher():
    return Matcher([PETROVA, SANTEH, IVANOV], ORDERS)


def line(amount, purpose, **payer):
    return BankLine("x", amount, D, purpose=purpose, **payer)


def booked(result):
    return [(a.order_number, a.amount, a.closes_order) for a in result.applied.allocations], result.applied.advance


@pytest.mark.parametrize(
    "purpose, numbers",
    [
        ("Оплата по счетам 10231, 10232 и 10235. НДС не облагается", ("10231", "10232", "10235")),
        ("№10231", ("10231",)),
        ("заказы 10231, 10232 и 10235", ("10231", "10232", "10235")),
        ("10231/10232", ("10231", "10232")),
        ("по сч. 10240 от 07.03", ("10240",)),
        ("зак.10231", ("10231",)),
        ("Оплта закза N1O231", ("10231",)),
        ("Оплата по счету № 10240 от 07.03.2025. Сумма 16000-00, в т.ч. НДС (20%) 2666-67", ("10240",)),
        ("Заказ 10231, НДС 22%, сумма 16000, ИНН 500100732259, р/с 40702810300000098765", ("10231",)),
        ("тел. +7 916 123-45-67, 8-916-123-45-67, заказ 10231 на 12 450,00 руб.", ("10231",)),
        ("по договору № 15/2024 от 1 марта 2025, карта **** 1234", ()),
    ],
)
def test_order_numbers_in_purpose(purpose, numbers):
    assert tuple(n for n in read_purpose(purpose).numbers if len(n) < 9) == numbers  # long runs are never orders


def test_example_a_three_orders_one_transfer(matcher):
    result = matcher.match(line(4353050, "Оплата по счетам 10231, 10232 и 10235. НДС не облагается",
                                payer_name="Петрова Анна Сергеевна", payer_account="40817810500001234567"))
    assert result.status is MatchStatus.ALLOCATED and result.customer_id == "p"
    assert booked(result) == ([("10231", 1245000, True), ("10232", 318050, True), ("10235", 2790000, True)], 0)
    assert result.explanation == "имя плательщика совпало, номера заказов в назначении, сумма совпала"
    assert result.remember_account == "40817810500001234567"


def test_example_b_overpayment_becomes_advance(matcher):
    result = matcher.match(line(1600000, "Оплата по счету № 10240 от 07.03.2025 за сантехническое оборудование. "
                                "Сумма 16000-00, в т.ч. НДС (20%) 2666-67", payer_name='ООО "СантехМонтаж"',
                                payer_inn="5012345678", payer_kpp="501201001"))
    assert booked(result) == ([("10240", 1560000, True)], 40000)
    assert "ИНН и КПП совпали" in result.reasons and "переплата 400,00\u00a0₽ — аванс" in result.reasons


def test_named_orders_the_money_does_not_cover_go_to_the_accountant(matcher):
    result = matcher.match(line(1400000, "Частичная оплата по заказам 10232 и 10231", payer_name="Петрова Анна Сергеевна"))
    assert result.status is MatchStatus.REVIEW
    assert result.reasons == ("Денег 14\u00a0000,00\u00a0₽ меньше, чем стоят заказы 10231 и 10232 вместе, — как разделить, "
                              "решает бухгалтер.",)
    assert matcher.due("10232") == 318050


def test_a_part_of_one_named_order_is_a_partial_payment(matcher):
    result = matcher.match(line(100000, "Предоплата по заказу 10232", payer_name="Петрова Анна Сергеевна"))
    assert booked(result) == ([("10232", 100000, False)], 0)


def test_exact_subset_against_oldest_first_goes_to_review(matcher):
    result = matcher.match(line(318050 + 2790000, "оплата заказов 10231, 10232, 10235", payer_name="Петрова Анна Сергеевна"))
    assert result.status is MatchStatus.REVIEW
    assert "с частью заказов" in result.explanation


def test_single_order_with_exact_amount_and_known_account(matcher):
    result = matcher.match(line(500000, "Оплата за товар", payer_account="40702810300000098765"))
    assert booked(result) == ([("10241", 500000, True)], 0)
    assert result.reasons == ("счёт плательщика уже встречался", "сумма совпала с заказом 10241")


def test_two_orders_with_the_same_amount_need_a_person(matcher):
    result = matcher.match(line(700000, "Оплата по договору", payer_inn="500100732259"))
    assert result.status is MatchStatus.REVIEW
    assert {p.allocations[0].order_number for p in result.suggestions[:2]} == {"10250", "10251"}


def test_sbp_transit_identified_by_phone(matcher):
    result = matcher.match(line(1245000, "Перевод по СБП от ПЕТРОВА АННА СЕРГЕЕВНА, тел. +79161234567. Оплата заказа 10231",
                                payer_name="ПАО СБЕРБАНК", payer_inn="7707083893", payer_account="30232810000000000009"))
    assert booked(result) == ([("10231", 1245000, True)], 0)
    assert result.reasons[:2] == ("платёж через транзитный счёт банка", "телефон в назначении")
    assert result.remember_account == ""


def test_transit_account_does_not_identify_anyone(matcher):
    result = matcher.match(line(700000, "Оплата", payer_account="30232810000000000001"))
    assert result.status is MatchStatus.REVIEW


def test_company_with_no_open_orders_gets_an_advance():
    matcher = Matcher([SANTEH], [])
    result = matcher.match(line(100000, "Аванс", payer_inn="5012345678"))
    assert result.status is MatchStatus.ADVANCE and result.applied.advance == 100000


def test_order_of_another_customer_goes_to_review(matcher):
    result = matcher.match(line(1560000, "Оплата заказа 10240", payer_name="Петрова Анна Сергеевна"))
    assert result.status is MatchStatus.REVIEW
    assert result.reasons == ("Заказ 10240 оформлен на другого клиента, а плательщик не назвал его в назначении.",)
    assert result.suggestions[0].customer_id == "c"


@pytest.mark.parametrize("written", ["10214", "1024", "102411", "10247"])
def test_a_number_that_is_no_order_is_asked_about_with_the_likely_order_suggested(matcher, written):
    """Swapped, missing, extra or wrong digit: never corrected silently, even when the amount matches."""
    result = matcher.match(line(500000, f"Оплата по счету № {written}", payer_inn="5012345678"))
    assert result.status is MatchStatus.REVIEW
    assert result.reasons[0].startswith(f"В назначении номер {written}, а открытого заказа с таким номером нет")
    assert "10241" in result.reasons[0]
    first = result.suggestions[0]
    assert (first.customer_id, [(a.order_number, a.amount) for a in first.allocations]) == ("c", [("10241", 500000)])


def test_paying_an_order_twice_in_one_run_is_reviewed(matcher):
    first = matcher.match(line(500000, "по сч. 10241", payer_inn="5012345678"))
    second = matcher.match(line(500000, "по сч. 10241", payer_inn="5012345678"))
    assert first.automatic and not second.automatic
    assert second.reasons == ("Заказ 10241 из назначения уже оплачен — возможно, это повторная оплата.",)


def test_unknown_payer_without_reference_is_reviewed_with_amount_suggestion(matcher):
    result = matcher.match(line(318050, "Оплата", payer_name="Сидоров П.П."))
    assert result.status is MatchStatus.REVIEW
    assert result.suggestions[0].allocations[0].order_number == "10232"


def test_unknown_payer_with_reference_and_exact_amount_is_applied(matcher):
    result = matcher.match(line(318050, "Оплата заказа 10232 за маму", payer_name="Сидоров Петр Петрович"))
    assert booked(result) == ([("10232", 318050, True)], 0)


def test_inputs_are_not_changed(matcher):
    matcher.match(line(1245000, "заказ 10231", payer_name="Петрова Анна Сергеевна"))
    assert ORDERS[0].due == 1245000 and matcher.due("10231") == 0


def test_a_refund_naming_a_customers_order_is_never_a_customer_payment(matcher):
    result = matcher.match(line(1560000, "Возврат оплаты по счету № 10240 от 07.03.2025 в связи с отсутствием товара",
                                payer_name='ООО "ТрубоПоставка"', payer_inn="7701234567"))
    assert result.status is MatchStatus.REVIEW and result.suggestions == ()
    assert "слова о возврате" in result.explanation


def test_money_from_a_known_supplier_is_never_a_customer_payment():
    matcher = Matcher([SANTEH], ORDERS[3:5], suppliers=["7701234567"])
    result = matcher.match(line(1560000, "Оплата по счету 10240 согласно акту сверки", payer_inn="7701234567"))
    assert result.status is MatchStatus.REVIEW and "поставщик" in result.explanation


def test_an_unknown_company_paying_a_persons_order_is_asked_about(matcher):
    result = matcher.match(line(1245000, "Оплата заказа 10231", payer_name='ООО "Ромашка"', payer_inn="7701999999"))
    assert result.status is MatchStatus.REVIEW


def test_an_invoice_we_never_issued_is_asked_about():
    matcher = Matcher([SANTEH], [])
    result = matcher.match(line(100000, "Оплата по счету № 45 от 01.12.2026", payer_inn="5012345678"))
    assert result.status is MatchStatus.REVIEW
    assert result.reasons == ("В назначении номер 45, а заказа или счёта с таким номером у нас нет — уточните, за что платёж.",)


def test_partial_sbp_payment_with_the_person_named_in_another_case_is_booked(matcher):
    result = matcher.match(line(500000, "Предоплата по заказу 10235 от Петровой Анны Сергеевны",
                                payer_name="ПАО СБЕРБАНК", payer_inn="7707083893", payer_account="30232810000000000009"))
    assert booked(result) == ([("10235", 500000, False)], 0)
    assert "ФИО в назначении" in result.reasons


def test_a_known_customer_paying_anothers_order_with_the_exact_due_is_booked_to_its_owner():
    sidorov = KnownCustomer("s", CustomerKind.INDIVIDUAL, "Сидоров Олег Павлович", payer_accounts=("40817810000000000077",))
    petrov = KnownCustomer("r", CustomerKind.INDIVIDUAL, "Петров Роман Сергеевич")
    orders = [OpenOrder("10245", "r", dt.date(2025, 3, 5), 990000, 990000), OpenOrder("10246", "s", D, 5000, 5000)]
    result = Matcher([sidorov, petrov], orders).match(
        line(990000, "Оплата заказа 10245 за Петрова Р.С.", payer_name="Сидоров Олег Павлович", payer_account="40817810000000000077"))
    assert result.customer_id == "r" and booked(result) == ([("10245", 990000, True)], 0)


def test_an_order_newer_than_the_payment_is_named_in_the_reason_and_suggested(matcher):
    """Issue 13 item 9: not «номера открытого заказа в назначении нет» when the purpose names an open order."""
    early = BankLine("x", 1560000, dt.date(2025, 3, 1), purpose="Оплата по счету № 10240", payer_name="Кто-то")
    result = matcher.match(early)
    assert result.status is MatchStatus.REVIEW
    assert result.reasons == ("Заказ 10240 из назначения оформлен 07.03.2025, позже даты платежа 01.03.2025, — проверьте, "
                              "за него ли деньги.",)
    assert result.suggestions[0].allocations[0].order_number == "10240"


def test_an_invoice_for_payment_we_never_issued_is_asked_about():
    """Found by the held-out corpus: «счету на оплату 71» is a document number too."""
    matcher = Matcher([SANTEH], ORDERS[3:5])
    result = matcher.match(line(500000, "Предоплата по счету на оплату 71", payer_inn="5012345678"))
    assert result.status is MatchStatus.REVIEW and "номер 71" in result.explanation
