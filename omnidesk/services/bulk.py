"""Work on tens of thousands of rows at once (a bank statement's import)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# gen0 every 10 000 allocations instead of 700, the oldest generation ten times rarer than that
_BULK_THRESHOLD = (10_000, 10, 10)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Python's cycle collector walks every live object each time it collects its oldest generation.
    A big import holds some two million objects to its end (the statement, the matcher's indexes, the
    rows of each batch) and would have them all walked a dozen times — 2 s of 17 for 23 000
    documents. While the work runs, collections come rarer; the thresholds are restored after it."""
    before = gc.get_threshold()
    gc.set_threshold(*_BULK_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)
