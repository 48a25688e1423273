"""The incremental pull from the CRM: ``/orders/history`` by ``filter[sinceId]`` (never ``page``), own edits
skipped, the orders a page touched re-read 100 at a time (``/orders?filter[ids][]=…``), applied in id order
with the page's last history id in the same transaction.

Reading and applying overlap: one thread keeps the CRM busy at its rate while this one writes the previous
page, so the throttle's wait is the only cost of the network.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from dataclasses import dataclass

from omnidesk.integrations.crm import CrmClient

from ..uow import Database
from .apply import ApplyResult, apply_orders
from .mapping import StatusMap
from .state import get_state

END = object()


@dataclass
class PullResult(ApplyResult):
    records: int = 0
    skipped_own: int = 0
    apply_s: float = 0.0


def is_own(record: dict) -> bool:
    """A record this key made (people's records have no ``apiKey`` at all)."""
    api_key = record.get("apiKey")
    return isinstance(api_key, dict) and api_key.get("current") is True


def pull_crm(db: Database, client: CrmClient, statuses: dict[str, dict], status_map: StatusMap,
             result: PullResult | None = None, limit: int = 100) -> PullResult:
    result = result or PullResult()
    with db.read() as session:
        text = get_state(session, "crm.history_since_id")
    since = int(text) if text else None
    pages: queue.Queue = queue.Queue(maxsize=4)
    stop = threading.Event()

    def read() -> None:
        nonlocal since
        try:
            while not stop.is_set():
                page = client.history(since, limit=limit)
                if not page.records:
                    break
                foreign = [r for r in page.records if not is_own(r)]
                ids = sorted({int(r["order"]["id"]) for r in foreign if (r.get("order") or {}).get("id")})
                orders = client.orders_by_ids(ids) if ids else []
                since = int(page.records[-1]["id"])
                pages.put((since, len(page.records), len(page.records) - len(foreign), orders))
                if page.last:
                    break
        except BaseException as exc:  # handed to the applying thread, which raises it
            pages.put(exc)
        finally:
            pages.put(END)

    reader = threading.Thread(target=read, name="crm-pull", daemon=True)
    reader.start()
    try:
        while True:
            item = pages.get()
            if item is END:
                break
            if isinstance(item, BaseException):
                raise item
            last_id, count, own, orders = item
            start = time.perf_counter()
            with db.unit_of_work() as session:
                apply_orders(session, orders, statuses, status_map, since_id=last_id, result=result)
            result.apply_s += time.perf_counter() - start
            result.records += count
            result.skipped_own += own
    finally:
        stop.set()
        while reader.is_alive():  # let the reader finish its put, then end
            with contextlib.suppress(queue.Empty):
                pages.get(timeout=0.05)
    return result
