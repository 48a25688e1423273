"""People who sign in: the first administrator, adding users, passwords, disabling; signing in.

Every change of a user is in the audit log (who did it, before → after; never a password or its hash).
A wrong password costs time: each failed attempt for a login doubles the wait before the answer
(from :data:`FAIL_DELAY` up to :data:`MAX_FAIL_DELAY` seconds), so guessing is slow.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from omnidesk.core.enums import Role
from omnidesk.core.errors import Conflict, InvalidInput, NotFound, OmniDeskError
from omnidesk.persistence.models import User

from . import audit
from .auth import Actor, permit
from .passwords import hash_password, needs_rehash, verify_password
from .uow import Database

FAIL_DELAY = 0.5
MAX_FAIL_DELAY = 8.0
ADMIN_LOGIN = "admin"
_LOGIN = re.compile(r"^[a-z0-9._-]{2,64}$")


class SignInFailed(OmniDeskError):
    """Wrong login or password, or a disabled user (the message does not say which)."""


@dataclass(frozen=True)
class UserView:
    id: int
    login: str
    full_name: str
    position: str
    inn: str
    role: Role
    active: bool


def _view(user: User) -> UserView:
    return UserView(user.id, user.login, user.full_name, user.position, user.inn, user.role, user.active)


def actor_of(user: User | UserView) -> Actor:
    return Actor(user.full_name, user.role, login=user.login, position=user.position, inn=user.inn,
                 user_id=user.id)


def has_users(db: Database) -> bool:
    with db.read() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))


def create_first_admin(db: Database, password: str, full_name: str = "Администратор") -> UserView:
    """The administrator of an empty database (``omnidesk init``, or the window's first start)."""
    password_hash = hash_password(password)
    with db.unit_of_work() as session:
        if session.scalar(select(func.count()).select_from(User)):
            raise Conflict("пользователи уже есть — администратора добавляет администратор")
        user = User(login=ADMIN_LOGIN, full_name=full_name, position="", inn="", role=Role.ADMIN,
                    password_hash=password_hash)
        session.add(user)
        session.flush()
        audit.record(session, ADMIN_LOGIN, "user.add", "user", user.id, after=_public(user))
        return _view(user)


def add_user(db: Database, actor: Actor, login: str, password: str, *, role: Role, full_name: str,
             position: str = "", inn: str = "") -> UserView:
    permit(actor, "users.manage")
    login = _check_login(login)
    full_name = full_name.strip()
    if not full_name:
        raise InvalidInput("укажите ФИО пользователя (--name)")
    inn = _check_inn(inn)
    password_hash = hash_password(password)
    with db.unit_of_work() as session:
        if session.scalar(select(User.id).where(User.login == login)) is not None:
            raise Conflict(f"пользователь {login} уже есть")
        user = User(login=login, full_name=full_name, position=position.strip(), inn=inn, role=role,
                    password_hash=password_hash)
        session.add(user)
        session.flush()
        audit.record(session, actor.author, "user.add", "user", user.id, after=_public(user))
        return _view(user)


def list_users(db: Database, actor: Actor) -> list[UserView]:
    permit(actor, "users.manage")
    with db.read() as session:
        return [_view(u) for u in session.scalars(select(User).order_by(User.login))]


def set_password(db: Database, actor: Actor, login: str, password: str) -> None:
    """An administrator sets anyone's password; every user may set their own."""
    if actor.login != login:
        permit(actor, "users.manage")
    password_hash = hash_password(password)
    with db.unit_of_work() as session:
        user = _get(session, login)
        user.password_hash = password_hash
        user.failed_attempts = 0
        audit.record(session, actor.author, "user.password", "user", user.id, login=login)


def update_user(db: Database, actor: Actor, login: str, *, role: Role | None = None, full_name: str | None = None,
                position: str | None = None, inn: str | None = None, active: bool | None = None) -> UserView:
    permit(actor, "users.manage")
    with db.unit_of_work() as session:
        user = _get(session, login)
        before = _public(user)
        if role is not None:
            user.role = role
        if full_name is not None and full_name.strip():
            user.full_name = full_name.strip()
        if position is not None:
            user.position = position.strip()
        if inn is not None:
            user.inn = _check_inn(inn)
        if active is not None:
            if not active and user.login == actor.login:
                raise InvalidInput("нельзя отключить самого себя")
            user.active = active
        _keep_an_admin(session, user)
        after = _public(user)
        if after != before:
            audit.record(session, actor.author, "user.update", "user", user.id, before=before, after=after)
        return _view(user)


def disable_user(db: Database, actor: Actor, login: str) -> UserView:
    return update_user(db, actor, login, active=False)


def sign_in(db: Database, login: str, password: str) -> Actor:
    """The actor for this login and password, or SignInFailed after a delay that grows with each failure."""
    login = login.strip().lower()
    with db.read() as session:
        user = session.scalar(select(User).where(User.login == login))
        stored = user.password_hash if user is not None else None
        failures = user.failed_attempts if user is not None else 0
        active, user_id = (user.active, user.id) if user is not None else (False, None)
    if stored:
        ok = verify_password(stored, password)
    else:  # as slow for an unknown login as for a known one
        verify_password(_dummy_hash(), password)
        ok = False
    if user_id is None or not ok or not active:
        with db.unit_of_work() as session:
            row = session.scalar(select(User).where(User.login == login))
            if row is not None:
                row.failed_attempts = row.failed_attempts + 1
            audit.record(session, login[:64] or "?", "user.sign_in_failed", "user", row.id if row else None)
        time.sleep(min(FAIL_DELAY * 2 ** failures, MAX_FAIL_DELAY))
        raise SignInFailed("неверный логин или пароль (или пользователь отключён)")
    with db.unit_of_work() as session:
        row = session.get(User, user_id)
        assert row is not None
        if row.failed_attempts:
            row.failed_attempts = 0
        if needs_rehash(row.password_hash):
            row.password_hash = hash_password(password)
        audit.record(session, row.login, "user.sign_in", "user", row.id)
        return actor_of(row)


def _get(session: Session, login: str) -> User:
    user = session.scalar(select(User).where(User.login == login.strip().lower()))
    if user is None:
        raise NotFound(f"пользователь {login} не найден")
    return user


def _keep_an_admin(session: Session, user: User) -> None:
    session.flush()
    admins = session.scalar(select(func.count()).select_from(User).where(User.role == Role.ADMIN, User.active))
    if not admins:
        raise InvalidInput(f"{user.login} — последний действующий администратор; сначала назначьте другого")


def _public(user: User) -> dict[str, object]:
    return {"login": user.login, "full_name": user.full_name, "position": user.position, "inn": user.inn,
            "role": user.role.value, "active": user.active}


def _check_login(login: str) -> str:
    login = login.strip().lower()
    if not _LOGIN.match(login):
        raise InvalidInput(f"логин «{login}»: 2–64 латинские буквы, цифры, точка, дефис или подчёркивание")
    return login


def _check_inn(inn: str) -> str:
    inn = inn.strip()
    if inn and not (inn.isdigit() and len(inn) == 12):
        raise InvalidInput(f"ИНН кассира «{inn}»: 12 цифр (ИНН физического лица)")
    return inn


_dummy: list[str] = []


def _dummy_hash() -> str:
    if not _dummy:
        _dummy.append(hash_password("not a password of anyone"))
    return _dummy[0]
