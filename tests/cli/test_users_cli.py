"""The CLI acts as a signed-in user: init makes the admin, `users …` manages people, roles are refused."""

import json

import pytest

from omnidesk.cli import main
from omnidesk.services import users


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office(capsys, db_url, monkeypatch):
    """A database with the admin, a cashier and a logist; the demo data loaded."""
    monkeypatch.setattr(users, "FAIL_DELAY", 0.01)
    monkeypatch.setenv("OMNIDESK_PASSWORD", "admin-password-1")
    code, out, err = run(capsys, "init", "--demo", "--db", db_url)
    assert code == 0 and "Создан администратор" in out, err
    for login, role, name in (("anna", "cashier", "Смирнова Анна"), ("petr", "logist", "Петров Пётр")):
        monkeypatch.setenv("OMNIDESK_NEW_PASSWORD", f"{login}-password-1")
        code, out, err = run(capsys, "users", "add", login, "--role", role, "--name", name, "--db", db_url,
                             "--user", "admin")
        assert code == 0 and f"Пользователь {login}" in out, err
    return db_url


def as_user(monkeypatch, login):
    monkeypatch.setenv("OMNIDESK_PASSWORD", f"{login}-password-1" if login != "admin" else "admin-password-1")
    return ("--user", login)


def test_users_list_set_password_disable(capsys, office, monkeypatch):
    code, out, _ = run(capsys, "users", "list", "--json", "--db", office, *as_user(monkeypatch, "admin"))
    listed = {u["login"]: u for u in json.loads(out)}
    assert code == 0 and listed["anna"]["role"] == "cashier" and listed["petr"]["full_name"] == "Петров Пётр"
    monkeypatch.setenv("OMNIDESK_NEW_PASSWORD", "petr-password-2")
    code, out, _ = run(capsys, "users", "set-password", "petr", "--db", office, *as_user(monkeypatch, "admin"))
    assert code == 0
    code, _, err = run(capsys, "orders", "list", "--db", office, *as_user(monkeypatch, "petr"))
    assert code == 2 and "неверный логин или пароль" in err
    code, out, _ = run(capsys, "users", "disable", "anna", "--db", office, *as_user(monkeypatch, "admin"))
    assert code == 0 and "отключён" in out
    code, _, err = run(capsys, "orders", "list", "--db", office, *as_user(monkeypatch, "anna"))
    assert code == 2 and "неверный логин или пароль" in err
    code, _, err = run(capsys, "users", "list", "--db", office, *as_user(monkeypatch, "petr"))
    assert code == 2  # wrong password now (changed above)


def test_a_logist_is_refused_money_and_printing(capsys, office, monkeypatch):
    code, _, err = run(capsys, "fiscal", "print-owed", "--db", office, *as_user(monkeypatch, "petr"))
    assert code != 0 and "печать чека: нужна роль кассир или администратор" in err and "Traceback" not in err
    code, _, err = run(capsys, "payments", "add", "--customer", "1", "--amount", "100", "--kind", "cash",
                       "--db", office, *as_user(monkeypatch, "petr"))
    assert code != 0 and "регистрация поступления: нужна роль" in err and "у пользователя petr роль логист" in err
    code, _, err = run(capsys, "users", "add", "eve", "--role", "admin", "--name", "Ева", "--db", office,
                         *as_user(monkeypatch, "anna"))
    assert code != 0 and "управление пользователями" in err
    code, _out, err = run(capsys, "payments", "add", "--customer", "1", "--amount", "100", "--kind", "cash",
                         "--db", office, *as_user(monkeypatch, "anna"))
    assert code == 0, err


def test_a_shared_database_needs_a_sign_in(capsys, pg_url, monkeypatch):
    monkeypatch.setenv("OMNIDESK_PASSWORD", "admin-password-1")
    assert run(capsys, "init", "--db", pg_url)[0] == 0
    code, _, err = run(capsys, "orders", "list", "--db", pg_url)
    assert code == 2 and "войдите: omnidesk --user" in err
    assert run(capsys, "orders", "list", "--db", pg_url, "--user", "admin")[0] == 0


def test_sqlite_may_run_without_sign_in_unless_told_otherwise(capsys, sqlite_url, monkeypatch):
    assert run(capsys, "init", "--db", sqlite_url)[0] == 0  # no password, no terminal: no admin yet
    assert run(capsys, "orders", "list", "--db", sqlite_url)[0] == 0
    assert run(capsys, "config", "set", "auth.without_sign_in", "no", "--db", sqlite_url)[0] == 0
    code, _, err = run(capsys, "orders", "list", "--db", sqlite_url)
    assert code == 2 and "войдите" in err
