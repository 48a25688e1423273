"""Pure domain: standard library only (no Qt, no SQLAlchemy, no requests)."""
