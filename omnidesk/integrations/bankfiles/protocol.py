"""The seam for statement formats: 1CClientBankExchange today, camt.053 later."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from .errors import BankFileError
from .exchange1c import ExchangeParser
from .model import Statement


@runtime_checkable
class StatementParser(Protocol):
    """A bank statement format: recognises its bytes and parses them all or nothing."""

    name: str

    def sniff(self, data: bytes) -> bool:
        """True if ``data`` looks like this format (cheap, looks at the first bytes only)."""
        ...

    def parse(self, data: bytes) -> Statement:
        """The whole statement, or BankFileError naming the line and the problem."""
        ...


PARSERS: tuple[StatementParser, ...] = (ExchangeParser(),)


def parse_statement(data: bytes, parsers: Sequence[StatementParser] = PARSERS) -> Statement:
    """Parse a statement file of any known format; raise BankFileError otherwise."""
    for parser in parsers:
        if parser.sniff(data):
            return parser.parse(data)
    raise BankFileError(1, "формат файла не распознан: ожидалась выписка 1CClientBankExchange")
