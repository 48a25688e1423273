import pytest

from omnidesk.core.errors import InvalidInput
from omnidesk.core.inn import is_valid_inn, with_check_digits
from omnidesk.core.phones import format_phone, normalise_phone
from omnidesk.core.vat import VatRate


def test_ffd_codes_of_2026():
    assert VatRate.VAT22.ffd_code == 11
    assert VatRate.VAT22_122.ffd_code == 12
    assert VatRate.VAT10.ffd_code == 2
    assert VatRate.VAT10_110.ffd_code == 4
    assert VatRate.VAT0.ffd_code == 5
    assert VatRate.NONE.ffd_code == 6
    assert VatRate.VAT5.ffd_code == 7
    assert VatRate.VAT7.ffd_code == 8
    assert VatRate.VAT5_105.ffd_code == 9
    assert VatRate.VAT7_107.ffd_code == 10
    assert len({rate.ffd_code for rate in VatRate}) == len(VatRate)


def test_calculated_rates_for_prepayments():
    assert VatRate.VAT22.calculated() is VatRate.VAT22_122
    assert VatRate.VAT10.calculated() is VatRate.VAT10_110
    assert VatRate.NONE.calculated() is VatRate.NONE
    assert VatRate.VAT22_122.is_calculated and not VatRate.VAT22.is_calculated


def test_vat_contained_in_gross_amount():
    assert VatRate.VAT22.vat_in(12200) == 2200
    assert VatRate.VAT22_122.vat_in(12200) == 2200
    assert VatRate.VAT10.vat_in(11000) == 1000
    assert VatRate.NONE.vat_in(12345) == 0
    assert VatRate.VAT22.vat_in(1) == 0  # 0.18 kopeck rounds to 0
    assert VatRate.VAT22.vat_in(3) == 1  # 0.54 kopeck rounds half up to 1


@pytest.mark.parametrize(("text", "rate"), [("22", VatRate.VAT22), ("22%", VatRate.VAT22), ("22/122", VatRate.VAT22_122),
                                             ("без НДС", VatRate.NONE), ("5 %", VatRate.VAT5)])
def test_parse_rates(text, rate):
    assert VatRate.parse(text) is rate


def test_unknown_rate_is_a_clear_error():
    with pytest.raises(InvalidInput, match="ставка НДС"):
        VatRate.parse("18")


def test_inn_check_digits():
    assert is_valid_inn("7707083893")
    assert is_valid_inn("500100732259")
    assert not is_valid_inn("7707083894")
    assert not is_valid_inn("12345")
    assert is_valid_inn(with_check_digits("770708389"))
    assert is_valid_inn(with_check_digits("5001007322"))


@pytest.mark.parametrize("text", ["8 (916) 123-45-67", "+7 916 123 45 67", "9161234567", "79161234567"])
def test_phones_normalise(text):
    assert normalise_phone(text) == "+79161234567"
    assert format_phone(text) == "+7 916 123-45-67"


def test_not_a_phone():
    assert normalise_phone("12345") is None
    assert format_phone("доб. 12") == "доб. 12"


def test_landline_tolerant_phone_normalisation():
    from omnidesk.core.phones import normalise_any_phone

    assert normalise_any_phone("(495) 123-45-67") == "+74951234567"
    assert normalise_any_phone("8 (916) 123-45-67") == normalise_any_phone("9161234567") == "+79161234567"
    assert normalise_phone("(495) 123-45-67") is None  # a mobile-only reading refuses a landline without +7
    assert normalise_any_phone("12345") is None and normalise_any_phone("") is None
