"""What both stand-ins share: a threaded loopback server whose handler answers JSON and injects faults."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .faults import Faults, RateLimit

NGINX_503 = b"<html><head><title>503 Service Temporarily Unavailable</title></head><body>" \
            b"<center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>"


class FakeServer:
    """Subclasses implement ``handle(handler, method, path, query, body) -> (status, json body | bytes)``."""

    def __init__(self, *, faults: Faults | None = None, rate: float | None = None) -> None:
        self.faults = faults or Faults()
        self.rate_limit = RateLimit(rate) if rate else None
        self.lock = threading.RLock()
        self.requests = 0
        self._server: ThreadingHTTPServer | None = None

    # --- lifecycle ------------------------------------------------------------------------------
    def start(self) -> str:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                fake._dispatch(self, "GET")

            def do_POST(self) -> None:
                fake._dispatch(self, "POST")

            def do_PATCH(self) -> None:
                fake._dispatch(self, "PATCH")

            def do_DELETE(self) -> None:
                fake._dispatch(self, "DELETE")

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self):
        self.url = self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- request handling -----------------------------------------------------------------------
    def _dispatch(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        with self.lock:
            self.requests += 1
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        fault = self.faults.before()
        if fault == "drop":
            handler.close_connection = True
            return
        if fault == "429":
            return self._send(handler, 429, {"success": False, "errorMsg": "Too many requests"})
        if fault == "503" or (self.rate_limit is not None and not self.rate_limit.allow()):
            return self._send(handler, 503, NGINX_503, "text/html")
        if fault == "slow":
            time.sleep(self.faults.slow_s)
        path, _, query = handler.path.partition("?")
        status, answer = self.handle(handler, method, path, query, body)
        if method != "GET" and status < 300 and self.faults.lose_answer():
            handler.close_connection = True
            return
        self._send(handler, status, answer)

    def handle(self, handler, method: str, path: str, query: str, body: bytes) -> tuple[int, Any]:
        raise NotImplementedError

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, body: Any, content_type: str = "application/json") -> None:
        if isinstance(body, bytes):
            data = body
        else:
            data = json.dumps(body, ensure_ascii=False).encode()
            if isinstance(body, str):  # ready text (Atom XML)
                data, content_type = body.encode(), "application/atom+xml;type=feed;charset=utf-8"
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting
            pass
