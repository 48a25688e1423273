"""A parsed document as the input of core matching."""

from __future__ import annotations

from omnidesk.core.matching import BankLine

from .keys import document_key
from .model import BankDocument


def to_bank_line(document: BankDocument, line_id: str | None = None) -> BankLine:
    """The matching input of an incoming document; ``line_id`` defaults to its document key."""
    return BankLine(
        line_id=line_id if line_id is not None else document_key(document),
        amount=document.amount,
        date=document.date_credited or document.date,
        payer_name=document.payer_name,
        payer_inn=document.payer_inn,
        payer_kpp=document.payer_kpp,
        payer_account=document.payer_account,
        purpose=document.purpose,
    )
