"""The one error a bank statement file can raise."""

from __future__ import annotations

from omnidesk.core.errors import InvalidInput


class BankFileError(InvalidInput):
    """A statement that cannot be read; nothing of it is imported.

    ``line`` is the 1-based line of the file where the problem is, ``reason`` the
    Russian explanation without the line prefix.
    """

    def __init__(self, line: int, reason: str) -> None:
        self.line = line
        self.reason = reason
        super().__init__(f"строка {line}: {reason}")
