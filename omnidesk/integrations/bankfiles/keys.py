"""The de-duplication key of a bank document: overlapping statements repeat documents."""

from __future__ import annotations

import hashlib
import re

from .model import BankDocument

_SPACES = re.compile(r"\s+")


def purpose_hash(purpose: str) -> str:
    """Short stable hash of the purpose text, insensitive to spacing and letter case."""
    normalized = _SPACES.sub(" ", purpose).strip().casefold()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]


def document_key(document: BankDocument, account: str | None = None) -> str:
    """``account|date|number|amount|payer account|purpose hash`` — equal for the same document.

    ``account`` is our account the document belongs to; by default the payee's (an incoming
    document). The key is plain text (under 100 characters) to store in a unique column.
    """
    ours = account if account is not None else document.payee_account
    return "|".join(
        (
            ours.strip(),
            document.date.isoformat(),
            document.number.strip(),
            str(document.amount),
            document.payer_account.strip(),
            purpose_hash(document.purpose),
        )
    )
