"""Run the emulated register on a pty or a TCP port, in a background thread."""

from __future__ import annotations

import os
import socket
import threading
import tty
from typing import Any

from .device import Device
from .faults import Faults
from .storage import Storage
from .wire import DeviceLink, FdPort, SocketPort


class Emulator:
    """A software Shtrih-M register.

    ::

        with Emulator(journal="fn.jsonl") as emu:          # a pty
            kkt = open_register(emu.url)
        with Emulator(tcp_port=0) as emu:                  # 127.0.0.1, ephemeral port
            kkt = open_register(emu.url)                   # socket://127.0.0.1:PORT

    ``faults`` is a :class:`Faults` or its text form; ``baud`` paces the line; other keyword
    arguments go to :class:`Device` (``busy_rate``, ``paper_out``, ``vat_family``, ``seed`` …).
    With a journal file the emulator holds it exclusively until :meth:`stop` (see :class:`Storage`):
    another emulator on the same files waits up to ``lock_wait`` seconds, then raises ``DeviceInUse``.
    """

    def __init__(
        self, *, tcp_port: int | None = None, journal: str | None = None, state: str | None = None,
        faults: Faults | str | None = None, baud: int | None = None, byte_timeout: float = 0.05,
        lock_wait: float = 30.0, **device: Any,
    ) -> None:
        self.faults = faults if isinstance(faults, Faults) else Faults.parse(faults)
        self.device = Device(Storage(journal, state, lock_wait=lock_wait), **device)
        self.tcp_port, self.baud, self.byte_timeout = tcp_port, baud, byte_timeout
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._fds: list[int] = []
        self._server: socket.socket | None = None
        self.url = ""

    @property
    def journal(self) -> list[dict[str, Any]]:
        return self.device.storage.journal

    def start(self) -> Emulator:
        if self.tcp_port is None:
            master, slave = os.openpty()
            tty.setraw(slave)
            self._fds = [master, slave]
            self.url = os.ttyname(slave)
            target: Any = lambda: self._link(FdPort(master)).serve(self._stop)  # noqa: E731
        else:
            self._server = socket.create_server(("127.0.0.1", self.tcp_port))
            self._server.settimeout(0.05)
            self.url = f"socket://127.0.0.1:{self._server.getsockname()[1]}"
            target = self._accept_loop
        self._thread = threading.Thread(target=target, name="fiscal-emulator", daemon=True)
        self._thread.start()
        return self

    def _link(self, port: FdPort | SocketPort) -> DeviceLink:
        return DeviceLink(port, self.device, self.faults, byte_timeout=self.byte_timeout, baud=self.baud)

    def _accept_loop(self) -> None:
        assert self._server is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except (TimeoutError, OSError):
                continue
            with conn:
                self._link(SocketPort(conn)).serve(self._stop)

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)
        if self._server:
            self._server.close()
        for fd in self._fds:
            os.close(fd)
        self._fds = []
        self.device.storage.close()

    def wait(self) -> None:
        """Block until stopped (used by the command line)."""
        while self._thread and self._thread.is_alive():
            self._thread.join(timeout=0.5)

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
