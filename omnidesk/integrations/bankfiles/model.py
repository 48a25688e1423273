"""What a parsed bank statement is: plain frozen dataclasses, money in kopecks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class AccountSection:
    """One ``СекцияРасчСчет``: the balances of one of our accounts for a period."""

    account: str
    date_from: dt.date | None
    date_to: dt.date | None
    opening: int
    incoming: int
    outgoing: int
    closing: int
    line: int


@dataclass(frozen=True, slots=True)
class BankDocument:
    """One ``СекцияДокумент``; keys without a named field here are kept as written in ``fields``
    (not every key: a statement of 23 000 documents would hold them all twice). Slots, not a
    ``__dict__`` per document: a big statement holds tens of thousands."""

    kind: str
    number: str
    date: dt.date
    amount: int
    payer_account: str
    payer_name: str
    payer_inn: str
    payer_kpp: str
    payer_bic: str
    payer_bank: str
    payee_account: str
    payee_name: str
    payee_inn: str
    payee_kpp: str
    date_debited: dt.date | None
    date_credited: dt.date | None
    purpose: str
    payment_code: str
    line: int
    fields: tuple[tuple[str, str], ...] = field(repr=False, default=())

    def get(self, key: str, default: str = "") -> str:
        """The raw value of a key without a named field, as written in the file (the first one if repeated)."""
        for name, value in self.fields:
            if name == key:
                return value
        return default


@dataclass(frozen=True)
class Statement:
    """A whole statement file: header, account sections and every document."""

    format_name: str
    version: str
    encoding: str
    sender: str
    receiver: str
    created: dt.date | None
    date_from: dt.date | None
    date_to: dt.date | None
    accounts: tuple[str, ...]
    sections: tuple[AccountSection, ...]
    documents: tuple[BankDocument, ...]
    warnings: tuple[str, ...] = ()

    def incoming(self, account: str | None = None) -> tuple[BankDocument, ...]:
        """Documents where our account (or the given one) is the payee."""
        ours = {account} if account else set(self.accounts)
        return tuple(d for d in self.documents if d.payee_account in ours)

    def outgoing(self, account: str | None = None) -> tuple[BankDocument, ...]:
        """Documents where our account (or the given one) is the payer."""
        ours = {account} if account else set(self.accounts)
        return tuple(d for d in self.documents if d.payer_account in ours)
