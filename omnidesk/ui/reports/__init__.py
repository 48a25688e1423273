"""The Reports page: the reconciliation act, the payments register and unmatched transfers to Excel."""
