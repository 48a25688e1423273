"""What each of two racing workstations does (run in its own process by tests/races/test_races.py).

Every round both processes wait at a barrier and then act on the same rows at once; what each won or
was refused goes back to the test through a queue.
"""

from __future__ import annotations

import os
import traceback

from omnidesk.core.enums import Role
from omnidesk.core.errors import OmniDeskError
from omnidesk.services.auth import Actor


def actor(index: int) -> Actor:
    return Actor(f"Кассир {index}", Role.CASHIER, login=f"cashier{index}")


def apply_advances(url: str, index: int, rounds: list[tuple[int, str]], barrier, queue) -> None:
    """Round i: pay order rounds[i][1] from customer rounds[i][0]'s advance."""
    from omnidesk.services.database import open_database
    from omnidesk.services.ledger import apply_advance

    won, refused, errors = 0, {}, []
    db = open_database(url)
    try:
        for customer_id, order_number in rounds:
            barrier.wait(timeout=60)
            try:
                apply_advance(db, actor(index), customer_id=customer_id, order_number=order_number)
                won += 1
            except OmniDeskError as exc:
                kind = type(exc).__name__
                refused[kind] = refused.get(kind, 0) + 1
            except Exception:  # an error the services should have turned into a clear refusal
                errors.append(traceback.format_exc(limit=3))
    finally:
        db.engine.dispose()
        queue.put({"index": index, "won": won, "refused": refused, "errors": errors[:5], "error_count": len(errors)})


def print_receipts(url: str, index: int, receipt_ids: list[int], directory: str, barrier, queue) -> None:
    """Round i: print receipt_ids[i] on this workstation's own register (an emulator of its own)."""
    from fiscal_drivers.emulator import Emulator
    from omnidesk.integrations.fiscal import RegisterConnection
    from omnidesk.services.database import open_database
    from omnidesk.services.fiscal import FiscalJournal

    won, refused, errors, journal_docs = 0, {}, [], []
    db = open_database(url)
    emulator = Emulator(journal=os.path.join(directory, f"fn{index}.jsonl"),
                        state=os.path.join(directory, f"kkt{index}.json"))
    emulator.start()
    journal = FiscalJournal(db, lambda: RegisterConnection(emulator.url), actor(index))
    try:
        journal.open_shift()
        for receipt_id in receipt_ids:
            barrier.wait(timeout=60)
            try:
                journal.print_receipt(receipt_id)
                won += 1
            except OmniDeskError as exc:
                kind = type(exc).__name__
                refused[kind] = refused.get(kind, 0) + 1
            except Exception:
                errors.append(traceback.format_exc(limit=3))
        journal_docs = [{"fd": d.get("number"), "type": d.get("type"), "total": d.get("1020")}
                        for d in emulator.journal if d.get("type") in (3, 31)]
        device = journal.connection.description
    except Exception:
        errors.append(traceback.format_exc(limit=5))
        device = ""
    finally:
        journal.close()
        emulator.stop()
        db.engine.dispose()
        queue.put({"index": index, "won": won, "refused": refused, "errors": errors[:5], "error_count": len(errors),
                   "journal": journal_docs, "device": device})
