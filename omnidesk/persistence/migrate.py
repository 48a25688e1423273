"""Create or upgrade a database in place with the bundled Alembic migrations.

Every command checks the schema's revision when it opens the database; that check reads the
``alembic_version`` row and compares it with :data:`HEAD`, without loading Alembic (a tenth of a
second and some 10 MB at every start). Alembic itself is loaded only to migrate.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from .db import WRITE

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration's revision: a new migration changes it (tests/persistence/test_schema.py
# checks it against the migrations' own chain).
HEAD = "0009"


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        url = engine.url.render_as_string(hide_password=False)
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser escaping
    return config


def head_revision() -> str:
    return HEAD


def scripts_head() -> str:
    """The head of the migrations' chain as Alembic reads it from the scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:
        raise RuntimeError(f"в базе несколько ревизий схемы: {', '.join(rows)}")
    return rows[0] if rows else None


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the schema to the newest revision; return (revision before, revision after)."""
    from alembic import command

    before = current_revision(engine)
    config = alembic_config(engine)
    with engine.connect().execution_options(**{WRITE: True}) as connection, connection.begin():
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return before, head_revision()


def is_up_to_date(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()
