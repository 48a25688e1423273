"""Host side of the Shtrih-M v1 exchange: ENQ/ACK/NAK, bounded retries, a timeout on every wait.

One :meth:`Session.execute` sends one command and returns its answer payload, at most once
executed by the device:

1. (after any anomaly) drain the line until it is quiet for one byte-timeout;
2. ENQ → NAK: the device is idle; → ACK: it holds an unread answer, which is read and ACKed
   (it belongs to this command only if this command was already sent);
3. send the frame, expect ACK, then the answer frame within the command timeout; ACK it.

The frame is re-sent only when the device, after a drain, says it is idle and never
acknowledged the frame. If it acknowledged the frame and then reports idle with no answer
(power loss), :class:`AnswerLost` is raised: the caller must check the fiscal storage.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ..errors import AnswerLost, LinkTimeout
from .framing import ACK, ENQ, NAK, STX, command_of, encode_frame, lrc
from .transport import Transport

FILLER = 0xFF  # may precede ACK over TCP/RNDIS (P117 p.74)

#: Answer timeouts by command, seconds (reference/fiscal.md §1.1, JP getDefaultTimeout).
COMMAND_TIMEOUTS: dict[int, float] = {
    0x10: 3.0, 0x11: 3.0, 0x40: 30.0, 0x41: 65.0, 0xE0: 120.0, 0xFF61: 40.0, 0xFF67: 40.0,
}


@dataclass
class Timeouts:
    """Every wait of the link layer, in seconds.

    ``byte``: inter-byte gap and the wait for a control byte (ENQ reply, frame ACK).
    ``tries``: ENQ attempts per command (P117 allows 10). ``commands``: answer timeouts
    per command code, ``default`` for the rest. ``scale`` multiplies command timeouts
    (tests use a small one). ``recovery``: how long a register waits for the device to
    come back after the link dropped before it gives up.
    """

    byte: float = 0.05
    tries: int = 10
    default: float = 30.0
    commands: dict[int, float] = field(default_factory=lambda: dict(COMMAND_TIMEOUTS))
    scale: float = 1.0
    recovery: float = 60.0
    busy: float = 30.0  # how long to keep retrying "printer busy" (50h)

    def for_command(self, cmd: int) -> float:
        return self.commands.get(cmd, self.default) * self.scale


class _Idle:
    pass


IDLE = _Idle()


class Session:
    """Executes commands over a :class:`Transport`."""

    def __init__(self, transport: Transport, timeouts: Timeouts | None = None) -> None:
        self.transport = transport
        self.timeouts = timeouts or Timeouts()
        self.round_trips = 0
        self._dirty = False

    # -- public ------------------------------------------------------------------------------

    def execute(self, payload: bytes, timeout: float | None = None) -> bytes:
        """Send CMD+DATA, return the answer CMD+err+fields."""
        cmd = command_of(payload)
        timeout = self.timeouts.for_command(cmd) if timeout is None else timeout
        frame = encode_frame(payload)
        self.round_trips += 1
        sent = acked = False
        for _ in range(self.timeouts.tries):
            if self._dirty:
                self._drain()
            reply = self._enquire(cmd if sent else None)
            if reply is None:
                continue
            if isinstance(reply, bytes):
                if sent:
                    return reply
                continue  # a stale answer to an earlier command, now ACKed and dropped
            if acked:
                raise AnswerLost()
            self.transport.write(frame)
            sent = True
            answer, acked = self._after_frame(len(frame), cmd, timeout)
            if answer is not None:
                return answer
        raise LinkTimeout()

    # -- steps -------------------------------------------------------------------------------

    def _enquire(self, expect: int | None) -> bytes | _Idle | None:
        """ENQ → IDLE, an answer payload, or None (silence / garbage)."""
        self.transport.write(bytes([ENQ]))
        byte = self._control_byte(self.timeouts.byte + self.transport.byte_time(2))
        if byte == NAK:
            return IDLE
        if byte == ACK:
            byte = self._control_byte(self.timeouts.byte + self.transport.byte_time(4))
        if byte == STX:
            return self._read_frame(expect)
        self._dirty = True
        return None

    def _after_frame(self, size: int, cmd: int, timeout: float) -> tuple[bytes | None, bool]:
        """Wait for ACK, then for the answer. Returns (answer or None, frame acknowledged)."""
        # Longer than the device's inter-byte timeout plus its resync, so a truncated frame is
        # NAKed before our next byte could be glued onto it.
        byte = self._control_byte(3 * self.timeouts.byte + self.transport.byte_time(size + 1))
        if byte == STX:  # ACK lost, answer arriving: the frame was accepted
            return self._read_frame(cmd), True
        if byte != ACK:
            self._dirty = True
            return None, False
        first = self.transport.read(1, timeout)
        if first == bytes([STX]):
            return self._read_frame(cmd), True
        self._dirty = True
        return None, True

    def _control_byte(self, timeout: float) -> int | None:
        deadline = time.monotonic() + timeout
        while True:
            data = self.transport.read(1, max(deadline - time.monotonic(), 0.0))
            if not data:
                return None
            if data[0] != FILLER:
                return data[0]

    def _read_frame(self, expect: int | None) -> bytes | None:
        """Read LEN..LRC after STX; ACK a good frame, NAK a bad one."""
        gap = self.timeouts.byte
        head = self.transport.read(1, gap + self.transport.byte_time())
        body = self._read_gap(head[0] + 1, gap) if head else b""
        if not head or len(body) != head[0] + 1 or lrc(head + body[:-1]) != body[-1] or not body[:-1]:
            self._nak()
            return None
        payload = body[:-1]
        if expect is not None and command_of(payload) != expect:
            self._nak()  # not ours: a stale copy or a damaged frame
            return None
        self.transport.write(bytes([ACK]))
        return payload

    def _read_gap(self, count: int, gap: float) -> bytes:
        data = b""
        while len(data) < count:
            chunk = self.transport.read(count - len(data), gap + self.transport.byte_time(count - len(data)))
            if not chunk:
                break
            data += chunk
        return data

    def _nak(self) -> None:
        self._dirty = True
        self._drain()
        self.transport.write(bytes([NAK]))

    def _drain(self) -> None:
        """Read and drop bytes until the line is quiet for one byte-timeout (bounded)."""
        deadline = time.monotonic() + max(1.0, 20 * self.timeouts.byte)
        while self.transport.read(256, self.timeouts.byte) and time.monotonic() < deadline:
            pass
        self._dirty = False
