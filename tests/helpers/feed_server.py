"""A real HTTP server on loopback that serves a calendar feed the tests script answer by answer."""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class FeedScript:
    body: bytes = b""
    status: int = 200
    etag: str | None = '"v1"'
    last_modified: str | None = "Sun, 29 Nov 2026 10:00:00 GMT"
    redirect_to: str | None = None  # a path on this server
    stall: threading.Event | None = None  # the answer waits until this is set
    missing: int = 0  # bytes the answer promises (Content-Length) but never sends
    requests: list[dict[str, str]] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    script: FeedScript

    def do_GET(self) -> None:
        script = self.server.script  # type: ignore[attr-defined]
        script.requests.append({"path": self.path, **dict(self.headers.items())})
        if script.stall is not None:
            script.stall.wait(10)
            return
        if script.redirect_to and self.path != script.redirect_to:
            self.send_response(302)
            self.send_header("Location", script.redirect_to)
            self.end_headers()
            return
        if (
            script.status == 200
            and script.etag
            and self.headers.get("If-None-Match") == script.etag
        ):
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(script.status)
        if script.etag:
            self.send_header("ETag", script.etag)
        if script.last_modified:
            self.send_header("Last-Modified", script.last_modified)
        self.send_header("Content-Type", "text/calendar")
        self.send_header("Content-Length", str(len(script.body) + script.missing))
        self.end_headers()
        self.wfile.write(script.body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def feed_server(script: FeedScript, tls: tuple[Path, Path] | None = None) -> Iterator[str]:
    """Serves `script` on 127.0.0.1; yields the base address (http://127.0.0.1:PORT, or
    https:// with `tls`, a certificate and its key)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    if tls is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*tls)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    server.script = script  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        scheme = "https" if tls is not None else "http"
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    finally:
        if script.stall is not None:
            script.stall.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
