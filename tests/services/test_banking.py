"""Bank statement import on SQLite and PostgreSQL: once per document, automatic only when sure, review by hand."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from omnidesk.core.enums import OrderStatus, Role
from omnidesk.core.errors import Conflict, Forbidden, InvalidInput
from omnidesk.integrations.bankfiles import BankFileError
from omnidesk.persistence.models import (
    Allocation,
    AuditEntry,
    BankLine,
    BankLineStatus,
    BankStatement,
    Order,
    PayerAccount,
    Payment,
    Receipt,
)
from omnidesk.services.auth import Actor
from omnidesk.services.banking import (
    book_line,
    import_statement,
    import_steps,
    line_allocations,
    mark_not_ours,
    review_queue,
    statement_lines,
    undo_allocation,
)
from omnidesk.services.customers import balance_of
from omnidesk.services.ledger import AllocationRequest
from omnidesk.services.receipts import list_receipts

sys.path.insert(0, str(Path(__file__).parent))
from bank_statements import OUTGOING, PETROVA_THREE, SANTEH_OVER, STRANGER, Doc, Shop, standard_shop, statement

MANAGER = Actor("Менеджер Ольга", Role.MANAGER)
CASHIER = Actor("Кассир Анна", Role.CASHIER)
TABLES = (BankStatement, BankLine, PayerAccount, Payment, Allocation, Receipt, AuditEntry)


@pytest.fixture
def shop(db):
    return standard_shop(db)


def counts(db) -> dict[str, int]:
    with db.read() as s:
        return {t.__tablename__: s.scalar(sa.select(sa.func.count()).select_from(t)) for t in TABLES}


def by_number(result):
    return {line.number: line for line in result.lines}


def test_import_books_what_is_certain_and_queues_the_rest(db, shop):
    result = import_statement(db, MANAGER, statement(PETROVA_THREE, SANTEH_OVER, STRANGER, OUTGOING), "март.txt")
    assert (result.documents, result.imported, result.duplicates, result.outgoing_skipped) == (4, 3, 0, 1)
    lines = by_number(result)
    petrova = lines["417"]
    assert petrova.status is BankLineStatus.ALLOCATED and petrova.customer_id == shop["petrova"]
    assert petrova.allocated == (("10231", 1_245_000), ("10232", 318_050), ("10235", 2_790_000))
    assert "номера заказов в назначении" in petrova.explanation
    assert petrova.receipts_owed == 3  # an individual's transfer: a prepayment receipt per order
    santeh = lines["88"]
    assert santeh.status is BankLineStatus.ALLOCATED and santeh.allocated == (("10240", 1_560_000),)
    assert santeh.advance == 40_000 and santeh.receipts_owed == 0  # a company's transfer owes no receipt
    assert balance_of_customer(db, shop["santeh"]) == 40_000
    assert lines["12"].status is BankLineStatus.REVIEW and lines["12"].payment_id is None
    assert lines["5"].status is BankLineStatus.OUTGOING
    with db.read() as s:
        payment = s.scalar(sa.select(Payment).where(Payment.id == santeh.payment_id))
        assert (payment.source, payment.source_key, payment.payer_account) == ("bank", santeh.document_key,
                                                                               "40702810300000098765")
        assert s.scalars(sa.select(PayerAccount.account).where(PayerAccount.customer_id == shop["petrova"])).all() == [
            "40817810500001234567"]
        owed = s.execute(sa.select(Receipt.customer_id, Receipt.electronic)).all()
    assert owed == [(shop["petrova"], a) for _n, a in petrova.allocated]  # none for the company
    assert [line.number for line in review_queue(db)] == ["12"]


def balance_of_customer(db, customer_id: int) -> int:
    with db.read() as s:
        return balance_of(s, customer_id)


def test_the_same_statement_twice_changes_nothing(db, shop):
    data = statement(PETROVA_THREE, SANTEH_OVER, STRANGER, OUTGOING)
    import_statement(db, MANAGER, data, "a.txt")
    before = counts(db)
    again = import_statement(db, MANAGER, data, "a.txt")
    assert counts(db) == before
    assert (again.imported, again.duplicates, again.outgoing_skipped, again.statement_id) == (0, 4, 0, None)
    assert {line.status for line in again.lines} == {BankLineStatus.DUPLICATE}
    assert by_number(again)["417"].customer_name == "Петрова Анна Сергеевна"


def test_overlapping_statement_imports_only_the_new_document(db, shop):
    import_statement(db, MANAGER, statement(PETROVA_THREE), "10.txt")
    later = Doc("91", 500_000, 'ООО "СантехМонтаж"', "Оплата заказа 10241", payer_account="40702810300000098765",
                payer_inn="5012345678", date=dt.date(2025, 3, 11))
    result = import_statement(db, MANAGER, statement(PETROVA_THREE, later, day=dt.date(2025, 3, 11)), "10-11.txt")
    assert (result.imported, result.duplicates) == (1, 1)
    assert by_number(result)["91"].allocated == (("10241", 500_000),)
    assert [line.number for line in statement_lines(db, result.statement_id)] == ["91"]


@pytest.mark.parametrize("mutate, line_no", [
    (lambda t: t.replace("Сумма=2500.00", "Сумма=25,00.0"), None),
    (lambda t: t.replace("КонецДокумента\r\nКонецФайла", "КонецФайла"), None),
    (lambda t: t.replace("Дата=10.03.2025\r\nСумма=2500", "Дата=31.02.2025\r\nСумма=2500"), None),
])
def test_a_broken_file_imports_nothing(db, shop, mutate, line_no):
    good = statement(PETROVA_THREE, SANTEH_OVER, STRANGER).decode("cp1251")
    broken = mutate(good)
    assert broken != good
    before = counts(db)
    with pytest.raises(BankFileError) as caught:
        import_statement(db, MANAGER, broken.encode("cp1251"), "broken.txt")
    assert str(caught.value).startswith("строка ") and caught.value.line > 1
    assert counts(db) == before


def test_booking_a_reviewed_line_by_hand_across_orders_and_advance(db, shop):
    import_statement(db, MANAGER, statement(STRANGER), "a.txt")
    (line,) = review_queue(db)
    booked = book_line(db, CASHIER, line.id, customer_id=shop["santeh"],
                       allocations=[AllocationRequest("10241", 200_000)])
    assert booked.status is BankLineStatus.BOOKED and booked.customer_id == shop["santeh"]
    assert booked.allocated == (("10241", 200_000),) and booked.advance == 50_000
    assert review_queue(db) == []
    with pytest.raises(Conflict):
        book_line(db, CASHIER, line.id, customer_id=shop["santeh"])
    with db.read() as s:  # the account it came from now identifies the customer
        assert s.scalar(sa.select(PayerAccount.customer_id).where(PayerAccount.account == STRANGER.payer_account)) == shop["santeh"]


def test_booking_by_hand_rejects_more_than_the_order_owes_and_changes_nothing(db, shop):
    import_statement(db, MANAGER, statement(STRANGER), "a.txt")
    (line,) = review_queue(db)
    before = counts(db)
    with pytest.raises(InvalidInput):
        book_line(db, CASHIER, line.id, customer_id=shop["santeh"], allocations=[AllocationRequest("10231", 100)])
    with pytest.raises(InvalidInput):
        book_line(db, CASHIER, line.id, customer_id=shop["santeh"], allocations=[AllocationRequest("10241", 300_000)])
    assert counts(db) == before and review_queue(db)[0].id == line.id


def test_mark_not_ours_takes_the_line_out_of_the_queue(db, shop):
    import_statement(db, MANAGER, statement(STRANGER), "a.txt")
    (line,) = review_queue(db)
    done = mark_not_ours(db, CASHIER, line.id, "ошибочный перевод, вернули")
    assert done.status is BankLineStatus.NOT_OURS and "ошибочный перевод" in done.explanation
    assert review_queue(db) == []


def test_undo_an_allocation_is_a_reversing_entry(db, shop):
    result = import_statement(db, MANAGER, statement(PETROVA_THREE), "a.txt")
    line = result.lines[0]
    allocations = line_allocations(db, line.id)
    assert [(a.order_number, a.live) for a in allocations] == [("10231", 1_245_000), ("10232", 318_050), ("10235", 2_790_000)]
    with pytest.raises(Forbidden):
        undo_allocation(db, CASHIER, allocations[1].id)
    undone = undo_allocation(db, MANAGER, allocations[1].id)
    assert undone.live == 0 and undone.reversed == 318_050
    with db.read() as s:
        reversal = s.scalar(sa.select(Allocation).where(Allocation.reverses_id == allocations[1].id))
        assert reversal.amount == -318_050 and reversal.payment_id == line.payment_id
        assert s.scalar(sa.select(sa.func.count()).select_from(Allocation)) == 4  # nothing deleted
    assert balance_of_customer(db, shop["petrova"]) == 318_050
    # Петрова is a person: the prepayment fiscalised for 10232 now stands as an advance, and the receipts say so
    converted = [(r.plan.kind, r.plan.operation, r.plan.total, r.order_numbers) for r in list_receipts(db, owed_only=True)
                 if r.plan.kind.startswith("conversion")]
    assert converted == [("conversion_return", 2, 318_050, ("10232",)), ("conversion_advance", 1, 318_050, ("10232",))]
    with pytest.raises(InvalidInput, match="уже отменён"):
        undo_allocation(db, MANAGER, allocations[1].id)
    again = import_statement(db, MANAGER, statement(Doc("418", 318_050, "Петрова Анна Сергеевна", "доплата 10232")), "b.txt")
    assert again.lines[0].allocated == (("10232", 318_050),)  # the order owes again, and gets paid


def test_import_progress_and_cancel_before_storing_imports_nothing(db, shop):
    steps = import_steps(db, MANAGER, statement(PETROVA_THREE, SANTEH_OVER), "a.txt")
    assert next(steps).stage == "parse"
    steps.close()
    assert counts(db)["bank_lines"] == 0
    stages = [getattr(s, "stage", "result") for s in import_steps(db, MANAGER, statement(PETROVA_THREE), "a.txt")]
    assert stages[0] == "parse" and stages[-2:] == ["book", "result"]


def test_a_logist_cannot_import(db, shop):
    with pytest.raises(Forbidden):
        import_statement(db, Actor("Логист", Role.LOGIST), statement(PETROVA_THREE), "a.txt")


def _commits(db):
    seen = []
    sa.event.listen(db.engine, "commit", lambda _conn: seen.append(1))
    return seen


def test_a_line_and_the_payment_it_books_commit_together(db, shop):
    import_statement(db, MANAGER, statement(STRANGER), "a.txt")
    (line,) = review_queue(db)
    seen = _commits(db)
    book_line(db, CASHIER, line.id, customer_id=shop["santeh"], allocations=[AllocationRequest("10241", 200_000)])
    assert len(seen) == 1


def test_booking_for_a_customer_that_does_not_exist_raises_and_changes_nothing(db, shop):
    from omnidesk.core.errors import NotFound

    import_statement(db, MANAGER, statement(STRANGER), "a.txt")
    (line,) = review_queue(db)
    before = counts(db)
    with pytest.raises(NotFound):
        book_line(db, CASHIER, line.id, customer_id=999_999)
    assert counts(db) == before and review_queue(db)[0].status is BankLineStatus.REVIEW


def test_automatic_bookings_of_an_import_do_not_commit_per_line(db, shop):
    seen = _commits(db)
    result = import_statement(db, MANAGER, statement(PETROVA_THREE, SANTEH_OVER), "a.txt")
    assert all(line.payment_id for line in result.lines)
    assert len(seen) <= 3  # the statement, one batch of bookings (and nothing per line)


def test_an_order_closed_while_matching_sends_its_line_to_review_and_the_rest_are_booked(db, shop):
    """The batch that cannot be booked is booked again in parts: only the line of the closed order is left."""
    more = Shop(db)
    docs = []
    for i in range(7):
        who = more.customer(f"Покупатель Номер{i} Тестовый", phone=f"+7916555000{i}")
        number = more.order(who, f"2050{i}", 100_000 + i, dt.date(2025, 3, 3))
        docs.append(Doc(f"7{i}", 100_000 + i, f"Покупатель Номер{i} Тестовый", f"Оплата заказа {number}",
                        payer_account=f"4081781050000765432{i}"))
    steps = import_steps(db, MANAGER, statement(*docs), "a.txt")
    while (step := next(steps)).stage != "match" or step.done == 0:
        pass  # matched, not yet stored: now another workstation cancels order 20504
    with db.unit_of_work() as s:
        s.execute(sa.update(Order).where(Order.number == "20504").values(status=OrderStatus.CANCELLED))
    result = list(steps)[-1]
    lines = by_number(result)
    assert [n for n, line in lines.items() if line.status is BankLineStatus.REVIEW] == ["74"]
    assert lines["74"].payment_id is None and lines["74"].explanation.startswith("не проведено автоматически: ")
    assert "20504" in lines["74"].explanation and "закрыт" in lines["74"].explanation
    assert all(lines[f"7{i}"].allocated == ((f"2050{i}", 100_000 + i),) for i in (0, 1, 2, 3, 5, 6))
    assert counts(db)["payments"] == 6 and [line.number for line in review_queue(db)] == ["74"]
