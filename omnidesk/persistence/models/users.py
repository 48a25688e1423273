"""The people who sign in: login, full name, position, INN (the cashier on receipts, tags 1021/1203), role.

Only a password hash is kept (argon2, see ``services/passwords.py``); a user is disabled, never deleted,
so the audit log's authors stay resolvable.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from omnidesk.core.enums import Role

from ..base import Base, enum_column, local_now


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(100), default="")
    inn: Mapped[str] = mapped_column(String(12), default="")
    role: Mapped[Role] = mapped_column(enum_column(Role, 16))
    active: Mapped[bool] = mapped_column(default=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    failed_attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=local_now)
