"""Where secrets live: the OS keyring (``keyring``) where one works, else ``secrets.json`` readable only by the user.

Secrets are the values of options declared ``secret=True`` in :mod:`omnidesk.config` (the database URL
with its password, the CRM key, the 1C password). ``settings.json`` never holds them.
``OMNIDESK_KEYRING=0`` keeps them in the file even where a keyring works (portable set-ups, tests).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from functools import cached_property
from pathlib import Path

log = logging.getLogger(__name__)
SERVICE = "omnidesk"


class SecretStore:
    def __init__(self, directory: Path) -> None:
        self.file = directory / "secrets.json"

    @cached_property
    def _keyring(self):
        """The OS keyring, looked for when a secret is first read or written (loading it costs some 15 MB
        and a tenth of a second, which a command given its database by --db or OMNIDESK_DB never needs)."""
        return _usable_keyring()

    @property
    def where(self) -> str:
        return "связка ключей ОС" if self._keyring is not None else f"файл {self.file} (только для владельца)"

    def get(self, key: str) -> str | None:
        if self._keyring is not None:
            try:
                value = self._keyring.get_password(SERVICE, key)
                if value is not None:
                    return value
            except Exception as exc:  # a locked or broken keyring: fall back to the file
                log.warning("keyring unavailable (%s); using %s", type(exc).__name__, self.file)
        return self._read().get(key)

    def set(self, key: str, value: str) -> None:
        if self._keyring is not None:
            try:
                if value:
                    self._keyring.set_password(SERVICE, key, value)
                else:
                    _delete(self._keyring, key)
                self._forget_in_file(key)
                return
            except Exception as exc:
                log.warning("keyring unavailable (%s); using %s", type(exc).__name__, self.file)
        values = self._read()
        if value:
            values[key] = value
        else:
            values.pop(key, None)
        self._write(values)

    def _forget_in_file(self, key: str) -> None:
        values = self._read()
        if key in values:
            del values[key]
            self._write(values)

    def _read(self) -> dict[str, str]:
        try:
            return json.loads(self.file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("secrets file %s unreadable", self.file)
            return {}

    def _write(self, values: dict[str, str]) -> None:
        write_private(self.file, json.dumps(values, ensure_ascii=False, indent=2))


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically; the file is readable and writable by its owner only (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(tmp, 0o600)
    tmp.replace(path)


def _usable_keyring():
    if os.environ.get("OMNIDESK_KEYRING", "1") == "0":
        return None
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    chained = getattr(backend, "backends", None)
    if chained is not None and not chained:
        return None
    return backend


def _delete(backend, key: str) -> None:
    with contextlib.suppress(Exception):  # nothing stored
        backend.delete_password(SERVICE, key)
