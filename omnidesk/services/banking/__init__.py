"""Bank statements: import (all or nothing, each document once), automatic booking, the review queue.

    result = import_statement(db, actor, data, "выписка.txt")
    queue = review_queue(db)
    book_line(db, actor, line.id, customer_id=7, allocations=[AllocationRequest("10231", 500000)])
"""

from ..ledger.allocations import AllocationView
from .dto import ImportProgress, ImportResult, LineView, StatementView, SuggestedAllocation, Suggestion
from .importer import finish_pending, import_statement, import_steps
from .listing import recent_lines
from .new_customer import customer_from_payer
from .review import (
    book_line,
    line_allocations,
    line_view,
    list_statements,
    mark_not_ours,
    review_queue,
    statement_lines,
    undo_allocation,
)

__all__ = [
    "AllocationView",
    "ImportProgress",
    "ImportResult",
    "LineView",
    "StatementView",
    "SuggestedAllocation",
    "Suggestion",
    "book_line",
    "customer_from_payer",
    "finish_pending",
    "import_statement",
    "import_steps",
    "line_allocations",
    "line_view",
    "list_statements",
    "mark_not_ours",
    "recent_lines",
    "review_queue",
    "statement_lines",
    "undo_allocation",
]
