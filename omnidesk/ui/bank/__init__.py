"""The Bank page: statements, matching results, the review queue and the split editor."""
