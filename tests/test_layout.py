"""The layout holds: imports follow the flow (import-linter's contracts in pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_imports_follow_the_flow():
    """No step imports from a step after it, no cycle between steps, only the CLI imports click."""
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if lint is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    result = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "broken" in result.stdout and "0 broken" in result.stdout


def test_the_datasette_plugin_is_registered():
    """`datasette plugins` lists the package's plugin modules and the templates they ship."""
    result = subprocess.run([sys.executable, "-m", "datasette", "plugins"], capture_output=True, text=True,
                            timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    import json

    plugins = [p for p in json.loads(result.stdout) if p["name"] == "ess-crawler"]
    hooks = {hook for p in plugins for hook in p["hooks"]}
    assert {"get_metadata", "prepare_connection", "extra_template_vars", "render_cell"} <= hooks
    assert any(p["templates"] for p in plugins)


def test_extraction_loads_without_the_archive_or_scrapy():
    """Extraction (and the profiles it reads) pulls in neither the store, the search stemmer, Scrapy nor click."""
    code = ("import sys, ess_crawler.extract; "
            "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('Stemmer', 'sqlite_utils', 'scrapy', 'click') or m.startswith(('ess_crawler.store', "
            "'ess_crawler.search', 'ess_crawler.crawl')))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
