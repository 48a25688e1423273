"""Alembic migrations of the OmniDesk schema (run by omnidesk.persistence.migrate)."""
