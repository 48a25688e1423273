"""Connected as the application's own PostgreSQL role, the office's records cannot be rewritten:
no ALTER … DISABLE TRIGGER, TRUNCATE or DROP; no UPDATE/DELETE of the audit log, printed receipts or
allocations; yet every workstation command works."""

import uuid

import psycopg
import pytest

from omnidesk.cli import main
from tests.conftest import PG_URL

APP_PASSWORD = "app-role-password-1"


@pytest.fixture
def app_role(pg_url):
    name = f"omnidesk_app_{uuid.uuid4().hex[:10]}"
    yield name
    with psycopg.connect(PG_URL.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'DROP OWNED BY "{name}"')  # its grants in this database
        conn.execute(f'DROP ROLE IF EXISTS "{name}"')


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_application_role_owns_nothing(capsys, pg_url, app_role, monkeypatch):
    monkeypatch.setenv("OMNIDESK_PASSWORD", "admin-password-1")
    monkeypatch.setenv("OMNIDESK_APP_PASSWORD", APP_PASSWORD)
    code, out, err = run(capsys, "init", "--demo", "--app-role", app_role, "--db", pg_url)
    assert code == 0 and f"Роль приложения {app_role}" in out, err
    app_url = pg_url.replace("postgres@", f"{app_role}:{APP_PASSWORD}@")
    as_admin = ("--db", app_url, "--user", "admin")
    # the workstations' work goes on under the role: money, printing, users, settings
    code, out, err = run(capsys, "payments", "add", "--customer", "1", "--amount", "1000", "--kind", "card", *as_admin)
    assert code == 0, err
    code, out, err = run(capsys, "fiscal", "print-owed", *as_admin)
    assert code == 0 and "Traceback" not in err, err
    monkeypatch.setenv("OMNIDESK_NEW_PASSWORD", "cashier-password")
    assert run(capsys, "users", "add", "anna", "--role", "cashier", "--name", "Анна", *as_admin)[0] == 0
    schema = pg_url.split("search_path%3D")[1]
    with psycopg.connect(f"host=127.0.0.1 port=5432 dbname=test user={app_role} password={APP_PASSWORD} "
                         f"options=-csearch_path={schema}", autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM receipts WHERE status = 'printed'").fetchone()[0] >= 1
        assert conn.execute("SELECT count(*) FROM allocations").fetchone()[0] >= 1
        refused = [
            "ALTER TABLE audit_log DISABLE TRIGGER ALL",
            "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
            "ALTER TABLE receipts DISABLE TRIGGER receipts_guard",
            "TRUNCATE audit_log",
            "TRUNCATE allocations CASCADE",
            "UPDATE audit_log SET action = 'x'",
            "DELETE FROM audit_log",
            "UPDATE receipts SET status = 'planned', total = 1 WHERE status = 'printed'",
            "DELETE FROM receipts",
            "UPDATE allocations SET amount = amount * 10",
            "DELETE FROM allocations",
            "UPDATE payments SET amount = amount * 10",
            "DELETE FROM payments",
            "UPDATE refunds SET amount = 1",
            "DROP TABLE audit_log",
            "CREATE TABLE mine (id int)",
            "DELETE FROM users",
            "UPDATE alembic_version SET version_num = 'x'",
        ]
        for statement in refused:
            with pytest.raises(psycopg.Error):
                conn.execute(statement)
        conn.execute("UPDATE payments SET purpose = purpose")  # what the services do is allowed
    with psycopg.connect(PG_URL.replace("+psycopg", ""), autocommit=True) as conn:
        owned = conn.execute("SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
                             "WHERE r.rolname = %s", (app_role,)).fetchone()[0]
        superuser = conn.execute("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = %s",
                                 (app_role,)).fetchone()[0]
    assert owned == 0 and not superuser


def test_sqlite_has_no_application_role(capsys, sqlite_url, monkeypatch):
    monkeypatch.setenv("OMNIDESK_APP_PASSWORD", APP_PASSWORD)
    code, _, err = run(capsys, "init", "--app-role", "omnidesk_app", "--db", sqlite_url)
    assert code == 2 and "только в PostgreSQL" in err
