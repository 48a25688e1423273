"""Sync with RetailCRM and 1C: the outbox (written with the change), the pull, the sender, the engine."""
