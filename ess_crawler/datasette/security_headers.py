"""Datasette plugin: a Content-Security-Policy on every HTML page, and a few safe headers.

Crawled HTML is sanitised twice (nh3 at extraction, again on the article page); the
policy is the third wall: no script runs unless it is a file served by this Datasette
('self') or one of Datasette's own inline scripts, allowed by the SHA-256 of its text
(computed here from Datasette's installed templates, so an upgrade keeps them allowed).
No plugins, frames, forms to elsewhere or <base> rewriting; images may come from the
web (articles show their publishers' pictures); styles may be inline (Datasette's
templates use style attributes) -- nh3 removes every style from crawled HTML anyway.
"""

import base64
import hashlib
import re
from pathlib import Path

import datasette
from datasette import hookimpl

_TEMPLATES = Path(datasette.__file__).parent / "templates"
# inline scripts of Datasette's templates: included files, and table.html's one-liner
_INLINE = ["DATASETTE_ALLOW_FACET = true;", "DATASETTE_ALLOW_FACET = false;"]


def _inline_scripts() -> list[str]:
    scripts = list(_INLINE)
    for name in ("_close_open_menus.html", "_codemirror_foot.html"):
        try:
            text = (_TEMPLATES / name).read_text("utf-8")
        except OSError:
            continue
        scripts += re.findall(r"<script>(.*?)</script>", text, flags=re.S)
    return scripts


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' " + " ".join(sorted({_hash(s) for s in _inline_scripts()})),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https: http:",
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
])
_ALWAYS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def with_headers(scope, receive, send):
            if scope["type"] != "http":
                await app(scope, receive, send)
                return

            async def send_with_headers(event):
                if event["type"] == "http.response.start":
                    headers = [(k, v) for k, v in event.get("headers", [])
                               if k.lower() not in (b"content-security-policy", b"x-content-type-options",
                                                    b"referrer-policy")]
                    headers += _ALWAYS
                    content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                    if content_type.startswith(b"text/html"):
                        headers.append((b"content-security-policy", POLICY.encode()))
                    event = {**event, "headers": headers}
                await send(event)

            await app(scope, receive, send_with_headers)

        return with_headers

    return wrap
