"""Shared fixtures: an isolated user directory per test, databases on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import uuid

import pytest

from omnidesk.app import offscreen_platform

if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":  # a virtual 1920×1200 screen, no display
    os.environ["QT_QPA_PLATFORM"] = offscreen_platform()

PG_URL = os.environ.get("OMNIDESK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(autouse=True)
def user_dirs(tmp_path, monkeypatch):
    """Every test gets its own config and data directories; nothing touches the real home."""
    monkeypatch.setenv("OMNIDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("OMNIDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("OMNIDESK_DB", raising=False)
    return tmp_path


def _postgres_available() -> str | None:
    """None if the server answers, else the reason it does not."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install -e '.[test]')"
    try:
        with psycopg.connect(PG_URL.replace("+psycopg", ""), connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return f"no PostgreSQL at {PG_URL}: {str(exc).strip().splitlines()[0]}"


@pytest.fixture(scope="session")
def postgres_reason() -> str | None:
    return _postgres_available()


@pytest.fixture
def pg_url(postgres_reason):
    """A URL whose connections use a fresh schema, dropped after the test."""
    if postgres_reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL tests must run on CI: {postgres_reason}")
        pytest.skip(postgres_reason)
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    plain = PG_URL.replace("+psycopg", "")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'omnidesk.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request) -> str:
    """Each database test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def db(db_url):
    from omnidesk.services.database import init_database

    database, _ = init_database(db_url)
    yield database
    database.engine.dispose()


@pytest.fixture
def demo_db(db):
    import datetime as dt

    from omnidesk.services.demo import load_demo

    load_demo(db, today=dt.date(2026, 3, 10))
    return db


@pytest.fixture(autouse=True)
def english_ui():
    """UI tests read the English source strings: drop any translation an earlier test installed."""
    yield
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is not None:
        from omnidesk.ui.i18n import install_translators

        install_translators(app, "en")
