"""Transport: moves bytes through pyserial, knows nothing of the protocol."""

from __future__ import annotations

import socket
from collections.abc import Callable

import serial

from ..errors import LinkError

Trace = Callable[[str, bytes], None]  # ("<" read | ">" written, bytes)


class Transport:
    """A pyserial port opened with :func:`serial.serial_for_url` (device path, COM3, socket://, rfc2217://)."""

    def __init__(self, url: str, baudrate: int = 115200, trace: Trace | None = None) -> None:
        try:
            self._port = serial.serial_for_url(url, baudrate=baudrate, timeout=0.05, write_timeout=5)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise LinkError(f"не удалось открыть порт ККТ {url}: {exc}") from exc
        sock = getattr(self._port, "_socket", None)  # socket:// — no Nagle delay on 1-byte ENQ/ACK
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.baudrate = baudrate
        self.trace = trace
        self._timeout = 0.05
        self.bytes_out = 0
        self.bytes_in = 0

    def byte_time(self, count: int = 1) -> float:
        """Wire time of ``count`` bytes at 8N1 (10 bits each)."""
        return count * 10.0 / self.baudrate

    def write(self, data: bytes) -> None:
        if self.trace:
            self.trace(">", data)
        try:
            self._port.write(data)
        except (serial.SerialException, OSError) as exc:
            raise LinkError(f"ошибка записи в порт ККТ: {exc}") from exc
        self.bytes_out += len(data)

    def read(self, count: int, timeout: float) -> bytes:
        """Up to ``count`` bytes; returns early once ``count`` arrived, or what came within ``timeout``."""
        if timeout != self._timeout:
            self._port.timeout = self._timeout = timeout
        try:
            data = self._port.read(count)
        except (serial.SerialException, OSError) as exc:
            raise LinkError(f"ошибка чтения из порта ККТ: {exc}") from exc
        if data:
            self.bytes_in += len(data)
            if self.trace:
                self.trace("<", data)
        return data

    def close(self) -> None:
        self._port.close()
