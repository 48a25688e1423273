"""1CClientBankExchange parser: every rule of the format and every way a file can be broken."""

from __future__ import annotations

import datetime as dt

import pytest

from omnidesk.core.errors import InvalidInput
from omnidesk.integrations.bankfiles import (
    BankFileError,
    Statement,
    StatementParser,
    document_key,
    parse_exchange,
    parse_statement,
)
from omnidesk.integrations.bankfiles.protocol import PARSERS

OUR = "40702810900000012345"


def test_sample_a_three_orders(sample_bytes):
    statement = parse_statement(sample_bytes("example_a_three_orders_one_transfer.txt"))
    assert statement.version == "1.03"
    assert statement.encoding == "Windows (cp1251)"
    assert statement.accounts == (OUR,)
    (section,) = statement.sections
    assert (section.opening, section.incoming, section.outgoing, section.closing) == (12500000, 4353050, 0, 16853050)
    (doc,) = statement.incoming()
    assert doc.amount == 4353050
    assert doc.number == "417" and doc.date == dt.date(2025, 3, 10)
    assert doc.payer_name == "Петрова Анна Сергеевна"
    assert doc.purpose == "Оплата по счетам 10231, 10232 и 10235. НДС не облагается"
    assert doc.kind == "Платежное поручение"
    assert statement.warnings == ()


def test_sample_b_version_102_integer_amount_omitted_outgoing(sample_bytes):
    statement = parse_statement(sample_bytes("example_b_company_overpayment.txt"))
    assert statement.version == "1.02"
    (section,) = statement.sections
    assert section.outgoing == 0 and section.incoming == 1600000
    (doc,) = statement.incoming()
    assert doc.amount == 1600000
    assert doc.payer_name == 'ООО "СантехМонтаж"'  # «ИНН 5012345678 » stripped
    assert (doc.payer_inn, doc.payer_kpp) == ("5012345678", "501201001")


@pytest.mark.parametrize("codec", ["cp1251", "cp866", "utf-8"])
@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_encodings_and_line_ends(valid_text, render_file, codec, newline):
    statement = parse_statement(render_file(valid_text, codec, newline))
    assert statement.encoding.startswith({"cp1251": "Windows", "cp866": "DOS", "utf-8": "UTF-8"}[codec])
    assert [d.payer_name for d in statement.incoming()] == ["Петрова Анна Сергеевна", 'ООО "СантехМонтаж"']
    assert statement.incoming()[0].purpose == "Оплата заказа №10231. НДС не облагается"


def test_version_102_file(valid_text, render_file):
    statement = parse_statement(render_file(valid_text.replace("ВерсияФормата=1.03", "ВерсияФормата=1.02")))
    assert statement.version == "1.02"
    assert len(statement.documents) == 3


def test_amounts_with_and_without_kopecks(valid_text, render_file):
    statement = parse_statement(render_file(valid_text))
    assert [d.amount for d in statement.documents] == [1245050, 1648000, 500000]
    assert statement.sections[0].closing == 14893050


def test_omitted_zero_fields_and_several_accounts(valid_text, render_file):
    statement = parse_statement(render_file(valid_text))
    assert statement.accounts == (OUR, "40702810200000054321")
    empty = statement.sections[1]
    assert (empty.opening, empty.incoming, empty.outgoing, empty.closing) == (0, 0, 0, 0)
    assert statement.incoming("40702810200000054321") == ()


def test_kinds_kept_raw_and_unknown_keys_ignored(valid_text, render_file):
    statement = parse_statement(render_file(valid_text))
    assert [d.kind for d in statement.documents] == ["Платежное поручение", "Банковский ордер", "Платежное поручение"]
    assert statement.documents[0].get("НовыйКлючБанка") == "что-то неизвестное"


def test_incoming_and_outgoing(valid_text, render_file):
    statement = parse_statement(render_file(valid_text))
    assert [d.number for d in statement.incoming()] == ["417", "88"]
    assert [d.number for d in statement.outgoing()] == ["12"]


def test_purpose_from_numbered_lines_and_inn_prefix(valid_text, render_file):
    company = parse_statement(render_file(valid_text)).incoming()[1]
    assert company.purpose == "Оплата по сч. 10240 от 07.03.2025 Сумма 16480-00, без НДС"
    assert company.payer_name == 'ООО "СантехМонтаж"'


def test_name_that_starts_like_inn_is_kept(valid_text, render_file):
    text = valid_text.replace("Плательщик=Петрова Анна Сергеевна", "Плательщик=Инна Петрова")
    assert parse_statement(render_file(text)).incoming()[0].payer_name == "Инна Петрова"


def test_document_key_is_deterministic_and_distinguishes(valid_text, render_file):
    first = parse_statement(render_file(valid_text, "cp1251", "\r\n"))
    again = parse_statement(render_file(valid_text, "cp866", "\n"))
    assert [document_key(d) for d in first.documents] == [document_key(d) for d in again.documents]
    keys = {document_key(d) for d in first.documents}
    assert len(keys) == 3
    key = document_key(first.incoming()[0])
    assert key.startswith(f"{OUR}|2025-03-10|417|1245050|40817810500001234567|")
    changed = parse_statement(render_file(valid_text.replace("№10231.", "№10232.")))
    assert document_key(changed.incoming()[0]) != key


def test_parser_protocol():
    assert all(isinstance(p, StatementParser) for p in PARSERS)


def test_not_a_statement():
    with pytest.raises(BankFileError, match="строка 1: формат файла не распознан"):
        parse_statement(b"<?xml version='1.0'?><Document/>")


