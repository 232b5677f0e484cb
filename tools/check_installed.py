"""Check what a user of a plain `pip install .` meets, from a folder that is not the checkout.

    python tools/check_installed.py [--venv DIR]

Builds a fresh virtualenv, installs the checkout into it (not editable), then from an
empty folder: `ess-crawler demo --no-serve`, `datasette plugins` (lists the project's
plugin), `ess-crawler serve` (the search for `opportunite` finds the seed article, its
article page answers), `ess-crawler publish` and plain `datasette RELEASE_DIR` (the
Recherche query answers). Prints one line per step; exits 1 at the first failure.
CI runs it after the tests (.ci/run).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "https://www.chorum.fr/actualite/reseaux-sociaux-une-opportunite-pour-less"


def step(name: str, ok: bool, detail: str = "") -> None:
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""), flush=True)
    if not ok:
        raise SystemExit(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def serving(command: list[str], port: int, cwd: Path, log: Path):
    """Start a server in its own process group; wait until it answers."""
    out = log.open("wb")
    proc = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=1)
            return proc
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    stop(proc)
    step(f"server {' '.join(command[-4:])}", False, log.read_text()[-800:])


def stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=None, help="virtualenv to create (default: a temporary one)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ess-installed-") as tmp:
        tmp = Path(tmp)
        venv = options.venv or tmp / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        bindir = venv / "bin"
        install = subprocess.run([str(bindir / "pip"), "install", "-q", str(ROOT)], capture_output=True, text=True)
        step("pip install . (not editable)", install.returncode == 0, install.stderr[-800:])
        work = tmp / "empty"
        work.mkdir()
        env = {k: v for k, v in os.environ.items() if k not in ("ESS_DATASETTE_DIR", "ESS_PROFILE_DIRS", "PYTHONPATH")}
        demo = subprocess.run([str(bindir / "ess-crawler"), "demo", "--no-serve"], cwd=work, capture_output=True,
                              text=True, env=env, timeout=600)
        step("ess-crawler demo --no-serve, from an empty folder", demo.returncode == 0,
             (demo.stdout + demo.stderr)[-800:])
        plugins = subprocess.run([str(bindir / "datasette"), "plugins"], cwd=work, capture_output=True, text=True,
                                 env=env)
        listed = [p for p in json.loads(plugins.stdout or "[]") if p.get("name") == "ess-crawler"]
        step("datasette plugins lists ess-crawler", bool(listed) and any(p["templates"] for p in listed))
        port = free_port()
        server = serving([str(bindir / "ess-crawler"), "serve", "--db", "archive/demo.db", "--port", str(port)],
                         port, work, tmp / "serve.log")
        try:
            found = get_json(f"http://127.0.0.1:{port}/demo/articles.json?_search=opportunite&_shape=array")
            urls = {row["url"] for row in found}
            step("serve: search for opportunite finds the seed article", SEED in urls, str(sorted(urls)))
            seed_id = next(row["id"] for row in found if row["url"] == SEED)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/demo/articles/{seed_id}", timeout=10) as page:
                html = page.read().decode("utf-8")
            step("serve: the seed article's page answers with its notes", "blog.dbth.fr" in html)
        finally:
            stop(server)
        release = work / "release"
        publish = subprocess.run([str(bindir / "ess-crawler"), "publish", "--db", "archive/demo.db",
                                  "--out", str(release)], cwd=work, capture_output=True, text=True, env=env)
        step("ess-crawler publish", publish.returncode == 0, (publish.stdout + publish.stderr)[-800:])
        port = free_port()
        server = serving([str(bindir / "datasette"), str(release), "--port", str(port)], port, work,
                         tmp / "release.log")
        try:
            rows = get_json(f"http://127.0.0.1:{port}/ess/search.json?q=opportunite&_shape=array")
            step("datasette RELEASE_DIR: Recherche finds the seed article",
                 any(row.get("title", "").startswith("Réseaux sociaux") for row in rows), str(rows)[:300])
        finally:
            stop(server)
    print("installed package: every step passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
