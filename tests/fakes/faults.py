"""Switchable faults for the loopback stand-ins: an error rate, answers slower than the client waits,
an outage, and writes that are applied but whose answer never arrives."""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Faults:
    error_rate: float = 0.0  # share of requests that fail (a mix of 429, 503, time-outs and dropped connections)
    lost_answer_rate: float = 0.0  # share of writes applied whose answer is then dropped
    outage: bool = False  # every request: connection dropped before anything is read
    delay_s: float = 0.0  # every answer comes this much later (past the client's time-out when large)
    slow_s: float = 0.6  # how long a "time-out" fault sleeps before answering
    seed: int = 7
    injected: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)
        self._lock = threading.Lock()

    def _count(self, what: str) -> None:
        self.injected[what] = self.injected.get(what, 0) + 1

    def before(self) -> str | None:
        """What goes wrong with this request before it is handled: None, "drop", "429", "503" or "slow"."""
        if self.delay_s:
            time.sleep(self.delay_s)
        with self._lock:
            if self.outage:
                self._count("outage")
                return "drop"
            if self.error_rate and self._random.random() < self.error_rate:
                what = self._random.choice(("429", "503", "slow", "drop"))
                self._count(what)
                return what
        return None

    def lose_answer(self) -> bool:
        """After a write was applied: whether its answer is dropped."""
        with self._lock:
            if self.lost_answer_rate and self._random.random() < self.lost_answer_rate:
                self._count("lost_answer")
                return True
        return False


class RateLimit:
    """The server's own limit: a bucket of ``rate`` requests refilled at ``rate`` per second."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.tokens = rate
        self.at = time.monotonic()
        self.rejected = 0
        self._lock = threading.Lock()

    def allow(self) -> bool:
        with self._lock:
            now = time.monotonic()
            self.tokens = min(self.rate, self.tokens + (now - self.at) * self.rate)
            self.at = now
            if self.tokens >= 1:
                self.tokens -= 1
                return True
            self.rejected += 1
            return False