def _error(data: bytes) -> BankFileError:
    with pytest.raises(BankFileError) as caught:
        parse_exchange(data)
    assert isinstance(caught.value, InvalidInput)
    return caught.value


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith(needle):
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(needle)


def test_bad_amount(valid_text, render_file):
    text = valid_text.replace("Сумма=12450.5", "Сумма=12,4.5")
    error = _error(render_file(text))
    assert str(error) == f"строка {_line_of(text, 'Сумма=12,4.5')}: сумма «12,4.5» не число"


def test_fractional_kopecks(valid_text, render_file):
    text = valid_text.replace("Сумма=12450.5", "Сумма=12450.505")
    assert "дробные копейки" in str(_error(render_file(text)))


def test_bad_date(valid_text, render_file):
    text = valid_text.replace("Дата=10.03.2025\nСумма=12450.5", "Дата=31.02.2025\nСумма=12450.5")
    error = _error(render_file(text))
    assert error.line == _line_of(text, "Дата=31.02.2025")
    assert "даты «31.02.2025» не бывает" in str(error)
    text = valid_text.replace("ДатаСоздания=11.03.2025", "ДатаСоздания=2025-03-11")
    assert _error(render_file(text)).line == 6


def test_missing_end_of_document(valid_text, render_file):
    text = valid_text.replace("НазначениеПлатежа=Оплата заказа №10231. НДС не облагается\nКонецДокумента\n", "НазначениеПлатежа=Оплата заказа №10231. НДС не облагается\n", 1)
    error = _error(render_file(text))
    assert error.line == _line_of(text, "СекцияДокумент", 2)
    assert f"нет «КонецДокумента»: «СекцияДокумент» из строки {_line_of(text, 'СекцияДокумент')} не закрыта" in str(error)


def test_truncated(valid_text, render_file):
    data = render_file(valid_text)
    cut = data[: data.index("Сумма=16480".encode("cp1251"))]
    error = _error(cut)
    assert error.line == _line_of(valid_text, "Сумма=16480") - 1
    assert "нет «КонецДокумента»" in str(error)
    error = _error(render_file(valid_text.replace("КонецФайла\n", "")))
    assert "файл обрезан: нет «КонецФайла»" in str(error)


def test_wrong_encoding(valid_text, render_file):
    data = render_file(valid_text, "cp1251").replace(b"=Windows", b"=DOS")
    error = _error(data)
    assert error.line == 3
    assert "в заголовке указана кодировка DOS (cp866), а файл записан в Windows (cp1251)" in str(error)
    unknown = render_file(valid_text).replace(b"=Windows", b"=KOI8-R")
    assert "строка 3: неизвестная кодировка «KOI8-R»" in str(_error(unknown))


def test_undecodable_byte(valid_text, render_file):
    data = render_file(valid_text).replace("Петрова".encode("cp1251"), b"\x98\x98")
    error = _error(data)
    assert error.line == _line_of(valid_text, "Плательщик=Петрова")
    assert "байт 0x98" in str(error)


def test_balance_mismatch(valid_text, render_file):
    text = valid_text.replace("КонечныйОстаток=148930.5", "КонечныйОстаток=148930.05")
    error = _error(render_file(text))
    assert error.line == _line_of(text, "КонечныйОстаток")
    assert "остаток по счёту 40702810900000012345 не сходится" in str(error)
    assert "125 000,00 + 28 930,50 − 5 000,00 = 148 930,50, а КонечныйОстаток = 148 930,05" in str(error)


def test_missing_required_key_and_garbage_line(valid_text, render_file):
    text = valid_text.replace("Сумма=5000.00\n", "")
    error = _error(render_file(text))
    assert error.line == _line_of(text, "СекцияДокумент", 3) and "нет «Сумма»" in str(error)
    text = valid_text.replace("КонецДокумента", "КонецДокумент", 1)
    assert "непонятная строка «КонецДокумент»" in str(_error(render_file(text)))


def test_conflicting_repeated_key(valid_text, render_file):
    text = valid_text.replace("Номер=417\n", "Номер=417\nНомер=418\n")
    assert "ключ «Номер» повторяется" in str(_error(render_file(text)))


def test_text_after_end_of_file(valid_text, render_file):
    error = _error(render_file(valid_text + "Сумма=1\n"))
    assert "текст после «КонецФайла»" in str(error)


def test_all_or_nothing_returns_statement_only_when_clean(valid_text, render_file):
    assert isinstance(parse_statement(render_file(valid_text)), Statement)
    bad = valid_text.replace("Сумма=16480", "Сумма=шестнадцать")
    with pytest.raises(BankFileError):
        parse_statement(render_file(bad))


def test_documents_not_adding_up_to_turnover_is_a_warning(valid_text, render_file):
    text = valid_text.replace("Сумма=16480", "Сумма=16470").replace("Сумма 16480-00", "Сумма 16470-00")
    statement = parse_statement(render_file(text))
    assert statement.warnings and "ВсегоПоступило" in statement.warnings[0]


def test_to_bank_line_feeds_matching(sample_bytes):
    from omnidesk.integrations.bankfiles import to_bank_line

    (doc,) = parse_statement(sample_bytes("example_b_company_overpayment.txt")).incoming()
    line = to_bank_line(doc)
    assert line.line_id == document_key(doc)
    assert (line.amount, line.payer_inn, line.payer_name) == (1600000, "5012345678", 'ООО "СантехМонтаж"')
