"""Parser of 1CClientBankExchange 1.02/1.03 statements (all or nothing)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .decoding import CODEC_NAMES, iter_lines, looks_like_exchange
from .errors import BankFileError
from .model import AccountSection, BankDocument, Statement
from .sections import build_document, build_section, check_totals, header_date

FORMAT_NAME = "1CClientBankExchange"
ACCOUNT_START, ACCOUNT_END = "СекцияРасчСчет", "КонецРасчСчет"
DOCUMENT_START, DOCUMENT_END = "СекцияДокумент", "КонецДокумента"
FILE_END = "КонецФайла"
# Header keys the format lets repeat: one line per account and per document kind the file holds.
_REPEATABLE = {"РасчСчет", "Документ"}
# Keys whose values differ from document to document; every other value (our account and name, banks,
# codes, dates) usually repeats and is kept once for the whole file, as is every key.
_OWN_VALUES = frozenset({"Номер", "Сумма", "Плательщик", "Плательщик1", "ПлательщикСчет", "ПлательщикРасчСчет",
                         "ПлательщикИНН", "ПлательщикКПП", "НазначениеПлатежа",
                         *(f"НазначениеПлатежа{i}" for i in range(1, 7))})


@dataclass
class _Block:
    """Keys read so far for the header, an account section or a document."""

    what: str
    line: int
    kind: str = ""
    values: dict[str, tuple[str, int]] = field(default_factory=dict)
    ordered: list[tuple[str, str]] = field(default_factory=list)
    accounts: list[str] = field(default_factory=list)

    def add(self, key: str, value: str, line: int) -> None:
        repeatable = key in _REPEATABLE and self.what == "header"
        if repeatable and key == "РасчСчет":
            self.accounts.append(value)
        previous = self.values.get(key)
        if previous is not None and previous[0] != value and not repeatable:
            raise BankFileError(line, f"ключ «{key}» повторяется с другим значением (первый раз в строке {previous[1]})")
        if previous is None:
            self.values[key] = (value, line)
        self.ordered.append((key, value))


class _Reader:
    """Walks the numbered lines once; keeps the header, sections and documents."""

    def __init__(self) -> None:
        self.header = _Block("header", 1)
        self.current: _Block | None = None
        self.sections: list[AccountSection] = []
        self.documents: list[BankDocument] = []
        self.ended_at = 0
        self.shared: dict[str, str] = {}  # one copy of each key and repeating value

    def feed(self, number: int, text: str) -> None:
        line = text.strip()
        if not line:
            return
        if self.ended_at:
            raise BankFileError(number, f"текст после «{FILE_END}» (строка {self.ended_at})")
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep:
            self._marker(number, key)
        elif key == DOCUMENT_START:
            self._open(number, "document", value.strip())
        elif not key:
            raise BankFileError(number, f"строка без ключа перед «=»: «{_short(line)}»")
        else:
            value = value.strip()
            if key not in _OWN_VALUES:
                value = self.shared.setdefault(value, value)
            (self.current or self.header).add(self.shared.setdefault(key, key), value, number)

    def _marker(self, number: int, marker: str) -> None:
        if marker == ACCOUNT_START:
            self._open(number, "account")
        elif marker == DOCUMENT_START:
            self._open(number, "document")
        elif marker == ACCOUNT_END:
            self._close(number, "account", marker)
        elif marker == DOCUMENT_END:
            self._close(number, "document", marker)
        elif marker == FILE_END:
            self._ensure_closed(number)
            self.ended_at = number
        else:
            raise BankFileError(number, f"непонятная строка «{_short(marker)}» (ожидалось Ключ=Значение)")

    def _open(self, number: int, what: str, kind: str = "") -> None:
        self._ensure_closed(number)
        self.current = _Block(what, number, kind)

    def _ensure_closed(self, number: int) -> None:
        if self.current is not None:
            end = DOCUMENT_END if self.current.what == "document" else ACCOUNT_END
            start = DOCUMENT_START if self.current.what == "document" else ACCOUNT_START
            raise BankFileError(
                number, f"нет «{end}»: «{start}» из строки {self.current.line} не закрыта"
            )

    def _close(self, number: int, what: str, marker: str) -> None:
        block = self.current
        if block is None or block.what != what:
            raise BankFileError(number, f"«{marker}» без начала секции")
        if what == "document":
            self.documents.append(build_document(block.kind, block.values, block.ordered, block.line))
        else:
            self.sections.append(build_section(block.values, block.line))
        self.current = None

    def finish(self, last_line: int) -> None:
        if self.current is not None and not self.ended_at:
            self._ensure_closed(last_line)
        if not self.ended_at:
            raise BankFileError(last_line, f"файл обрезан: нет «{FILE_END}»")


def parse_exchange(data: bytes) -> Statement:
    """Parse a whole 1CClientBankExchange file; raise BankFileError on the first problem."""
    codec, lines = iter_lines(data)
    reader = _Reader()
    number = 1
    next(lines)  # the magic first line, checked already
    for number, text in enumerate(lines, 2):
        reader.feed(number, text)
    reader.finish(number)
    return _statement(reader, codec)


def _statement(reader: _Reader, codec: str) -> Statement:
    head = reader.header.values
    accounts = list(dict.fromkeys(reader.header.accounts + [s.account for s in reader.sections]))
    warnings = check_totals(reader.sections, reader.documents)
    if not reader.sections:
        warnings.append("в файле нет «СекцияРасчСчет» — остатки не проверены")
    return Statement(
        format_name=FORMAT_NAME,
        version=head.get("ВерсияФормата", ("", 0))[0],
        encoding=CODEC_NAMES[codec],
        sender=head.get("Отправитель", ("", 0))[0],
        receiver=head.get("Получатель", ("", 0))[0],
        created=header_date(head, "ДатаСоздания"),
        date_from=header_date(head, "ДатаНачала"),
        date_to=header_date(head, "ДатаКонца"),
        accounts=tuple(a for a in accounts if a),
        sections=tuple(reader.sections),
        documents=tuple(reader.documents),
        warnings=tuple(warnings),
    )


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


class ExchangeParser:
    """The :class:`StatementParser` for 1CClientBankExchange."""

    name = FORMAT_NAME

    def sniff(self, data: bytes) -> bool:
        return looks_like_exchange(data)

    def parse(self, data: bytes) -> Statement:
        return parse_exchange(data)
