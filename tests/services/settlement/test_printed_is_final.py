"""A printed receipt cannot be edited or deleted anywhere; a mistake is fixed by a refund or correction."""

import pytest
import sqlalchemy as sa

from omnidesk.core.enums import PaymentKind, ReceiptStatus
from omnidesk.core.errors import InvalidInput
from omnidesk.persistence.models import Receipt, ReceiptLine
from omnidesk.services.ledger import register_payment
from omnidesk.services.receipts import list_receipts

from .conftest import CASHIER


@pytest.fixture
def printed_receipt(db, shop, journal):
    buyer = shop.customer()
    register_payment(db, CASHIER, customer_id=buyer, kind=PaymentKind.CASH, amount=150000)
    [receipt] = journal.print_owed().printed
    return receipt


@pytest.mark.parametrize("statement", [
    "UPDATE receipts SET total = 1 WHERE id = :id",
    "UPDATE receipts SET status = 'failed' WHERE id = :id",
    "DELETE FROM receipts WHERE id = :id",
    "UPDATE receipt_lines SET amount = 1 WHERE receipt_id = :id",
    "DELETE FROM receipt_lines WHERE receipt_id = :id",
])
def test_the_database_refuses_to_change_a_printed_receipt(db, printed_receipt, statement):
    with pytest.raises(sa.exc.DBAPIError):
        with db.engine.begin() as conn:
            conn.execute(sa.text(statement), {"id": printed_receipt.id})
    with db.read() as s:
        receipt = s.get(Receipt, printed_receipt.id)
        assert receipt.status is ReceiptStatus.PRINTED and receipt.total == 150000
        assert s.scalar(sa.select(sa.func.sum(ReceiptLine.amount)).where(ReceiptLine.receipt_id == receipt.id)) == 150000


def test_the_journal_never_prints_it_again(db, journal, emulator, printed_receipt):
    before = len(emulator.journal)
    with pytest.raises(InvalidInput, match="уже напечатан"):
        journal.print_receipt(printed_receipt.id)
    assert len(emulator.journal) == before


def test_an_unprinted_receipt_is_not_deleted_either(db, shop):
    buyer = shop.customer()
    register_payment(db, CASHIER, customer_id=buyer, kind=PaymentKind.CASH, amount=1000)
    with pytest.raises(sa.exc.DBAPIError):
        with db.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM receipts"))


def test_a_receipt_left_pending_by_a_crash_is_printed_by_the_next_run(db, shop, journal, emulator):
    """The app died after marking a receipt pending but before sending it: the next run prints it once."""
    buyer = shop.customer()
    register_payment(db, CASHIER, customer_id=buyer, kind=PaymentKind.CASH, amount=150000)
    register_payment(db, CASHIER, customer_id=buyer, kind=PaymentKind.CASH, amount=250000)
    first, second = [r.id for r in list_receipts(db, owed_only=True)]
    journal._begin(first)  # phase one done, then the process is killed
    run = journal.print_owed()
    assert [r.id for r in run.printed] == [first, second]
    with db.read() as s:
        assert {r.status for r in s.scalars(sa.select(Receipt))} == {ReceiptStatus.PRINTED}
    assert [doc["1020"] for doc in emulator.journal if doc["type"] == 3] == [150000, 250000]
