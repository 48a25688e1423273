"""Transport: moves bytes through pyserial, knows nothing of the protocol."""

from __future__ import annotations

import errno
import re
import socket
from collections.abc import Callable

import serial

from ..errors import LinkError

Trace = Callable[[str, bytes], None]  # ("<" read | ">" written, bytes)


CHECK_PORT = "Проверьте, что ККТ включена и подключена, и порт ККТ в настройках (fiscal.url)"
_REASONS = {  # errno → what happened and what to check, for the cashier
    errno.ECONNREFUSED: "ККТ не отвечает на этом адресе (соединение отклонено). Проверьте, что ККТ включена и "
                        "подключена к сети, и адрес с портом в настройках (fiscal.url), обычно порт 7778",
    errno.ETIMEDOUT: "адрес не ответил вовремя. Проверьте сеть до ККТ и её адрес в настройках (fiscal.url)",
    errno.EHOSTUNREACH: "адрес недоступен по сети. Проверьте сеть до ККТ и её адрес в настройках (fiscal.url)",
    errno.ENETUNREACH: "сеть до адреса недоступна. Проверьте подключение к сети и адрес ККТ в настройках (fiscal.url)",
    errno.ENOENT: "такого порта нет в системе. Проверьте, что ККТ включена и подключена кабелем USB, и имя порта "
                  "в настройках (fiscal.url), например /dev/ttyACM0 или COM3",
    errno.EACCES: "нет прав на порт. Проверьте права: в Linux добавьте пользователя в группу dialout и войдите заново",
    errno.EBUSY: "порт занят другой программой. Проверьте, что тест драйвера ККТ и другие кассовые программы закрыты",
}
_NAME_NOT_FOUND = ("адрес ККТ не найден (имя узла неизвестно). Проверьте адрес ККТ в настройках (fiscal.url), "
                   "например socket://192.168.137.111:7778")


def why_not_open(url: str, exc: BaseException) -> str:
    """pyserial's and the OS's English («[Errno 111] Connection refused») in the cashier's words."""
    if isinstance(exc, ValueError):
        return f"адрес порта не распознан. {CHECK_PORT}: /dev/ttyACM0, COM3 или socket://адрес:7778"
    code = getattr(exc, "errno", None)
    if not isinstance(code, int):
        numbers = re.findall(r"\[Errno (-?\d+)\]", str(exc))
        code = int(numbers[-1]) if numbers else None
    if (code is not None and code < 0) or isinstance(exc, socket.gaierror):
        return _NAME_NOT_FOUND
    if code in _REASONS:
        return _REASONS[code]
    return f"порт не открылся. {CHECK_PORT}"


class Transport:
    """A pyserial port opened with :func:`serial.serial_for_url` (device path, COM3, socket://, rfc2217://)."""

    def __init__(self, url: str, baudrate: int = 115200, trace: Trace | None = None) -> None:
        try:
            self._port = serial.serial_for_url(url, baudrate=baudrate, timeout=0.05, write_timeout=5)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise LinkError(f"не удалось открыть порт ККТ {url}: {why_not_open(url, exc)}") from exc
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
