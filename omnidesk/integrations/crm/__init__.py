"""RetailCRM API v5."""

from .client import CrmClient, HistoryPage

__all__ = ["CrmClient", "HistoryPage"]
