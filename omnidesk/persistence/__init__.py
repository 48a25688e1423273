"""Database: SQLAlchemy 2 typed models, engine set-up, Alembic migrations."""
