"""Shared fixtures: the bundled sample sites crawled once per session, a fault site, helpers."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
SAMPLES = ROOT / "ess_crawler" / "demo" / "sites"


def run_cli(*args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run `ess-crawler ARGS` in a fresh process (Scrapy's reactor starts once per process)."""
    return subprocess.run(
        [sys.executable, "-m", "ess_crawler.cli", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The offline demo crawled into a fresh archive, as `ess-crawler demo --no-serve` does."""
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = run_cli("demo", "--no-serve", "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr
    (db.parent / "demo-output.txt").write_text(result.stdout + result.stderr)
    return db


@pytest.fixture(scope="session")
def demo_output(demo_db) -> str:
    return (demo_db.parent / "demo-output.txt").read_text()


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(command: list[str], port: int, log_path: Path):
    """Start a server process (Datasette), wait until it answers on 127.0.0.1:port, stop it after."""
    import time
    import urllib.request

    base = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:  # a pipe nobody reads would fill and block the server
        proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(150):
                try:
                    urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                    break
                except OSError:
                    if proc.poll() is not None:
                        raise RuntimeError(Path(log_path).read_text()) from None
                    time.sleep(0.1)
            yield base
        finally:
            proc.terminate()
            proc.wait(10)
