"""The PostgreSQL login role the workstations use: it owns nothing and may only what the services do.

``omnidesk init --app-role NAME`` (run by an administrator connected as the schema's owner) creates or
updates the role and its grants. Not being the owner, the role cannot ALTER, DROP or TRUNCATE a table nor
disable a trigger. It may read everything and add rows; it may never change or delete an audit entry,
a payment's amount or customer, an allocation's amount or a refund; it deletes only draft routes, their
stops and old change-log rows. Printed receipts are frozen by triggers it cannot switch off.
Run it again after an upgrade that adds tables.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, inspect

from omnidesk.core.errors import InvalidInput

_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
APPEND_ONLY = ("audit_log", "refunds", "allocations")  # rows are added, never changed
READ_ONLY = ("alembic_version",)
MONEY_COLUMNS_FIXED = {"payments": ("id", "amount", "customer_id", "kind", "received_at")}
UPDATABLE_COLUMNS = {"allocations": ("version",)}  # optimistic locking only
DELETABLE = ("routes", "stops", "change_log")


def create_app_role(engine: Engine, name: str, password: str) -> list[str]:
    """Create (or update) the application's login role with its grants; returns the statements run."""
    if engine.dialect.name != "postgresql":
        raise InvalidInput("роль приложения создаётся только в PostgreSQL (файл SQLite защищать некому)")
    if not _NAME.match(name):
        raise InvalidInput(f"имя роли «{name}»: строчные латинские буквы, цифры и _, не длиннее 63")
    if len(password) < 8:
        raise InvalidInput("пароль роли приложения: не меньше 8 символов")
    from psycopg import sql

    tables = inspect(engine).get_table_names()
    done: list[str] = []
    with engine.begin() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        cursor = raw.cursor()
        role = sql.Identifier(name)
        schema = sql.Identifier(connection.exec_driver_sql("SELECT current_schema()").scalar_one())

        def run(statement: sql.Composable) -> None:
            cursor.execute(statement)
            done.append(statement.as_string(raw).replace(password, "••••••"))

        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
        verb = "ALTER" if cursor.fetchone() else "CREATE"
        run(sql.SQL(verb + " ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD {}").format(
            role, sql.Literal(password)))
        run(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}").format(schema, role))
        run(sql.SQL("REVOKE CREATE ON SCHEMA {} FROM {}").format(schema, role))
        run(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, role))
        run(sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}").format(schema, role))
        for table in tables:
            ident = sql.Identifier(table)
            if table in READ_ONLY:
                run(sql.SQL("GRANT SELECT ON {} TO {}").format(ident, role))
                continue
            run(sql.SQL("GRANT SELECT, INSERT ON {} TO {}").format(ident, role))
            if table in MONEY_COLUMNS_FIXED or table in UPDATABLE_COLUMNS:
                columns = _updatable(engine, table)
                run(sql.SQL("GRANT UPDATE ({}) ON {} TO {}").format(
                    sql.SQL(", ").join(map(sql.Identifier, columns)), ident, role))
            elif table not in APPEND_ONLY:
                run(sql.SQL("GRANT UPDATE ON {} TO {}").format(ident, role))
            if table in DELETABLE:
                run(sql.SQL("GRANT DELETE ON {} TO {}").format(ident, role))
    return done


def _updatable(engine: Engine, table: str) -> list[str]:
    if table in UPDATABLE_COLUMNS:
        return list(UPDATABLE_COLUMNS[table])
    fixed = MONEY_COLUMNS_FIXED[table]
    return [c["name"] for c in inspect(engine).get_columns(table) if c["name"] not in fixed]
