"""What the CRM and 1C clients share: a throttle at the account's rate, retry with backoff on answers
that mean "later" (429, 503, time-outs, dropped connections), and the errors the sync engine sorts by.

Errors never carry a secret: the clients send keys and passwords in headers, never in a URL or a message.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import requests

from omnidesk.core.errors import OmniDeskError


class RemoteError(OmniDeskError):
    """An outside system did not do what was asked. ``transient``: worth trying again later."""

    transient = False

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class Unavailable(RemoteError):
    """Not reachable, too slow, overloaded or rate-limited: try again later."""

    transient = True


class Rejected(RemoteError):
    """The system refused the request itself (validation, rights, not found): retrying will not help."""


class AlreadyExists(Rejected):
    """The write was done before (a duplicate external id, a key that exists): an earlier try arrived."""


class VersionConflict(Rejected):
    """Someone changed the object since it was read (1C answers 412 to a stale ``If-Match``)."""


class Throttle:
    """A token bucket of one token at exactly ``rate`` per second: each request takes the next free slot,
    so a client that keeps asking runs at the rate and never faster, and waits only as long as it must."""

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._clock, self._sleep = clock, sleep
        self._next = 0.0
        self._lock = threading.Lock()
        self.waited = 0.0

    def acquire(self) -> None:
        if not self.interval:
            return
        with self._lock:
            now = self._clock()
            slot = max(now, self._next)
            self._next = slot + self.interval
        if slot > now:
            self.waited += slot - now
            self._sleep(slot - now)


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5  # tries of one request before it is reported as Unavailable
    backoff_s: float = 0.1  # first pause; doubles each try (the official Go client's 100 ms × 2ⁿ)
    max_backoff_s: float = 5.0

    def pause(self, attempt: int) -> float:
        return min(self.backoff_s * (2 ** attempt), self.max_backoff_s)


TRANSIENT_STATUS = frozenset({429, 502, 503, 504})


def send(session: requests.Session, method: str, url: str, *, system: str, timeout: float, throttle: Throttle,
         policy: RetryPolicy, sleep: Callable[[float], None] = time.sleep, counter: list[int] | None = None,
         **kwargs) -> requests.Response:
    """One request with throttle and retries; returns the last response that is not a "later" answer.

    Raises Unavailable after ``policy.attempts`` tries that all timed out, dropped or said 429/503."""
    last = ""
    for attempt in range(policy.attempts):
        throttle.acquire()
        if counter is not None:
            counter[0] += 1
        try:
            response = session.request(method, url, timeout=timeout, **kwargs)
        except requests.Timeout:
            last = f"нет ответа за {timeout:g} с"
        except requests.ConnectionError:
            last = "соединение не установлено или оборвано"
        except requests.RequestException as exc:
            last = type(exc).__name__
        else:
            if response.status_code not in TRANSIENT_STATUS:
                return response
            last = f"HTTP {response.status_code}" + (" (превышен лимит запросов)" if response.status_code == 429 else "")
        if attempt + 1 < policy.attempts:
            sleep(policy.pause(attempt))
    raise Unavailable(f"{system} недоступна: {last}")
