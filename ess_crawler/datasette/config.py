"""Where the archive's Datasette configuration is, and how `ess-crawler serve` starts Datasette.

The package's own `metadata.yml` and `settings.json` apply to every archive; a
user's `archive/` folder (or `$ESS_DATASETTE_DIR`) may add `metadata.yml`,
`templates/`, `plugins/` and `static/` of their own, which take precedence.
Reads no setting of Scrapy's.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import yaml

PACKAGE_DIR = Path(__file__).resolve().parent
METADATA_FILE = PACKAGE_DIR / "metadata.yml"
SETTINGS_FILE = PACKAGE_DIR / "settings.json"
TEMPLATES_DIR = PACKAGE_DIR / "templates"
# a user's overrides: the archive folder of the current directory, as the design card places it
USER_DIR = Path("archive")


def load_metadata() -> dict:
    """The package's metadata.yml (tables described once under `x-tables`, queries under `x-queries`)."""
    return yaml.safe_load(METADATA_FILE.read_text("utf-8")) or {}


def load_settings() -> dict:
    """Datasette settings every archive is served with (settings.json)."""
    return json.loads(SETTINGS_FILE.read_text("utf-8"))


def user_dir() -> Path | None:
    """A user's Datasette overrides: $ESS_DATASETTE_DIR, else ./archive when it holds any."""
    env = os.environ.get("ESS_DATASETTE_DIR")
    candidates = [Path(env)] if env else [USER_DIR]
    for folder in candidates:
        if any((folder / name).exists() for name in ("metadata.yml", "templates", "plugins", "static")):
            return folder
    return None


def datasette_command(db: Path, host: str, port: int, immutable: bool = False) -> list[str]:
    """The `datasette serve` command line for `db`, read-only, with the archive's configuration.

    By default Datasette reads through `mode=ro` connections, which follow what a running
    crawl writes (WAL); `immutable` is for an archive nothing writes any more (SQLite then
    skips locking, and would misread a file that changes under it). The plugins and their
    templates come from the installed package (entry points).
    """
    cmd = [sys.executable, "-m", "datasette", "serve", *(["--immutable"] if immutable else []), str(db),
           "--host", host, "--port", str(port)]
    for name, value in load_settings().items():
        cmd += ["--setting", name, json.dumps(value) if isinstance(value, bool) else str(value)]
    user = user_dir()
    metadata = user / "metadata.yml" if user and (user / "metadata.yml").exists() else METADATA_FILE
    cmd += ["--metadata", str(metadata)]
    if user:
        for sub, flag in (("templates", "--template-dir"), ("plugins", "--plugins-dir")):
            if (user / sub).is_dir():
                cmd += [flag, str(user / sub)]
        if (user / "static").is_dir():
            cmd += ["--static", f"static:{user / 'static'}"]
    return cmd


def datasette_app(db: Path, immutable: bool = False):
    """A Datasette instance for `db` configured as `datasette_command` configures the command line.

    `ess-crawler serve` runs it in its own process (uvicorn), so that stopping the command
    stops Datasette, and a failure to start is the command's failure.
    """
    from datasette.app import Datasette

    user = user_dir()
    metadata_file = user / "metadata.yml" if user and (user / "metadata.yml").exists() else METADATA_FILE
    metadata = yaml.safe_load(metadata_file.read_text("utf-8")) or {}
    options: dict = {}
    if user:
        if (user / "templates").is_dir():
            options["template_dir"] = str(user / "templates")
        if (user / "plugins").is_dir():
            options["plugins_dir"] = str(user / "plugins")
        if (user / "static").is_dir():
            options["static_mounts"] = [("static", str(user / "static"))]
    files = {"immutables": [str(db)]} if immutable else {"files": [str(db)]}
    return Datasette(**files, metadata=metadata, settings=load_settings(), **options)
