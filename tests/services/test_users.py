"""Users in the database: argon2 hashes, sign-in slowed by failures, disabling, the audit of every change."""

import json

import pytest
from sqlalchemy import select

from omnidesk.core.enums import Role
from omnidesk.core.errors import Conflict, Forbidden, InvalidInput
from omnidesk.persistence.models import AuditEntry, User
from omnidesk.services import users
from omnidesk.services.auth import Actor


@pytest.fixture
def admin(db):
    users.create_first_admin(db, "admin-password-1")
    return users.sign_in(db, "admin", "admin-password-1")


def test_first_admin_then_users_with_hashed_passwords(db, admin):
    assert admin.role is Role.ADMIN and admin.login == "admin"
    with pytest.raises(Conflict):
        users.create_first_admin(db, "another-password")
    users.add_user(db, admin, "anna", "cashier-password", role=Role.CASHIER, full_name="Смирнова Анна Петровна",
                   position="Кассир", inn="500100732259")
    with db.read() as session:
        row = session.scalar(select(User).where(User.login == "anna"))
        assert row.password_hash.startswith("$argon2id$") and "cashier-password" not in row.password_hash
    anna = users.sign_in(db, "Anna", "cashier-password")
    assert (anna.name, anna.role, anna.inn, anna.author) == ("Смирнова Анна Петровна", Role.CASHIER,
                                                             "500100732259", "anna")
    assert anna.cashier_name == "Кассир Смирнова Анна Петровна"
    with pytest.raises(Conflict):
        users.add_user(db, admin, "anna", "whatever-pass", role=Role.LOGIST, full_name="Другая")
    with pytest.raises(InvalidInput):
        users.add_user(db, admin, "bob", "short", role=Role.LOGIST, full_name="Боб")
    with pytest.raises(InvalidInput):
        users.add_user(db, admin, "bob", "long-enough", role=Role.LOGIST, full_name="Боб", inn="123")


def test_wrong_passwords_are_slowed_down_and_disabled_users_cannot_sign_in(db, admin, monkeypatch):
    waits = []
    monkeypatch.setattr(users.time, "sleep", waits.append)
    users.add_user(db, admin, "petr", "logist-password", role=Role.LOGIST, full_name="Петров Пётр")
    for _ in range(3):
        with pytest.raises(users.SignInFailed):
            users.sign_in(db, "petr", "guess")
    with pytest.raises(users.SignInFailed):
        users.sign_in(db, "nobody", "guess")
    assert waits[:3] == [users.FAIL_DELAY, users.FAIL_DELAY * 2, users.FAIL_DELAY * 4] and len(waits) == 4
    users.sign_in(db, "petr", "logist-password")  # the right password resets the count
    with pytest.raises(users.SignInFailed):
        users.sign_in(db, "petr", "guess")
    assert waits[-1] == users.FAIL_DELAY
    users.disable_user(db, admin, "petr")
    with pytest.raises(users.SignInFailed):
        users.sign_in(db, "petr", "logist-password")


def test_only_admins_manage_users_and_the_last_admin_stays(db, admin):
    users.add_user(db, admin, "olga", "manager-password", role=Role.MANAGER, full_name="Ольга")
    olga = users.sign_in(db, "olga", "manager-password")
    with pytest.raises(Forbidden, match="администратор"):
        users.add_user(db, olga, "eve", "eve-password", role=Role.ADMIN, full_name="Ева")
    with pytest.raises(Forbidden):
        users.set_password(db, olga, "admin", "taken-over-1")
    users.set_password(db, olga, "olga", "manager-password-2")  # one's own password
    users.sign_in(db, "olga", "manager-password-2")
    with pytest.raises(InvalidInput):
        users.disable_user(db, admin, "admin")
    with pytest.raises(InvalidInput, match="последний"):
        users.update_user(db, admin, "admin", role=Role.CASHIER)


def test_every_user_change_is_audited_without_passwords(db, admin):
    users.add_user(db, admin, "anna", "cashier-password", role=Role.CASHIER, full_name="Анна")
    users.update_user(db, admin, "anna", role=Role.MANAGER)
    users.set_password(db, admin, "anna", "new-password-2")
    users.disable_user(db, admin, "anna")
    with db.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "user").order_by(AuditEntry.id)).all()
        session.expunge_all()
    actions = [(e.user, e.action) for e in entries]
    assert ("admin", "user.add") in actions and ("admin", "user.password") in actions
    assert [a for a in actions if a[1] == "user.update"] == [("admin", "user.update")] * 2
    role_change = json.loads(next(e.details for e in entries if e.action == "user.update"))
    assert role_change["before"]["role"] == "cashier" and role_change["after"]["role"] == "manager"
    assert all(e.workstation for e in entries)
    text = " ".join(e.details for e in entries)
    assert "password" not in text.replace("user.password", "") and "argon2" not in text


def test_users_are_never_deleted(db, admin):
    with pytest.raises(Exception, match="never deleted"):
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DELETE FROM users")


def test_an_actor_without_login_is_named_by_name():
    assert Actor("Анна").author == "Анна"
