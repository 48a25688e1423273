"""Declarative base with a naming convention, so migrations name constraints the same everywhere."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated

from sqlalchemy import BigInteger, Integer, MetaData
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import DeclarativeBase, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# money in kopecks: 64-bit (a 32-bit column stops at 21 474 836,47 ₽); SQLite's INTEGER already is
Kopecks = Annotated[int, mapped_column(BigInteger().with_variant(Integer(), "sqlite"))]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def local_now() -> dt.datetime:
    """The workstation's wall-clock time, as every date in OmniDesk is kept.

    The office works in one time zone, and payments, receipts and bank documents carry local
    dates; keeping every timestamp local lets a ledger sort them together.
    """
    return dt.datetime.now()


def enum_column(enum_cls: type[enum.Enum], length: int = 24) -> SAEnum:
    """Store an enum by its value as a short string (portable, readable in SQL)."""
    return SAEnum(
        enum_cls,
        values_callable=lambda members: [str(m.value) for m in members],
        native_enum=False,
        length=length,
        validate_strings=True,
    )
