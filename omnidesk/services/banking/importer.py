"""Import a bank statement: parse all or nothing, keep each document once, book what matching is sure of.

Steps: parse → classify (incoming / outgoing / already imported) → match the new incoming lines
against the customers and open orders in the database → store the statement and its new lines in
one unit of work → book each automatic line through the ledger (``source_key`` = document key,
so a payment can never be booked twice) → remember the payer accounts that identified someone.
A line whose booking fails (an order closed meanwhile) goes to the review queue with the reason.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import exc as sa_exc
from sqlalchemy import select

from omnidesk.core.errors import Conflict
from omnidesk.core.matching import Matcher, MatchResult, MatchStatus
from omnidesk.integrations.bankfiles import BankDocument, Statement, document_key, parse_statement, to_bank_line
from omnidesk.persistence.db import among, column_rows
from omnidesk.persistence.models import BankLine, BankLineStatus, BankStatement

from .. import audit, collect
from ..auth import Actor, permit
from ..bulk import fewer_collections
from ..ledger import AllocationRequest
from ..ledger.rows import insert_with_ids
from ..uow import Database
from .booking import BATCH, Booked, Job, book_automatic
from .dto import ImportProgress, ImportResult, LineView
from .inputs import customer_names, known_customers, open_orders
from .store import LINE_COLUMNS, booked_in_statement, proposals_json, suggestions_of, views

_STATUS = {MatchStatus.ALLOCATED: BankLineStatus.ALLOCATED, MatchStatus.ADVANCE: BankLineStatus.ADVANCE,
           MatchStatus.REVIEW: BankLineStatus.REVIEW}


@dataclass(frozen=True, slots=True)
class _Doc:
    document: BankDocument
    key: str
    account: str  # our account
    incoming: bool


def import_statement(db: Database, actor: Actor, data: bytes, file_name: str = "") -> ImportResult:
    """Import one statement file; see :func:`import_steps`."""
    result = None
    for step in import_steps(db, actor, data, file_name):
        if isinstance(step, ImportResult):
            result = step
    assert result is not None
    return result


def import_steps(db: Database, actor: Actor, data: bytes, file_name: str = "") -> Iterator[ImportProgress | ImportResult]:
    """The import as a generator: progress steps, then the :class:`ImportResult`.

    Closing the generator before the statement is stored imports nothing; once it is stored,
    the automatic bookings are finished even if the caller stops listening.
    """
    permit(actor, "bank.import")
    with fewer_collections():
        yield from _import_steps(db, actor, data, file_name)


def _import_steps(db: Database, actor: Actor, data: bytes, file_name: str) -> Iterator[ImportProgress | ImportResult]:
    finish_pending(db, actor)
    yield ImportProgress("parse", 0, 1)
    statement = parse_statement(data)
    docs = _classify(statement)
    yield ImportProgress("match", 0, len(docs))
    # those we pay in this statement are our suppliers: money from them is never a customer's payment
    suppliers = [v for d in docs if not d.incoming for v in (d.document.payee_inn, d.document.payee_account)]
    with db.read() as session:
        existing = _existing(session, [d.key for d in docs])
        fresh, duplicates = _split_new(docs, existing)
        incoming = [d for d in fresh if d.incoming]
        lines = [to_bank_line(d.document, d.key) for d in incoming]
        # the customers and open orders go straight into the matcher's indexes (streams, not lists)
        matcher = Matcher(known_customers(session) if incoming else (), open_orders(session) if incoming else (),
                          suppliers, lines)
    results = {line.line_id: matcher.match(line) for line in lines}
    del matcher, lines  # 100 000 orders' indexes: free them before storing and booking
    yield ImportProgress("match", len(docs), len(docs))
    statement_id, rows = _store(db, actor, statement, data, file_name, fresh, results, len(duplicates))
    automatic = [(d.key, _job(rows[d.key], results[d.key])) for d in incoming if results[d.key].automatic]
    outline = _Outline(
        file_name=file_name, statement_id=statement_id, keys=[d.key for d in docs],
        duplicates={position: (docs[position], earlier) for position, earlier in duplicates.items()},
        imported=sum(1 for d in docs if d.incoming and d.key in rows),
        outgoing_skipped=sum(1 for d in docs if not d.incoming and d.key in rows), warnings=statement.warnings)
    # the documents and what matching made of them are stored now: free them for the views of the result
    del statement, docs, fresh, incoming, results, duplicates, existing
    booked: dict[str, Booked] = {}
    listening = True
    for start in range(0, len(automatic), BATCH):
        chunk = automatic[start:start + BATCH]
        done = book_automatic(db, actor, [job for _key, job in chunk])
        booked.update((key, done[job.line_id]) for key, job in chunk)
        if listening:
            try:
                yield ImportProgress("book", start + len(chunk), len(automatic))
            except GeneratorExit:
                listening = False  # keep booking: the statement is stored, its money must be too
    del automatic
    result = _result(db, outline, rows, booked)
    if listening:
        yield result


def _classify(statement: Statement) -> list[_Doc]:
    ours = set(statement.accounts)
    out = []
    for doc in statement.documents:
        if doc.payee_account in ours:
            out.append(_Doc(doc, document_key(doc), doc.payee_account, True))
        else:  # our payment out (or a document of none of our accounts): recorded, never matched
            account = doc.payer_account if doc.payer_account in ours else doc.payee_account
            out.append(_Doc(doc, document_key(doc, account), account, False))
    return out


def _existing(session, keys: list[str]) -> dict[str, BankLine]:
    found: dict[str, BankLine] = {}
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), 500):
        for line in session.scalars(select(BankLine).where(among(BankLine.document_key, unique[start:start + 500]))):
            found[line.document_key] = line
    session.expunge_all()
    return found


def _split_new(docs: list[_Doc], existing: dict[str, BankLine]) -> tuple[list[_Doc], dict[int, BankLine | None]]:
    """New documents in file order, and the duplicates by position (with the stored line, if any)."""
    fresh, duplicates, seen = [], {}, set()
    for position, d in enumerate(docs):
        if d.key in existing or d.key in seen:
            duplicates[position] = existing.get(d.key)
        else:
            seen.add(d.key)
            fresh.append(d)
    return fresh, duplicates


def _store(db: Database, actor: Actor, statement: Statement, data: bytes, file_name: str, fresh: list[_Doc],
           results: dict[str, MatchResult], duplicates: int) -> tuple[int | None, dict[str, int]]:
    if not fresh:
        return None, {}  # nothing new: the database stays exactly as it was
    try:
        with db.unit_of_work() as session:
            row = BankStatement(
                file_name=file_name[:255], file_sha256=hashlib.sha256(data).hexdigest(), format_name=statement.format_name[:64],
                accounts=", ".join(statement.accounts)[:255], date_from=statement.date_from, date_to=statement.date_to,
                opening=sum(s.opening for s in statement.sections), incoming=sum(s.incoming for s in statement.sections),
                outgoing=sum(s.outgoing for s in statement.sections), closing=sum(s.closing for s in statement.sections),
                documents=len(statement.documents), imported=sum(1 for d in fresh if d.incoming),
                duplicates=duplicates, outgoing_skipped=sum(1 for d in fresh if not d.incoming), imported_by=actor.author,
            )
            session.add(row)
            session.flush()
            ids: dict[str, int] = {}
            for start in range(0, len(fresh), _CHUNK):  # Core executemany, a chunk at a time: memory stays flat
                chunk = [_line(row.id, d, results.get(d.key)) for d in fresh[start:start + _CHUNK]]
                inserted = insert_with_ids(session, BankLine.__table__, chunk)
                ids.update(zip((line["document_key"] for line in chunk), inserted, strict=True))
                collect.note(session, "bank_lines", inserted)
                collect.note(session, "customers", (line["customer_id"] for line in chunk))
            audit.record(session, actor.author, "bank.import", "bank_statement", row.id, file=file_name,
                         imported=row.imported, duplicates=duplicates, outgoing=row.outgoing_skipped)
            return row.id, ids
    except sa_exc.IntegrityError as exc:
        raise Conflict("эта выписка сейчас загружается на другом рабочем месте — повторите загрузку позже") from exc


_CHUNK = 1000


def _line(statement_id: int, d: _Doc, result: MatchResult | None) -> dict:
    """The row of a new bank line (the columns a ``BankLine(...)`` would get)."""
    doc = d.document
    if result is None:
        status, explanation, proposals = BankLineStatus.OUTGOING, "исходящий платёж — не сопоставляется", ""
    else:
        status, explanation = _STATUS[result.status], result.explanation
        proposals = proposals_json([result.applied] if result.applied else result.suggestions)
    return dict(
        statement_id=statement_id, document_key=d.key, account=d.account[:34], doc_date=doc.date_credited or doc.date,
        number=doc.number[:32], amount=doc.amount, payer_name=doc.payer_name[:255], payer_inn=doc.payer_inn[:12],
        payer_kpp=doc.payer_kpp[:9], payer_account=doc.payer_account[:34], purpose=doc.purpose[:1000], status=status,
        explanation=explanation[:1000], suggestions=proposals or "[]",
        customer_id=result.customer_id if result is not None and result.automatic else None,
    )


def _job(line_id: int, result: MatchResult) -> Job:
    proposal = result.applied
    assert proposal is not None and proposal.customer_id is not None
    allocations = tuple(AllocationRequest(a.order_number, a.amount) for a in proposal.allocations)
    return Job(line_id, int(proposal.customer_id), allocations, result.remember_account)


def finish_pending(db: Database, actor: Actor) -> int:
    """Book automatic lines stored but not booked (the program stopped in between); return how many."""
    with db.read() as session:
        pending = session.execute(
            select(BankLine.id, BankLine.customer_id, BankLine.suggestions)
            .where(BankLine.status.in_([BankLineStatus.ALLOCATED, BankLineStatus.ADVANCE]), BankLine.payment_id.is_(None))
        ).all()
    jobs = []
    for line_id, customer_id, proposals in pending:
        applied = suggestions_of(proposals, {})
        if customer_id is not None and applied:
            jobs.append(Job(line_id, customer_id, tuple(AllocationRequest(a.order_number, a.amount) for a in applied[0].allocations)))
    book_automatic(db, actor, jobs)
    return len(pending)


@dataclass(frozen=True, slots=True)
class _Outline:
    """What the result needs of the file once its documents are stored: their order, the duplicates."""

    file_name: str
    statement_id: int | None
    keys: list[str]  # every document's key, in file order
    duplicates: dict[int, tuple[_Doc, BankLine | None]]  # by position: the document, and the stored line if any
    imported: int
    outgoing_skipped: int
    warnings: tuple[str, ...]


def _result(db: Database, outline: _Outline, rows: dict[str, int], booked: dict[str, Booked]) -> ImportResult:
    by_id: dict[int, LineView] = {}
    statement_id, duplicates = outline.statement_id, outline.duplicates
    with db.read() as session:
        if statement_id is not None:  # every new line is a line of this statement: read them as columns, at once
            stored = column_rows(session, select(*LINE_COLUMNS).where(BankLine.statement_id == statement_id))
            receipts = {rows[key]: done.receipts for key, done in booked.items() if done.receipts}
            by_id = {v.id: v for v in views(session, stored, with_suggestions=True,
                                             booked=booked_in_statement(session, statement_id), receipts=receipts)}
            del stored
        names = customer_names(session, [line.customer_id for _d, line in duplicates.values() if line is not None])
    lines: list[LineView] = []
    for position, key in enumerate(outline.keys):
        if position in duplicates:
            lines.append(_duplicate_view(*duplicates[position], names))
        else:
            lines.append(by_id[rows[key]])
    return ImportResult(
        file_name=outline.file_name, statement_id=statement_id, documents=len(outline.keys),
        imported=outline.imported, duplicates=len(duplicates), outgoing_skipped=outline.outgoing_skipped,
        lines=tuple(lines), warnings=outline.warnings,
    )


def _duplicate_view(d: _Doc, earlier: BankLine | None, names: dict[int, str]) -> LineView:
    doc = d.document
    where = f"уже загружен (выписка {earlier.statement_id}, строка {earlier.id})" if earlier else "повтор в этом же файле"
    customer_id = earlier.customer_id if earlier else None
    return LineView(
        id=earlier.id if earlier else None, document_key=d.key, statement_id=earlier.statement_id if earlier else None,
        date=doc.date_credited or doc.date, number=doc.number, amount=doc.amount, payer_name=doc.payer_name,
        payer_inn=doc.payer_inn, payer_account=doc.payer_account, purpose=doc.purpose, status=BankLineStatus.DUPLICATE,
        explanation=where, customer_id=customer_id, customer_name=names.get(customer_id, "") if customer_id else "",
        payment_id=earlier.payment_id if earlier else None,
    )
