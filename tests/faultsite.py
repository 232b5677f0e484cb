"""A local test site whose pages fail in the ways real sites do (served on 127.0.0.1)."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GOOD = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title></head>
<body><header><nav><a href="/">Accueil</a></nav></header>
<article><h1>{title}</h1><p class="date">Publié le 12 octobre 2020</p>
<div class="content"><p>Les coopératives d'activité et d'emploi accompagnent des entrepreneurs salariés,
qui partagent des services, une comptabilité et une assurance commune.</p>
<p>Ce modèle, né dans les années 1990, compte aujourd'hui plus de cent structures en France,
réunies en réseaux, et continue de se développer dans toutes les régions.</p></div></article>
</body></html>"""

LATIN1 = ("<html><head><title>Économie solidaire à Besançon</title></head><body><article>"
          "<h1>Économie solidaire à Besançon</h1><p>Publié le 3 mars 2015</p>"
          "<p>Les acteurs de l'économie sociale et solidaire se réunissent à Besançon pour "
          "échanger sur leurs pratiques coopératives, leurs réussites et leurs difficultés.</p>"
          "<p>Une journée de rencontres, d'ateliers et de débats ouverte à tous les bénévoles "
          "et salariés des associations du département.</p></article></body></html>")

MALFORMED = ("<html><head><title>Page mal formée</title><body><div><article><h1>Page mal formée"
             "<p>Publié le 5 mai 2018<p>Un texte sans balises fermées, <b>gras <i>italique</b> "
             "avec des paragraphes qui ne se ferment jamais, comme sur bien des vieux sites "
             "associatifs écrits à la main.<p>Deuxième paragraphe tout aussi libre, <table><tr>"
             "<td>cellule</div></span> et la suite du texte qui continue encore un peu.")

NOT_ARTICLE = "<html><body><nav><a href='/'>Accueil</a></nav></body></html>"

PAGES = ["good", "missing", "broken", "slow", "pdf", "latin1", "malformed", "not-an-article",
         "offsite", "private", "reset", "huge", "loop", "busy-then-ok", "overloaded", "throttled",
         "truncated", "wrong-charset", "js-refresh"]
HITS: dict[str, int] = {}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, status, body: bytes, ctype="text/html; charset=utf-8", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path
        HITS[path] = HITS.get(path, 0) + 1
        if path == "/articles/busy-then-ok":  # 503 with Retry-After once, then the page
            if HITS[path] == 1:
                return self._send(503, b"<h1>Busy</h1>", headers={"Retry-After": "1"})
            return self._send(200, GOOD.format(title="Après une attente").encode())
        if path == "/articles/overloaded":  # 503 without Retry-After, every time
            return self._send(503, b"<h1>Service unavailable</h1>")
        if path == "/articles/throttled":  # asks for a wait longer than we accept
            return self._send(429, b"<h1>Too many requests</h1>", headers={"Retry-After": "3600"})
        if path == "/articles/truncated":  # announces more bytes than it sends, then hangs up
            body = GOOD.format(title="Coupé").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body) + 5000))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
            self.close_connection = True
            return None
        if path == "/articles/wrong-charset":  # says UTF-8, is latin-1
            return self._send(200, LATIN1.replace("Besançon", "Besançon et Montbéliard").encode("latin-1"),
                              "text/html; charset=utf-8")
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /articles/private\n", "text/plain")
        if path == "/":
            links = "".join(f'<li><a href="/articles/{p}">{p}</a></li>' for p in PAGES)
            return self._send(200, f"<html><body><ul>{links}</ul></body></html>".encode())
        if path == "/articles/js-refresh":  # an article whose meta refresh leads nowhere HTTP
            page = GOOD.format(title="Rafraîchi en JavaScript").replace(
                "<head>", '<head><meta http-equiv="refresh" content="0; url=javascript:void(0)">', 1)
            return self._send(200, page.encode())
        if path == "/articles/good":
            return self._send(200, GOOD.format(title="Les coopératives d'activité").encode())
        if path == "/articles/broken":
            return self._send(500, b"<h1>Internal error</h1>")
        if path == "/articles/slow":
            time.sleep(3)
            return self._send(200, GOOD.format(title="Trop tard").encode())
        if path == "/articles/pdf":
            return self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "application/pdf")
        if path == "/articles/latin1":
            return self._send(200, LATIN1.encode("latin-1"), "text/html")
        if path == "/articles/malformed":
            return self._send(200, MALFORMED.encode())
        if path == "/articles/not-an-article":
            return self._send(200, NOT_ARTICLE.encode())
        if path == "/articles/offsite":
            return self._send(302, b"", headers={"Location": "http://elsewhere.invalid/x"})
        if path == "/articles/loop":
            return self._send(302, b"", headers={"Location": "/articles/loop"})
        if path == "/articles/reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.close()
            return None
        if path == "/articles/huge":
            return self._send(200, b"<html><body><p>" + b"x" * 300_000 + b"</p></body></html>")
        return self._send(404, b"<h1>Not found</h1>")


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # clients hanging up on the slow page are expected


def start() -> tuple[ThreadingHTTPServer, str]:
    """A fresh fault site: its hit counts start from zero (they decide what some pages answer)."""
    HITS.clear()
    server = QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
