"""Fault injection on the emulated wire: ``"corrupt=0.01,drop=0.01,delay=0.2,poweroff_after=N"``.

* ``corrupt=P`` — each transmission (a frame, a control byte, or what one read returns), in
  either direction, has one random bit of one random byte flipped with probability P
* ``drop=P``    — each transmission loses one random byte with probability P

Rates are per transmission, not per byte: the v1 LRC is a plain XOR, blind to two flips in
the same bit column, so at 1 % per byte a 121-byte FF45 frame would pass corrupted about
once in a hundred — that tests the protocol's checksum, not the driver. One damaged byte
per transmission is always caught by the LRC or the length, and exercises every recovery
path of the driver (NAK, lost ACK, lost STX, truncated and lengthened frames).
* ``delay=S``   — every answer is held back by a random 0…S seconds after the ACK
* ``poweroff_after=N`` — power is cut once, N wire events into the next command exchange
  (``poweroff_cmd=FF45`` restricts it to one command). Events are counted as: the
  command's frame bytes 1…L received, then the ACK sent (L+1), then the command executed
  and committed (L+2), then each answer byte sent. N ≤ L: the command never arrived;
  N = L+1: acknowledged but not executed; N ≥ L+2: executed, answer lost or cut.
* ``poweroff_for=S`` — how long the device stays dark (default 1 s)
* ``seed=N``    — a reproducible random sequence
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Faults:
    corrupt: float = 0.0
    drop: float = 0.0
    delay: float = 0.0
    poweroff_after: int | None = None
    poweroff_cmd: int | None = None
    poweroff_for: float = 1.0
    seed: int | None = None
    rng: random.Random = field(default_factory=random.Random, repr=False)

    def __post_init__(self) -> None:
        if self.seed is not None:
            self.rng.seed(self.seed)

    @classmethod
    def parse(cls, spec: str | None) -> Faults:
        values: dict[str, object] = {}
        for item in filter(None, (part.strip() for part in (spec or "").split(","))):
            key, _, raw = item.partition("=")
            key = key.strip()
            if key in ("corrupt", "drop", "delay", "poweroff_for"):
                values[key] = float(raw)
            elif key in ("poweroff_after", "seed"):
                values[key] = int(raw)
            elif key == "poweroff_cmd":
                values[key] = int(raw, 16)
            else:
                raise ValueError(f"unknown fault {key!r}")
        return cls(**values)  # type: ignore[arg-type]

    def arm_poweroff(self, after: int, command: int | None = None, duration: float | None = None) -> None:
        self.poweroff_after, self.poweroff_cmd = after, command
        if duration is not None:
            self.poweroff_for = duration

    def mangle(self, data: bytes) -> bytes:
        """Apply drop and corrupt to one transmission crossing the wire."""
        if not data or not (self.corrupt or self.drop):
            return data
        out = bytearray(data)
        if self.corrupt and self.rng.random() < self.corrupt:
            out[self.rng.randrange(len(out))] ^= 1 << self.rng.randrange(8)
        if self.drop and self.rng.random() < self.drop:
            del out[self.rng.randrange(len(out))]
        return bytes(out)

    def answer_delay(self) -> float:
        return self.rng.uniform(0, self.delay) if self.delay else 0.0
