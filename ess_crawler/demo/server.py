"""A local HTTP server for the bundled sample sites (offline demo and tests).

Each site is served on its own 127.0.0.1 port from `ess_crawler/demo/sites/NAME/`,
mirroring the real site's paths: `/a/b` is `a/b.html`, `a/b/index.html` or the
file `a/b`; a query string is kept in the file name after `@`
(`/actualite?page=1` is `actualite@page=1.html`). Missing pages are 404s.
Responses carry ETag and Last-Modified and honour conditional requests.
"""

from __future__ import annotations

import email.utils
import hashlib
import logging
import mimetypes
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

logger = logging.getLogger(__name__)

SAMPLES_DIR = Path(__file__).parent / "sites"
# a fixed date so that sample responses are the same on every run
SAMPLE_MTIME = 1_700_000_000

_TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/xml; charset=utf-8",
          ".json": "application/json; charset=utf-8",
          ".txt": "text/plain; charset=utf-8", ".rss": "application/rss+xml; charset=utf-8"}


def sample_sites() -> list[str]:
    """Names of the bundled sample sites."""
    return sorted(p.name for p in SAMPLES_DIR.iterdir() if p.is_dir() and (p / "robots.txt").exists())


def resolve(roots: list[Path], target: str) -> Path | None:
    """The file serving `target` (path?query) from the first root that has it."""
    parts = urlsplit(target)
    path = unquote(parts.path).lstrip("/")
    if ".." in Path(path).parts:
        return None
    candidates = []
    if parts.query:
        stem = path or "index"
        candidates += [f"{stem}@{parts.query}.html", f"{stem}@{parts.query}.xml", f"{stem}@{parts.query}.json",
                       f"{stem}@{parts.query}"]
    elif not path:
        candidates.append("index.html")
    else:
        candidates += [f"{path}.html", f"{path}/index.html", path]
    for root in roots:
        for name in candidates:
            file = root / name
            if file.is_file():
                return file
    return None


@dataclass
class SiteServer:
    """One sample site served on one port, in a background thread."""

    name: str
    roots: list[Path]
    gone: set[str] = field(default_factory=set)  # paths answered with 410 Gone
    host: str = "127.0.0.1"
    port: int = 0
    _httpd: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> SiteServer:
        handler = _handler_for(self)
        self._httpd = ThreadingHTTPServer((self.host, self.port), handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        threading.Thread(target=self._httpd.serve_forever, name=f"sample-{self.name}", daemon=True).start()
        logger.info("serving sample site %s at %s", self.name, self.base_url)
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None


def _handler_for(site: SiteServer):
    class Handler(BaseHTTPRequestHandler):
        server_version = "ess-sample/1.0"

        def log_message(self, fmt, *args):  # quiet: tests and demo print their own summaries
            logger.debug("%s %s", site.name, fmt % args)

        def do_HEAD(self):
            self._serve(head=True)

        def do_GET(self):
            self._serve(head=False)

        def _serve(self, head: bool):
            target = self.path
            if urlsplit(target).path in site.gone:
                return self._send(410, b"<h1>Gone</h1>", "text/html; charset=utf-8", head)
            file = resolve(site.roots, target)
            if file is None:
                body = b"<html><body><h1>Page introuvable</h1></body></html>"
                return self._send(404, body, "text/html; charset=utf-8", head)
            data = file.read_bytes()
            etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
            last_modified = email.utils.formatdate(SAMPLE_MTIME, usegmt=True)
            if self.headers.get("If-None-Match") == etag:
                return self._send(304, b"", None, head, etag=etag, last_modified=last_modified)
            ctype = _TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            if file.suffix == ".xml" and b"<rss" in data[:500]:
                ctype = _TYPES[".rss"]
            self._send(200, data, ctype, head, etag=etag, last_modified=last_modified)

        def _send(self, status, body, ctype, head, etag=None, last_modified=None):
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            if etag:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", last_modified)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head and status != 304:
                self.wfile.write(body)

    return Handler


def sample_server(name: str, edition: int = 1, host: str = "127.0.0.1", port: int = 0) -> SiteServer:
    """The (not yet started) server of one sample site: its files, under those of edition
    `edition` when it changes the site, and the URLs that edition has removed (GONE.txt)."""
    roots = [SAMPLES_DIR / name]
    overlay = SAMPLES_DIR / f"edition{edition}" / name
    if edition > 1 and overlay.is_dir():
        roots.insert(0, overlay)
    gone_file = overlay / "GONE.txt"
    gone = set(gone_file.read_text().split()) if edition > 1 and gone_file.exists() else set()
    return SiteServer(name=name, roots=roots, gone=gone, host=host, port=port)


def serve_samples(names: list[str] | None = None, edition: int = 1) -> dict[str, SiteServer]:
    """Start one server per sample site; returns them by name (call .stop() on each)."""
    return {name: sample_server(name, edition).start() for name in names or sample_sites()}
