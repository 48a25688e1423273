"""Bank statement files: parse them into plain dataclasses (money in kopecks).

Entry points: :func:`parse_statement` (any known format, today 1CClientBankExchange 1.02/1.03),
:func:`document_key` for de-duplication, :func:`to_bank_line` to feed core matching.
Every problem with a file is one :class:`BankFileError` naming the line; nothing is half-parsed.
"""

from .adapter import to_bank_line
from .errors import BankFileError
from .exchange1c import ExchangeParser, parse_exchange
from .keys import document_key, purpose_hash
from .model import AccountSection, BankDocument, Statement
from .protocol import PARSERS, StatementParser, parse_statement

__all__ = [
    "PARSERS",
    "AccountSection",
    "BankDocument",
    "BankFileError",
    "ExchangeParser",
    "Statement",
    "StatementParser",
    "document_key",
    "parse_exchange",
    "parse_statement",
    "purpose_hash",
    "to_bank_line",
]
