"""Bench: a first pull of 10 000 orders from the CRM through ``/orders/history`` at 10 requests/s.

    python -m bench.sync [--orders 10000] [--rate 10]

The loopback CRM (tests/fakes/crm.py) enforces the rate itself (503 above it). The fewest requests a
first pull needs: one reference book (statuses), ⌈orders/100⌉ history pages (the largest page, by
``filter[sinceId]``) and ⌈orders/100⌉ re-reads of the changed orders (``/orders?filter[ids][]=…&limit=100``).
Prints the requests made, the time, its ratio to the rate-limit minimum (requests / rate; target ≤ 1.1)
and the time spent applying the orders to the database (overlapped with the reading).
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the stand-in lives in tests/fakes
    sys.path.insert(0, str(ROOT))

from omnidesk.integrations.crm import CrmClient  # noqa: E402
from omnidesk.integrations.web import RetryPolicy  # noqa: E402
from omnidesk.services.database import open_database  # noqa: E402
from omnidesk.services.sync.mapping import StatusMap  # noqa: E402
from omnidesk.services.sync.pull import PullResult, pull_crm  # noqa: E402
from tests.fakes.crm import FakeCrm  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=10.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, FakeCrm(rate=args.rate) as crm:
        start = time.perf_counter()
        for n in range(args.orders):
            crm.add_order(number=f"B{n:06d}", window=("10:00", "14:00") if n % 2 else ("14:00", "18:00"))
        print(f"stand-in: {args.orders} orders, {len(crm.history)} history records "
              f"({time.perf_counter() - start:.1f} s to make)")
        db = open_database(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        client = CrmClient(crm.url, FakeCrm.OUR_KEY, "omnisan", rate=args.rate, timeout=30,
                           policy=RetryPolicy(attempts=5, backoff_s=0.1))
        start = time.perf_counter()
        statuses = client.reference("statuses")
        result = pull_crm(db, client, statuses, StatusMap.from_setting(None), PullResult())
        elapsed = time.perf_counter() - start
        made = client.requests_made
        fewest = 1 + 2 * math.ceil(args.orders / 100)
        minimum = made / args.rate
        print(f"requests made: {made} (fewest possible: {fewest}); rejected by the CRM's rate limit: "
              f"{crm.rate_limit.rejected}")
        print(f"orders created: {result.created}, history records: {result.records}")
        print(f"elapsed: {elapsed:.2f} s; rate-limit minimum (requests / rate): {minimum:.2f} s; "
              f"ratio: {elapsed / minimum:.3f} (target ≤ 1.1)")
        print(f"apply time (writing the orders, overlapped with reading): {result.apply_s:.2f} s")
        db.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
