"""Rotating log files and crash reports, both without secrets.

``setup_logging()`` writes ``<data dir>/logs/omnidesk.log`` (1 MB × 5 files, rotated). ``scrub(text)`` masks
every secret it knows — the values of secret options (database URL password, CRM key, 1C password) and any
password in a URL — and every log record and crash report passes through it. ``write_crash_report(exc)``
saves the traceback to ``<data dir>/crash/crash-<time>.txt`` and returns the path for a calm message.
"""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import platform
import re
import sys
import traceback
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from omnidesk import __version__
from omnidesk.config import MASK, OPTIONS, Settings, data_dir

LOG_BYTES = 1_000_000
LOG_FILES = 5
_URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^:/@\s'\"]*:)(?P<password>[^@\s'\"]+)@", re.IGNORECASE)
_KEY_VALUE = re.compile(r"(?P<head>(?:password|passwd|pwd|api_key|apikey|token)\s*[=:]\s*['\"]?)(?P<value>[^'\"\s&;,]+)",
                        re.IGNORECASE)


def known_secrets(settings: Settings | None = None) -> list[str]:
    """The secret values stored now (and the password inside a secret URL)."""
    try:
        settings = settings or Settings()
    except Exception:  # a broken settings file must not stop the report of another error
        return []
    found: list[str] = []
    for key, option in OPTIONS.items():
        if not option.secret:
            continue
        value = str(settings.get(key) or "")
        if not value:
            continue
        match = _URL_PASSWORD.search(value)
        if match:
            found.append(match.group("password"))
        elif "://" not in value:
            found.append(value)
    return [s for s in found if len(s) >= 4]


def scrub(text: str, secrets: list[str] | None = None) -> str:
    for secret in sorted(secrets if secrets is not None else known_secrets(), key=len, reverse=True):
        text = text.replace(secret, MASK)
    text = _URL_PASSWORD.sub(lambda m: f"{m.group('head')}{MASK}@", text)
    return _KEY_VALUE.sub(lambda m: f"{m.group('head')}{MASK}", text)


class ScrubbingFormatter(logging.Formatter):
    """Masks the stored secrets in every record. They are read when the first record is written, not
    when logging is set up: reading them may load the OS keyring, which most commands never need."""

    def __init__(self, fmt: str, secrets: Callable[[], list[str]]) -> None:
        super().__init__(fmt)
        self._read_secrets = secrets

    @cached_property
    def secrets(self) -> list[str]:
        return self._read_secrets()

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record), self.secrets)


def log_dir() -> Path:
    return data_dir() / "logs"


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to a rotating file in the data directory (once per process); returns the file."""
    path = log_dir() / "omnidesk.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "omnidesk", False):
            if Path(handler.baseFilename) == path:  # type: ignore[attr-defined]
                return path
            root.removeHandler(handler)  # another data directory (tests, portable set-ups): one file at a time
            handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_FILES, encoding="utf-8")
    handler.omnidesk = True  # type: ignore[attr-defined]
    handler.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", known_secrets))
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return path


def write_crash_report(exc: BaseException, where: str = "") -> Path:
    """The traceback and the environment (no settings values, no secrets) in a new file; returns its path."""
    directory = data_dir() / "crash"
    directory.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now()
    path = directory / f"crash-{now:%Y%m%d-%H%M%S-%f}.txt"
    lines = [
        f"OmniDesk {__version__} crash report, {now:%d.%m.%Y %H:%M:%S}",
        f"where: {where or 'unknown'}",
        f"python {platform.python_version()} on {platform.platform()}",
        f"command: {' '.join(sys.argv[:2])}",  # the rest may hold passwords typed on the command line
        "",
        *traceback.format_exception(exc),
    ]
    path.write_text(scrub("\n".join(lines)), encoding="utf-8")
    logging.getLogger(__name__).error("crash report written: %s", path)
    return path
