"""A real Scrapyd (from PyPI) on 127.0.0.1: the project deployed as an egg with scrapyd-client's
`scrapyd-deploy`, a sample site's crawl scheduled with its base_url and ESS_DB_PATH, the archive checked."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import sqlite_utils

from ess_crawler.demo.server import serve_samples

from ..conftest import ROOT, free_port

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent


def _missing() -> str:
    for tool in ("scrapyd", "scrapyd-deploy"):
        if not (BIN / tool).exists() and shutil.which(tool) is None:
            return f"{tool} is not installed (pip install scrapyd scrapyd-client)"
    return ""


def _tool(name: str) -> str:
    return str(BIN / name) if (BIN / name).exists() else shutil.which(name)


def _get(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=10) as answer:
        return json.load(answer)


def _post(base: str, path: str, fields: list[tuple[str, str]]) -> dict:
    data = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(urllib.request.Request(base + path, data=data), timeout=30) as answer:
        return json.load(answer)


@pytest.fixture
def scrapyd(tmp_path):
    reason = _missing()
    if reason:
        pytest.skip(reason)
    home = tmp_path / "scrapyd"
    home.mkdir()
    port = free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        f"bind_address = 127.0.0.1\nhttp_port = {port}\n"
        f"eggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\ndbs_dir = {home / 'dbs'}\n"
        "items_dir =\nmax_proc = 2\npoll_interval = 0.5\n")
    base = f"http://127.0.0.1:{port}"
    log = open(home / "scrapyd.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen([_tool("scrapyd")], cwd=home, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        for _ in range(100):
            try:
                _get(base, "/daemonstatus.json")
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("scrapyd did not start:\n" + (home / "scrapyd.log").read_text())
                time.sleep(0.2)
        yield base, home
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
        log.close()


def _project_copy(folder: Path, base: str) -> Path:
    """The project as scrapyd-deploy sees it (a copy: building writes setup.py, build/ and egg-info)."""
    shutil.copytree(ROOT / "ess_crawler", folder / "ess_crawler",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md", "scrapy.cfg"):
        shutil.copy(ROOT / name, folder / name)
    pyproject = (folder / "pyproject.toml").read_text()
    if "[project.entry-points.scrapy]" not in pyproject:
        # Scrapyd finds an egg's settings by this entry point (what pyproject.toml must declare)
        pyproject += '\n[project.entry-points.scrapy]\nsettings = "ess_crawler.settings"\n'
        (folder / "pyproject.toml").write_text(pyproject)
    # a profile that only the egg has: the crawl below proves the egg carries its profiles
    fonda = (folder / "ess_crawler" / "profiles" / "sites" / "fonda.toml").read_text()
    (folder / "ess_crawler" / "profiles" / "sites" / "fonda_egg.toml").write_text(
        fonda.replace('name = "fonda"', 'name = "fonda_egg"', 1))
    with open(folder / "scrapy.cfg", "a") as cfg:
        cfg.write(f"\n[deploy:test]\nurl = {base}/\nproject = ess_crawler\n")
    return folder


def test_deploy_schedule_and_crawl_on_a_real_scrapyd(scrapyd, tmp_path):
    base, home = scrapyd
    project = _project_copy(tmp_path / "project", base)
    deploy = subprocess.run([_tool("scrapyd-deploy"), "test", "-v", "1"], cwd=project, capture_output=True,
                            text=True, timeout=300)
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    assert json.loads(deploy.stdout.strip().splitlines()[-1])["status"] == "ok", deploy.stdout
    spiders = _get(base, "/listspiders.json?project=ess_crawler")
    assert spiders["status"] == "ok" and {"fonda", "fonda_egg", "chorum"} <= set(spiders["spiders"]), spiders

    servers = serve_samples(["fonda"])
    db = tmp_path / "node.db"
    try:
        job = _post(base, "/schedule.json", [
            ("project", "ess_crawler"), ("spider", "fonda_egg"), ("base_url", servers["fonda"].base_url),
            ("setting", f"ESS_DB_PATH={db}"), ("setting", "DOWNLOAD_DELAY=0"),
            ("setting", "AUTOTHROTTLE_ENABLED=False")])
        assert job["status"] == "ok", job
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            jobs = _get(base, "/listjobs.json?project=ess_crawler")
            if any(j["id"] == job["jobid"] for j in jobs["finished"]):
                break
            time.sleep(0.5)
        else:
            pytest.fail(f"the job did not finish: {jobs}")
    finally:
        servers["fonda"].stop()
    logs = list((home / "logs").rglob("*.log"))
    log_text = "\n".join(p.read_text() for p in logs)
    archive = sqlite_utils.Database(db)
    crawl = next(archive.query("select * from crawls"))
    assert crawl["site"] == "fonda_egg" and crawl["status"] == "finished", log_text[-3000:]
    pages = list((ROOT / "ess_crawler/demo/sites/fonda/ressources").glob("*.html"))
    articles = archive.execute("select count(*) from articles").fetchone()[0]
    assert articles == crawl["articles_new"] == len(pages) > 0
    assert archive.execute("select count(*) from captures where warc_file is not null").fetchone()[0] > 0
    assert json.loads(crawl["settings"])["base_url"] == servers["fonda"].base_url
