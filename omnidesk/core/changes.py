"""What a unit of work changed: the ids of the rows touched, by kind, and the settings saved.

A page that shows orders looks at ``changes.orders`` (and ``"orders" in changes.kinds``, meaning "some
orders changed, which ones is not known": a bulk statement or too many to list) and refreshes only those.
Changes combine with ``|``; an empty ``Changes()`` is false.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

KINDS = ("orders", "customers", "payments", "receipts", "routes", "bank_lines", "drivers")
ID_LIMIT = 1000  # more ids of one kind than this: the kind is marked as changed wholesale


@dataclass(frozen=True)
class Changes:
    orders: frozenset[int] = frozenset()
    customers: frozenset[int] = frozenset()
    payments: frozenset[int] = frozenset()
    receipts: frozenset[int] = frozenset()
    routes: frozenset[int] = frozenset()
    bank_lines: frozenset[int] = frozenset()
    drivers: frozenset[int] = frozenset()
    settings: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()  # kinds changed wholesale: which rows is not known

    def __or__(self, other: Changes) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        return Changes(**{f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def touches(self, kind: str, ids: Iterable[int] = ()) -> bool:
        """Whether rows of ``kind`` changed: any of ``ids`` (or any at all when ``ids`` is empty)."""
        if kind in self.kinds:
            return True
        changed: frozenset[int] = getattr(self, kind)
        wanted = set(ids)
        return bool(changed & wanted) if wanted else bool(changed)

    def capped(self, limit: int = ID_LIMIT) -> Changes:
        """The same changes with any kind of more than ``limit`` ids turned into a wholesale mark."""
        wholesale = set(self.kinds)
        values: dict[str, Any] = {}
        for kind in KINDS:
            ids = getattr(self, kind)
            if len(ids) > limit:
                wholesale.add(kind)
                ids = frozenset()
            values[kind] = ids
        return Changes(**values, settings=self.settings, kinds=frozenset(wholesale))

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {kind: sorted(getattr(self, kind)) for kind in KINDS if getattr(self, kind)}
        if self.settings:
            data["settings"] = sorted(self.settings)
        if self.kinds:
            data["kinds"] = sorted(self.kinds)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Changes:
        """The inverse of :meth:`to_json`; unknown keys (a newer version's) are ignored."""
        values: dict[str, Any] = {kind: frozenset(int(i) for i in data.get(kind, ())) for kind in KINDS}
        values["settings"] = frozenset(str(s) for s in data.get("settings", ()))
        values["kinds"] = frozenset(str(k) for k in data.get("kinds", ()) if k in KINDS)
        return cls(**values)


NOTHING = Changes()
