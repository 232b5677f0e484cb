"""Datasette plugin: unknown paths answer 404, not 500, when the `rich` package is installed.

Datasette 0.65's last-resort exception handler prints each exception to the console
with rich when rich is importable. For a path no route matches, it is called outside
any `except` block, where rich 14 and later refuse to print (ValueError), so the
reader gets a 500 instead of the 404 page. rich arrives with many tools (it is in
this project's test extra, through frictionless); the console print is all it does
there, so the handler is told rich is absent. The error page itself is unchanged.
"""

import datasette.handle_exception

datasette.handle_exception.rich = None
