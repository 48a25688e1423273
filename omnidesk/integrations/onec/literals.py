"""OData v3 URL literals for 1C's ``$filter``: a value always goes through one of these, so an
apostrophe, a quote or Cyrillic in a name can neither break the query nor change what it asks."""

from __future__ import annotations

import datetime as dt
import uuid


def string(value: str) -> str:
    """``'…'`` with each apostrophe doubled (OData's only escape inside a string literal)."""
    return "'" + str(value).replace("'", "''") + "'"


def guid(value: str) -> str:
    return f"guid'{uuid.UUID(str(value))}'"


def datetime(value: dt.datetime | dt.date) -> str:
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    return f"datetime'{value.replace(microsecond=0).isoformat()}'"


def cast(key: str, entity_set: str) -> str:
    """A reference to an object of a composite attribute (``Объект eq cast(guid'…','Document_X')``)."""
    if not entity_set.replace("_", "").isalnum():
        raise ValueError(entity_set)
    return f"cast({guid(key)},'{entity_set}')"


def eq(field: str, literal: str) -> str:
    if not field.replace("_", "").isalnum():
        raise ValueError(field)
    return f"{field} eq {literal}"
