"""Shared fixtures: the bundled sample sites crawled once per session, a fault site, helpers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
SAMPLES = ROOT / "ess_crawler" / "samples"


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
