"""Device side of the Shtrih-M v1 link: ENQ/ACK/NAK, frames, line pacing, faults and power cuts."""

from __future__ import annotations

import contextlib
import os
import select
import socket
import threading
import time

from ..link.framing import ACK, ENQ, NAK, STX, command_of, encode_frame, lrc
from .device import Device
from .faults import Faults


class FdPort:
    """A pty master (or any fd)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def recv(self, timeout: float) -> bytes | None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self.fd, 4096)
        except OSError:
            return None

    def send(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]


class SocketPort:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def recv(self, timeout: float) -> bytes | None:
        ready, _, _ = select.select([self.sock], [], [], timeout)
        if not ready:
            return b""
        try:
            return self.sock.recv(4096) or None
        except OSError:
            return None

    def send(self, data: bytes) -> None:
        with contextlib.suppress(OSError):
            self.sock.sendall(data)


class DeviceLink:
    """Serves one connection. ``baud`` paces bytes as a real line would; ``None`` = as fast as possible."""

    def __init__(
        self, port: FdPort | SocketPort, device: Device, faults: Faults | None = None, *, byte_timeout: float = 0.05,
        baud: int | None = None,
    ) -> None:
        self.port, self.device, self.faults = port, device, faults or Faults()
        self.byte_timeout = byte_timeout
        self.byte_time = 10.0 / baud if baud else 0.0
        self.rx = bytearray()
        self.rx_due: list[float] = []
        self.rx_clock = self.tx_clock = 0.0
        self.pending: bytes | None = None
        self.closed = False
        self.stop = threading.Event()

    def serve(self, stop: threading.Event) -> None:
        self.stop = stop
        while not stop.is_set() and not self.closed:
            byte = self._read(1, 0.05)
            if byte:
                self._on_byte(byte[0])

    # -- receiving ---------------------------------------------------------------------------

    def _fill(self, timeout: float) -> bool:
        data = self.port.recv(timeout)
        if data is None:
            self.closed = True
            return False
        data = self.faults.mangle(data)
        now = time.monotonic()
        for _ in data:
            self.rx_clock = max(self.rx_clock, now) + self.byte_time
            self.rx_due.append(self.rx_clock)
        self.rx += data
        return bool(data)

    def _read(self, count: int, gap: float) -> bytes:
        """Up to ``count`` bytes, giving up after ``gap`` seconds of silence; paced arrival."""
        while len(self.rx) < count and self._fill(gap + self.byte_time * (count - len(self.rx))):
            pass
        data = bytes(self.rx[:count])
        if data:
            due = self.rx_due[len(data) - 1]
            del self.rx[: len(data)], self.rx_due[: len(data)]
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        return data

    # -- protocol ----------------------------------------------------------------------------

    def _on_byte(self, byte: int) -> None:
        if byte == ENQ:
            self._send(bytes([ACK]) + self.pending if self.pending else bytes([NAK]))
        elif byte == ACK:
            self.pending = None
        elif byte == STX:
            self._on_frame()
        elif byte != NAK:
            self._resync()

    def _resync(self) -> None:
        """Garbage on the line: drop bytes until it is quiet, so no frame starts mid-garbage."""
        while self._read(256, self.byte_timeout):
            pass

    def _on_frame(self) -> None:
        head = self._read(1, self.byte_timeout)
        body = self._read(head[0] + 1, self.byte_timeout) if head else b""
        if not head or len(body) != head[0] + 1 or not head[0] or lrc(head + body[:-1]) != body[-1]:
            self._resync()
            self._send(bytes([NAK]))
            return
        payload, size = body[:-1], len(body) + 2
        cut = self._poweroff_point(payload)
        if cut is not None and cut <= size:
            return self._power_cut()
        self._send(bytes([ACK]))
        if cut == size + 1:
            return self._power_cut()
        delay = self.faults.answer_delay()
        if delay:
            time.sleep(delay)
        self.pending = encode_frame(self.device.handle(payload))
        if cut is not None:
            self._send(self.pending[: cut - size - 2])
            return self._power_cut()
        self._send(self.pending)

    def _poweroff_point(self, payload: bytes) -> int | None:
        f = self.faults
        if f.poweroff_after is None or (f.poweroff_cmd is not None and command_of(payload) != f.poweroff_cmd):
            return None
        cut, f.poweroff_after = f.poweroff_after, None
        return cut

    def _power_cut(self) -> None:
        """Dark for ``poweroff_for`` seconds (input is lost), then restart from non-volatile memory."""
        self.pending = None
        end = time.monotonic() + self.faults.poweroff_for
        while (left := end - time.monotonic()) > 0 and not self.closed and not self.stop.is_set():
            self._fill(min(left, 0.05))
        self.rx.clear()
        self.rx_due.clear()
        self.device.power_on()

    # -- sending -----------------------------------------------------------------------------

    def _send(self, data: bytes) -> None:
        data = self.faults.mangle(data)
        if not self.byte_time:
            self.port.send(data)
            return
        start = max(time.monotonic(), self.tx_clock)
        sent = 0
        while sent < len(data):
            due_count = min(len(data), int((time.monotonic() - start) / self.byte_time))
            if due_count > sent:
                self.port.send(data[sent:due_count])
                sent = due_count
            else:
                time.sleep(max(0.0, start + (sent + 1) * self.byte_time - time.monotonic()))
        self.tx_clock = start + len(data) * self.byte_time
