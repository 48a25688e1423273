from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from omnidesk.core.money import (
    MoneyFormatError,
    format_amount,
    kopecks_to_decimal,
    parse_amount,
    spread,
    to_decimal_str,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "kopecks"),
    [
        ("12 450,00 ₽", 1245000),
        (f"12{NBSP}450,00{NBSP}₽", 1245000),
        ("12450.5", 1245050),
        ("12450.50", 1245050),
        ("12 450-00", 1245000),
        ("12450", 1245000),
        ("0,01", 1),
        ("-1 000,00 ₽", -100000),
        ("43 530,50 руб.", 4353050),
        ("1 200 руб. 50 коп.", 120050),
        ("7,", 700),
        ("1'000.25", 100025),
    ],
)
def test_parse_russian_and_plain_forms(text, kopecks):
    assert parse_amount(text) == kopecks


@pytest.mark.parametrize("text", ["", "abc", "12,345,6", "1.234.5", "12.345", "₽", "12 450,00 $", "--5"])
def test_parse_rejects_what_is_not_money(text):
    with pytest.raises(MoneyFormatError, match="не сумма"):
        parse_amount(text)


def test_format_is_russian_with_no_break_spaces():
    assert format_amount(1245000) == f"12{NBSP}450,00{NBSP}₽"
    assert format_amount(5) == f"0,05{NBSP}₽"
    assert format_amount(-123456789) == f"-1{NBSP}234{NBSP}567,89{NBSP}₽"
    assert format_amount(100, currency=False) == "1,00"


def test_decimal_edges_are_exact():
    assert to_decimal_str(1245000) == "12450.00"
    assert to_decimal_str(-5) == "-0.05"
    assert kopecks_to_decimal(1) == Decimal("0.01")


@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_format_then_parse_round_trips(kopecks):
    assert parse_amount(format_amount(kopecks)) == kopecks
    assert parse_amount(format_amount(kopecks, currency=False)) == kopecks
    assert parse_amount(to_decimal_str(kopecks)) == kopecks


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_parse_of_any_spelling_of_rubles_and_kopecks(rubles, kop):
    expected = rubles * 100 + kop
    grouped = f"{rubles:,}".replace(",", " ")
    assert parse_amount(f"{rubles}.{kop:02d}") == expected
    assert parse_amount(f"{grouped},{kop:02d} ₽") == expected
    assert parse_amount(f"{grouped}-{kop:02d}") == expected


@given(st.integers(min_value=0, max_value=10**10), st.lists(st.integers(min_value=1, max_value=10**8), min_size=1, max_size=30))
def test_spread_adds_up_and_is_proportional(total, weights):
    parts = spread(total, weights)
    assert sum(parts) == total
    weight_sum = sum(weights)
    for part, weight in zip(parts[:-1], weights[:-1], strict=False):
        assert part == total * weight // weight_sum
    assert parts[-1] >= 0


def test_spread_puts_the_kopeck_remainder_on_the_last_line():
    assert spread(1000, [1, 1, 1]) == [333, 333, 334]
