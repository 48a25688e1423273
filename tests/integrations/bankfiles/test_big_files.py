"""Big statements: read in runs of lines, with documents' repeating values shared, and the same
results and errors (same line) as a file read line by line."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import pytest
from hypothesis import given
from hypothesis import strategies as st

from omnidesk.core.errors import InvalidInput
from omnidesk.core.money import decimal_to_kopecks
from omnidesk.integrations.bankfiles import BankFileError, decoding, parse_statement
from omnidesk.integrations.bankfiles.values import parse_amount_value, strip_inn_prefix

from .conftest import HEADER, INCOMING, SECTIONS, VALID, render

ONE = INCOMING.replace("НовыйКлючБанка=что-то неизвестное\n", "ВидОплаты=01\nОчередность=5\n")


def big_text(count: int) -> str:
    documents = [ONE.replace("Номер=417", f"Номер={n}").replace("№10231", f"№{20000 + n}") for n in range(1, count + 1)]
    return "\n".join([HEADER, SECTIONS, *documents, "КонецФайла"]) + "\n"


def line_of(text: str, needle: str) -> int:
    return text.split("\n").index(needle) + 1


def outcome(data: bytes) -> tuple:
    try:
        statement = parse_statement(data)
    except BankFileError as error:
        return ("error", str(error))
    return ("ok", statement, [d.fields for d in statement.documents])


@pytest.fixture
def small_runs(monkeypatch):
    def use(size: int) -> None:
        monkeypatch.setattr(decoding, "CHUNK", size)

    return use


def test_big_file_reads_every_document():
    text = big_text(800)
    statement = parse_statement(render(text))
    assert len(statement.documents) == 800
    assert [d.number for d in statement.documents[:3]] == ["1", "2", "3"]
    last = statement.documents[-1]
    assert last.purpose == "Оплата заказа №20800. НДС не облагается"
    assert last.line == text.split("\n").index("Номер=800")  # the СекцияДокумент line just before


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_bad_byte_late_in_a_big_file_names_its_line(newline):
    text = big_text(800).replace("Номер=700\n", "Номер=700\nПлательщик=Петрова Анна Сергеевна\n", 1)
    text = text.replace("Номер=700\nПлательщик=Петрова", "Номер=700\nПлательщик=Пет\x00рова", 1)
    data = render(text, "cp1251", newline).replace(b"\x00", b"\x98")
    with pytest.raises(BankFileError) as caught:
        parse_statement(data)
    assert caught.value.line == line_of(text, "Плательщик=Пет\x00рова Анна Сергеевна") > 3000
    assert "байт 0x98 не читается в кодировке Windows (cp1251)" in str(caught.value)


def test_bad_byte_in_utf8_late_in_a_big_file_names_its_line():
    text = big_text(400).replace("Номер=350\n", "Номер=350\nПлательщик=Пет\x00рова\n", 1)
    data = render(text, "utf-8").replace(b"\x00", b"\xd0")  # a lead byte without its second byte
    with pytest.raises(BankFileError, match="байт 0xD0 не читается в кодировке UTF-8") as caught:
        parse_statement(data)
    assert caught.value.line == line_of(text, "Плательщик=Пет\x00рова")


def test_the_first_problem_wins_whether_a_byte_or_a_line(small_runs):
    text = big_text(50)
    bad_line = text.replace("Номер=40\n", "Номер=40\nГлупость\n", 1)
    both = bad_line.replace("Номер=41\n", "Номер=41\nПлательщик=\x00\n", 1)
    data = render(both).replace(b"\x00", b"\x98")
    for size in (1 << 14, 1 << 16, 256):
        small_runs(size)
        with pytest.raises(BankFileError, match="непонятная строка «Глупость»") as caught:
            parse_statement(data)
        assert caught.value.line == line_of(both, "Глупость")
    byte_first = text.replace("Номер=40\n", "Номер=40\nПлательщик=\x00\n", 1).replace("Номер=41\n", "Номер=41\nГлупость\n", 1)
    with pytest.raises(BankFileError, match="байт 0x98") as caught:
        parse_statement(render(byte_first).replace(b"\x00", b"\x98"))
    assert caught.value.line == line_of(byte_first, "Плательщик=\x00")


@pytest.mark.parametrize("codec", ["cp1251", "cp866", "utf-8"])
@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_runs_of_any_size_read_the_same(small_runs, codec, newline):
    data = render(big_text(30), codec, newline)
    whole = outcome(data)
    assert whole[0] == "ok"
    for size in (*range(1, 90), 1000):  # a run may end between CR and LF, or inside a line
        small_runs(size)
        assert outcome(data) == whole, size
    broken = data.replace("Сумма=12450.5".encode(codec), "Сумма=12,4.5".encode(codec), 1)
    small_runs(1 << 14)
    expected = outcome(broken)
    assert expected[0] == "error"
    for size in (1, 3, 64):
        small_runs(size)
        assert outcome(broken) == expected


def test_a_line_longer_than_a_run(small_runs):
    long_purpose = "Оплата " + "очень длинного заказа " * 2000
    text = VALID.replace("Оплата заказа №10231. НДС не облагается", long_purpose)
    small_runs(1000)
    assert parse_statement(render(text)).documents[0].purpose == long_purpose.strip()


@pytest.mark.parametrize("char", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e"])
def test_only_cr_and_lf_end_a_line(char):
    """str.splitlines() also breaks at these: the format does not, and line numbers must not move."""
    text = VALID.replace("НДС не облагается", f"НДС{char}не облагается")
    statement = parse_statement(render(text))
    assert statement.documents[0].purpose == f"Оплата заказа №10231. НДС{char}не облагается"
    broken = text.replace("Сумма=5000.00", "Сумма=пять")
    with pytest.raises(BankFileError) as caught:
        parse_statement(render(broken))
    assert caught.value.line == line_of(broken, "Сумма=пять")


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_unicode_line_separators_in_utf8_do_not_end_a_line(char):
    text = VALID.replace("НДС не облагается", f"НДС{char}не облагается").replace("Сумма=5000.00", "Сумма=пять")
    with pytest.raises(BankFileError) as caught:
        parse_statement(render(text, "utf-8"))
    assert caught.value.line == line_of(text, "Сумма=пять")


def test_documents_share_equal_values_and_fields():
    statement = parse_statement(render(big_text(20)))
    first, second = statement.documents[:2]
    assert first.fields == (("ВидОплаты", "01"), ("Очередность", "5"))
    assert second.fields is first.fields
    assert second.payee_account is first.payee_account and second.payee_name is first.payee_name
    assert first.get("Очередность") == "5" and first.get("НетТакого", "-") == "-"


def test_a_key_repeated_with_the_same_value_is_kept_in_order():
    text = VALID.replace("НовыйКлючБанка=что-то неизвестное\n",
                         "Очередность=5\nНовыйКлючБанка=что-то неизвестное\nОчередность=5\nНомер=417\nВидОплаты=01\n")
    document = parse_statement(render(text)).documents[0]
    assert document.fields == (("Очередность", "5"), ("НовыйКлючБанка", "что-то неизвестное"), ("Очередность", "5"),
                               ("ВидОплаты", "01"))


def test_a_key_repeated_with_another_value_names_both_lines():
    text = VALID.replace("ПолучательИНН=7712345678\n", "ПолучательИНН=7712345678\n\nПолучательИНН=7712345679\n", 1)
    with pytest.raises(BankFileError) as caught:
        parse_statement(render(text))
    first = line_of(text, "ПолучательИНН=7712345678")
    assert caught.value.line == first + 2
    assert str(caught.value).endswith(f"ключ «ПолучательИНН» повторяется с другим значением (первый раз в строке {first})")


@pytest.mark.parametrize("text", ["Сумма =  12450.5 ", "  Сумма=12450.5", "Сумма\t=\t12450.5\u00a0"])
def test_spaces_around_key_and_value(text):
    statement = parse_statement(render(VALID.replace("Сумма=12450.5", text)))
    assert statement.documents[0].amount == 1245050


AMOUNTS = st.one_of(
    st.from_regex(r"-?[0-9]{1,16}([.,][0-9]{0,11})?", fullmatch=True),
    st.from_regex(r"-?[0-9]{1,3}[.,]?[0-9]{0,3}0{0,9}", fullmatch=True),
    st.text(alphabet="-0123456789.,٣ \u00a0e+", max_size=20),
)


def _amount_through_decimal(value: str, line: int, *, allow_negative: bool = False) -> int:
    """How amounts were read before the plain ones were read without Decimal: the oracle."""
    if not re.fullmatch(r"-?\d{1,15}(?:[.,]\d{1,10})?", value):
        raise BankFileError(line, f"сумма «{value}» не число")
    try:
        decimal = Decimal(value.replace(",", "."))
        kopecks = decimal_to_kopecks(decimal)
    except (InvalidOperation, InvalidInput):
        raise BankFileError(line, f"сумма «{value}» не число") from None
    if Decimal(kopecks) != decimal * 100:
        raise BankFileError(line, f"сумма «{value}» — дробные копейки")
    if kopecks < 0 and not allow_negative:
        raise BankFileError(line, f"сумма «{value}» отрицательная")
    return kopecks


@given(AMOUNTS, st.booleans())
def test_amounts_read_as_through_decimal(text, allow_negative):
    def read(parse):
        try:
            return parse(text.strip(), 7, allow_negative=allow_negative)
        except BankFileError as error:
            return str(error)

    assert read(parse_amount_value) == read(_amount_through_decimal)


_INN_PREFIX = re.compile(r"^\s*ИНН\s*\d+\s*(?:КПП\s*\d+\s*)?[\\/,;]?\s*", re.IGNORECASE)


@given(st.one_of(
    st.text(alphabet="ИиНнКкПп 0123456789/,;\t\u00a0\u2003ОО\"", max_size=30),
    st.from_regex(r"\s*[Ии][Нн][Нн]\s*[0-9]{0,12}\s*([Кк][Пп][Пп]\s*[0-9]{0,9})?[/,;]?\s*.{0,10}", fullmatch=True),
))
def test_inn_prefix_as_the_pattern_says(name):
    stripped = _INN_PREFIX.sub("", name, count=1).strip()
    assert strip_inn_prefix(name) == (stripped or name.strip())


DOCUMENT_KEYS = ["Номер=7", "Дата=10.03.2025", "Сумма=100.00", "ПлательщикСчет=40817810500001234567",
                 "ДатаСписано=10.03.2025", "ПолучательСчет=40702810900000012345", "ДатаПоступило=10.03.2025",
                 "ВидОплаты=01", "НазначениеПлатежа=Оплата"]
BROKEN = {"Дата": "Дата=32.03.2025", "Сумма": "Сумма=0", "ДатаСписано": "ДатаСписано=вчера",
          "ДатаПоступило": "ДатаПоступило=1.13.2025"}


@given(st.data())
def test_error_lines_with_blank_and_repeated_lines_in_a_document(data):
    """A document's keys are read without noting their lines: the line of an error is counted again."""
    bad = data.draw(st.sampled_from([*BROKEN, "repeat"]))
    keys = [BROKEN[bad] if k.partition("=")[0] == bad else k for k in DOCUMENT_KEYS]
    body: list[str] = []
    for key in keys:
        body += data.draw(st.lists(st.sampled_from(["", "  ", "\t"]), max_size=2))
        body.append(key)
        if data.draw(st.booleans()):
            body += [*data.draw(st.lists(st.sampled_from(["", " "]), max_size=1)), key]  # the same again
    if bad == "repeat":
        repeated = data.draw(st.sampled_from(DOCUMENT_KEYS))
        body.insert(data.draw(st.integers(body.index(repeated) + 1, len(body))), repeated + "1")
    document = ["СекцияДокумент=Платежное поручение", *body, "КонецДокумента"]
    lines = [*HEADER.split("\n"), *document, "КонецФайла"]
    with pytest.raises(BankFileError) as caught:
        parse_statement(render("\n".join(lines) + "\n"))
    if bad == "repeat":
        first = lines.index(repeated) + 1
        assert caught.value.line == lines.index(repeated + "1") + 1
        assert f"(первый раз в строке {first})" in str(caught.value)
    else:
        assert caught.value.line == lines.index(BROKEN[bad]) + 1
