"""Parser of 1CClientBankExchange 1.02/1.03 statements (all or nothing)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .decoding import CODEC_NAMES, iter_lines, looks_like_exchange
from .errors import BankFileError
from .model import AccountSection, BankDocument, Statement
from .sections import Shared, build_document, build_section, check_totals, header_date

FORMAT_NAME = "1CClientBankExchange"
ACCOUNT_START, ACCOUNT_END = "СекцияРасчСчет", "КонецРасчСчет"
DOCUMENT_START, DOCUMENT_END = "СекцияДокумент", "КонецДокумента"
FILE_END = "КонецФайла"
# Header keys the format lets repeat: one line per account and per document kind the file holds.
_REPEATABLE = {"РасчСчет", "Документ"}


@dataclass
class _Block:
    """Keys read so far for the header, an account section or a document."""

    what: str
    line: int
    kind: str = ""
    values: dict[str, str] = field(default_factory=dict)  # each key's value as first written
    # each key's first line; a document's keys, read in the parse's loop, leave it empty (see line_of)
    lines: dict[str, int] = field(default_factory=dict)
    # keys written again with the same value: (how many distinct keys came before, key, value)
    repeats: list[tuple[int, str, str]] = field(default_factory=list)
    blanks: list[int] = field(default_factory=list)  # blank lines in a document: how many distinct keys came before
    accounts: list[str] = field(default_factory=list)

    def add(self, key: str, value: str, line: int) -> None:
        repeatable = key in _REPEATABLE and self.what == "header"
        if repeatable and key == "РасчСчет":
            self.accounts.append(value)
        previous = self.values.get(key)
        if previous is None:
            self.values[key] = value
            self.lines[key] = line
            return
        if previous != value and not repeatable:
            raise BankFileError(line, f"ключ «{key}» повторяется с другим значением (первый раз в строке {self.line_of(key)})")
        self.repeats.append((len(self.values), key, value))

    def line_of(self, key: str) -> int:
        """The line where ``key`` was first written. A document's lines are its first line, then one line
        per distinct key, per repeated key and per blank line, in the order recorded."""
        if key in self.lines:
            return self.lines[key]
        index = list(self.values).index(key)
        skipped = sum(1 for before, _, _ in self.repeats if before <= index) + sum(1 for before in self.blanks if before <= index)
        return self.line + 1 + index + skipped

    def ordered(self) -> list[tuple[str, str]]:
        """Every (key, value) in the order written, repeats included."""
        items = list(self.values.items())
        if not self.repeats:
            return items
        out: list[tuple[str, str]] = []
        repeats = iter(self.repeats)
        pending = next(repeats, None)
        for count, item in enumerate(items, 1):
            out.append(item)
            while pending is not None and pending[0] == count:
                out.append(pending[1:])
                pending = next(repeats, None)
        return out


class _Reader:
    """Keeps the header, sections and documents; reads every line but a document's ``Ключ=Значение``
    (those :func:`parse_exchange` puts straight into the open document's block)."""

    def __init__(self) -> None:
        self.header = _Block("header", 1)
        self.current: _Block | None = None
        self.sections: list[AccountSection] = []
        self.documents: list[BankDocument] = []
        self.ended_at = 0
        self.shared = Shared()

    def feed(self, number: int, line: str) -> _Block | None:
        """One stripped non-empty line; return the document now open, if any."""
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
            (self.current or self.header).add(key, value.strip(), number)
        current = self.current
        return current if current is not None and current.what == "document" else None

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
            self.documents.append(
                build_document(
                    block.kind, block.values, block.line_of, block.ordered() if block.repeats else None, block.line,
                    self.shared,
                )
            )
        else:
            self.sections.append(build_section(block.values, block.lines, block.line))
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
    feed = reader.feed
    number = 1
    next(lines)  # the magic first line, checked already
    # The keys of an open document (nine lines in ten) are read here, without a call per line and without
    # noting their lines (_Block.line_of counts them again for an error); anything else, or anything odd
    # (no key, a repeated key), goes through the reader.
    document: _Block | None = None
    values: dict[str, str] = {}
    for number, text in enumerate(lines, 2):
        if document is not None:
            # a line with "=" is never blank, and splitting it before stripping gives the same key and value
            key, sep, value = text.partition("=")
            if sep:
                key = key.strip()
                if key and key != DOCUMENT_START:
                    if key in values:
                        document.add(key, value.strip(), number)
                    else:
                        values[key] = value.strip()
                    continue
        line = text.strip()
        if line:
            document = feed(number, line)
            if document is not None:
                values = document.values
        elif document is not None:
            document.blanks.append(len(values))
    reader.finish(number)
    return _statement(reader, codec)


def _statement(reader: _Reader, codec: str) -> Statement:
    head = reader.header
    accounts = list(dict.fromkeys(head.accounts + [s.account for s in reader.sections]))
    warnings = check_totals(reader.sections, reader.documents)
    if not reader.sections:
        warnings.append("в файле нет «СекцияРасчСчет» — остатки не проверены")
    return Statement(
        format_name=FORMAT_NAME,
        version=head.values.get("ВерсияФормата", ""),
        encoding=CODEC_NAMES[codec],
        sender=head.values.get("Отправитель", ""),
        receiver=head.values.get("Получатель", ""),
        created=header_date(head.values, head.lines, "ДатаСоздания"),
        date_from=header_date(head.values, head.lines, "ДатаНачала"),
        date_to=header_date(head.values, head.lines, "ДатаКонца"),
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
