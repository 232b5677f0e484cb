"""A real WordPress from Debian's packages, on 127.0.0.1, for end-to-end crawl tests.

No wp-cli (not in Debian, no internet): everything goes over HTTP, as a new user would.

1. MariaDB on its own datadir, socket and port (`mariadb-install-db`, `mariadbd --no-defaults`).
2. `/etc/wordpress/config-ess-e2e-PORT.php` (Debian's `wp-config.php` loads
   `config-<WORDPRESS_CONFIG>.php`; our router sets that server variable), with
   `WP_ENVIRONMENT_TYPE=local` (application passwords over plain http) and
   `WP_HTTP_BLOCK_EXTERNAL`.
3. `php -S 127.0.0.1:PORT -t /usr/share/wordpress router.php`: real files as they are,
   `/wp-content/` from `/var/lib/wordpress/wp-content`, the rest to `index.php`.
4. Install in French with a POST to `wp-admin/install.php?step=2` (`blog_public=1`, or
   WordPress turns its sitemaps off); pretty permalinks; log in with a cookie jar, take a
   nonce from `admin-ajax.php?action=rest-nonce`, create an application password.
5. Content through the REST API with that password (`WordPress.rest`).

Every process is started in its own session (setsid) and stopped with its whole process
group (`php -S` workers outlive a killed master). `missing()` says why it cannot run.

Run it by hand: `.venv/bin/python -m tests.e2e.wordpress` (Ctrl-C stops it).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

PACKAGES = ("wordpress", "wordpress-theme-twentytwentythree", "wordpress-l10n", "php-cli", "php-xml",
            "mariadb-server")
WP_ROOT = Path("/usr/share/wordpress")
WP_CONTENT = Path("/var/lib/wordpress/wp-content")
ETC = Path("/etc/wordpress")
ADMIN, ADMIN_PASSWORD = "admin", "ess-e2e-admin-password"

ROUTER = r"""<?php
// Router for `php -S`: files as they are, wp-content from Debian's place, the rest to index.php.
$_SERVER['WORDPRESS_CONFIG'] = getenv('ESS_WP_CONFIG');
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if (strpos($path, '..') !== false) { http_response_code(400); return true; }
if (strncmp($path, '/wp-content/', 12) === 0) {
    $file = '/var/lib/wordpress' . $path;
    if (is_file($file)) {
        $types = ['css' => 'text/css', 'js' => 'application/javascript', 'svg' => 'image/svg+xml',
                  'png' => 'image/png', 'jpg' => 'image/jpeg', 'woff2' => 'font/woff2', 'json' => 'application/json'];
        $ext = strtolower(pathinfo($file, PATHINFO_EXTENSION));
        header('Content-Type: ' . ($types[$ext] ?? 'application/octet-stream'));
        readfile($file);
        return true;
    }
}
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && is_file($file)) {
    if (substr($file, -4) === '.php') { chdir(dirname($file)); require $file; return true; }
    return false;  // the server sends the file itself
}
if (is_dir($file) && is_file(rtrim($file, '/') . '/index.php') && $path !== '/') {
    chdir(rtrim($file, '/')); require rtrim($file, '/') . '/index.php'; return true;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
chdir($_SERVER['DOCUMENT_ROOT']);
require 'index.php';
"""

CONFIG = """<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:{socket}');
define('DB_CHARSET', 'utf8mb4');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', false);
define('WPMU_PLUGIN_DIR', '{mu}');
define('AUTH_KEY', '{key}1'); define('SECURE_AUTH_KEY', '{key}2'); define('LOGGED_IN_KEY', '{key}3');
define('NONCE_KEY', '{key}4'); define('AUTH_SALT', '{key}5'); define('SECURE_AUTH_SALT', '{key}6');
define('LOGGED_IN_SALT', '{key}7'); define('NONCE_SALT', '{key}8');
$table_prefix = 'wp_';
"""


# must-use plugins a test turns on to give the crawler what some real sites give
MU_PLUGINS = {
    # what core does since 6.5 (Debian 12 has 6.1, whose sitemaps have no lastmod)
    "sitemap-lastmod": """<?php
add_filter('wp_sitemaps_posts_entry', function ($entry, $post) {
    $entry['lastmod'] = get_post_modified_time('c', true, $post);
    return $entry;
}, 10, 2);
""",
    # what a page-cache plugin does: validators on posts, 304 to a matching conditional request
    "validators": """<?php
add_action('template_redirect', function () {
    if (!is_singular()) return;
    $post = get_queried_object();
    $modified = (int) get_post_modified_time('U', true, $post);
    $etag = '"' . md5($post->ID . ':' . $post->post_modified_gmt) . '"';
    header('ETag: ' . $etag);
    header('Last-Modified: ' . gmdate('D, d M Y H:i:s', $modified) . ' GMT');
    $match = wp_unslash($_SERVER['HTTP_IF_NONE_MATCH'] ?? '');  // WordPress slashes $_SERVER
    $since = $_SERVER['HTTP_IF_MODIFIED_SINCE'] ?? '';
    if ($match === $etag || (!$match && $since && strtotime($since) >= $modified)) { status_header(304); exit; }
});
""",
    # a server that sends no validator but honours If-Modified-Since (the last resort)
    "if-modified-since": """<?php
add_action('template_redirect', function () {
    if (!is_singular()) return;
    $modified = (int) get_post_modified_time('U', true, get_queried_object());
    $since = $_SERVER['HTTP_IF_MODIFIED_SINCE'] ?? '';
    if ($since && strtotime($since) >= $modified) { status_header(304); exit; }
});
""",
}


class WordPressUnavailable(RuntimeError):
    """The packages or a needed part are missing: the tests skip with this reason."""


def missing() -> str | None:
    """Why a real WordPress cannot be started here (None when it can)."""
    needed = {
        "php": shutil.which("php"), "mariadbd": shutil.which("mariadbd") or _sbin("mariadbd"),
        "mariadb-install-db": shutil.which("mariadb-install-db"), "mariadb": shutil.which("mariadb"),
    }
    absent = [name for name, path in needed.items() if not path]
    for path in (WP_ROOT / "wp-admin" / "install.php", WP_CONTENT / "themes" / "twentytwentythree",
                 WP_CONTENT / "languages" / "fr_FR.mo"):
        if not path.exists():
            absent.append(str(path))
    if absent:
        return (f"real WordPress not available (missing {', '.join(absent)}); install with: apt-get install -y "
                f"--no-install-recommends {' '.join(PACKAGES)}")
    modules = subprocess.run([needed["php"], "-m"], capture_output=True, text=True).stdout.lower().split()
    lacking = [m for m in ("mysqli", "xml", "dom") if m not in modules]
    if lacking:
        return f"php lacks module(s) {', '.join(lacking)} (packages php-mysql, php-xml)"
    if not os.access(ETC, os.W_OK):
        return f"{ETC} is not writable (Debian's wp-config.php reads its config there)"
    return None


def _sbin(name: str) -> str | None:
    path = Path("/usr/sbin") / name
    return str(path) if path.exists() else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WordPress:
    """One WordPress with its own MariaDB, installed in French, empty of our content."""

    def __init__(self, workdir: Path | None = None):
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="ess-wp-"))
        self.port = free_port()
        self.db_port = free_port()
        self.config_name = f"ess-e2e-{self.port}"
        self.config_file = ETC / f"config-{self.config_name}.php"
        self.socket = self.workdir / "db" / "mysqld.sock"
        self.mu_plugins = self.workdir / "mu-plugins"  # WPMU_PLUGIN_DIR: ours, not Debian's
        self.processes: list[subprocess.Popen] = []
        self.app_password = ""
        self.timings: dict[str, float] = {}

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # ------------------------------------------------------------ lifecycle

    def start(self) -> WordPress:
        reason = missing()
        if reason:
            raise WordPressUnavailable(reason)
        started = time.monotonic()
        try:
            self._start_mariadb()
            self.timings["mariadb"] = round(time.monotonic() - started, 2)
            self._write_config()
            self._start_php()
            self._install()
            self.timings["ready"] = round(time.monotonic() - started, 2)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop every process we started, with its whole process group; remove our config file."""
        for proc in reversed(self.processes):
            _stop_group(proc)
        self.processes.clear()
        with contextlib.suppress(FileNotFoundError):
            self.config_file.unlink()

    def __enter__(self) -> WordPress:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _spawn(self, command: list[str], log_name: str, env: dict | None = None) -> subprocess.Popen:
        log = open(self.workdir / log_name, "ab")  # noqa: SIM115 - the child keeps it
        try:
            proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    start_new_session=True, env={**os.environ, **(env or {})})
        finally:
            log.close()
        self.processes.append(proc)
        return proc

    def _start_mariadb(self) -> None:
        datadir = self.workdir / "db"
        datadir.mkdir(parents=True, exist_ok=True)
        install = subprocess.run(
            ["mariadb-install-db", "--no-defaults", f"--datadir={datadir}", "--user=root",
             "--auth-root-authentication-method=normal", "--skip-test-db"],
            capture_output=True, text=True, timeout=120)
        if install.returncode != 0:
            raise RuntimeError(f"mariadb-install-db failed: {install.stdout[-2000:]}{install.stderr[-2000:]}")
        mariadbd = shutil.which("mariadbd") or _sbin("mariadbd")
        proc = self._spawn([mariadbd, "--no-defaults", f"--datadir={datadir}", f"--socket={self.socket}",
                            f"--port={self.db_port}", "--bind-address=127.0.0.1", "--user=root",
                            f"--pid-file={datadir / 'mysqld.pid'}", "--skip-log-bin",
                            "--innodb-buffer-pool-size=32M", "--skip-name-resolve"], "mariadb.log")
        for _ in range(300):
            if proc.poll() is not None:
                raise RuntimeError("mariadbd stopped: " + (self.workdir / "mariadb.log").read_text()[-2000:])
            if self.socket.exists() and self.sql("select 1", check=False).returncode == 0:
                break
            time.sleep(0.1)
        else:
            raise RuntimeError("mariadbd did not answer in 30 s")
        self.sql("create database wordpress character set utf8mb4 collate utf8mb4_unicode_ci")

    def sql(self, statement: str, check: bool = True) -> subprocess.CompletedProcess:
        """Run SQL on our MariaDB as root (over its socket)."""
        result = subprocess.run(["mariadb", "--no-defaults", f"--socket={self.socket}", "-uroot", "-N", "-B",
                                 "-e", statement], capture_output=True, text=True, timeout=30)
        if check and result.returncode != 0:
            raise RuntimeError(f"SQL failed ({statement[:80]}): {result.stderr}")
        return result

    def _write_config(self) -> None:
        key = os.urandom(16).hex()
        self.mu_plugins.mkdir(parents=True, exist_ok=True)
        self.config_file.write_text(CONFIG.replace("{socket}", str(self.socket)).replace("{key}", key)
                                    .replace("{mu}", str(self.mu_plugins)))

    def _start_php(self) -> None:
        router = self.workdir / "router.php"
        router.write_text(ROUTER)
        proc = self._spawn(["php", "-d", "variables_order=EGPCS", "-d", "memory_limit=256M",
                            "-S", f"127.0.0.1:{self.port}", "-t", str(WP_ROOT), str(router)], "php.log",
                           env={"PHP_CLI_SERVER_WORKERS": "4", "ESS_WP_CONFIG": self.config_name})
        for _ in range(200):
            if proc.poll() is not None:
                raise RuntimeError("php -S stopped: " + (self.workdir / "php.log").read_text()[-2000:])
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return
            time.sleep(0.05)
        raise RuntimeError("php -S did not listen in 10 s")

    # ------------------------------------------------------------ install

    def _install(self) -> None:
        with httpx.Client(base_url=self.base_url, timeout=60, follow_redirects=True) as client:
            response = client.post("/wp-admin/install.php?step=2", data={
                "weblog_title": "Réseau ESS local", "user_name": ADMIN, "admin_password": ADMIN_PASSWORD,
                "admin_password2": ADMIN_PASSWORD, "pw_weak": "1", "admin_email": "admin@example.org",
                "blog_public": "1", "language": "fr_FR", "Submit": "Installer WordPress"})
            if response.status_code != 200 or "wp-login.php" not in response.text:
                raise RuntimeError(f"install failed: HTTP {response.status_code} {response.text[:1000]}")
        # pretty permalinks (the install's own check would ask this very server, which may be busy)
        self.sql("use wordpress; update wp_options set option_value = '/%year%/%monthnum%/%postname%/' "
                 "where option_name = 'permalink_structure'; "
                 "delete from wp_options where option_name = 'rewrite_rules'")
        with httpx.Client(base_url=self.base_url, timeout=60, follow_redirects=True) as client:
            client.cookies.set("wordpress_test_cookie", "WP Cookie check")
            response = client.post("/wp-login.php", data={
                "log": ADMIN, "pwd": ADMIN_PASSWORD, "wp-submit": "Se connecter", "testcookie": "1",
                "redirect_to": f"{self.base_url}/wp-admin/"})
            if not any(name.startswith("wordpress_logged_in") for name in client.cookies):
                raise RuntimeError(f"login failed: HTTP {response.status_code} {response.text[:500]}")
            nonce = client.get("/wp-admin/admin-ajax.php", params={"action": "rest-nonce"}).text.strip()
            if not re.fullmatch(r"[0-9a-f]{10}", nonce):
                raise RuntimeError(f"no REST nonce: {nonce[:200]}")
            response = client.post("/wp-json/wp/v2/users/me/application-passwords", json={"name": "ess-e2e"},
                                   headers={"X-WP-Nonce": nonce})
            if response.status_code != 201:
                raise RuntimeError(f"no application password: HTTP {response.status_code} {response.text[:500]}")
            self.app_password = response.json()["password"]
        self.rest("POST", "settings", {"timezone": "Europe/Paris", "date_format": "j F Y", "posts_per_page": 10})

    # ------------------------------------------------------------ REST

    def rest(self, method: str, route: str, data: dict | None = None, **params) -> dict | list:
        """One REST call authenticated with the application password; the decoded JSON."""
        with httpx.Client(base_url=self.base_url, timeout=60, auth=(ADMIN, self.app_password)) as client:
            response = client.request(method, f"/wp-json/wp/v2/{route}", json=data, params=params or None)
        if response.status_code >= 400:
            raise RuntimeError(f"{method} {route}: HTTP {response.status_code} {response.text[:500]}")
        return response.json()

    def plugin(self, name: str, on: bool = True) -> None:
        """Turn one of our must-use plugins (MU_PLUGINS) on or off."""
        path = self.mu_plugins / f"{name}.php"
        if on:
            path.write_text(MU_PLUGINS[name])
        else:
            path.unlink(missing_ok=True)

    def get(self, path: str) -> httpx.Response:
        with httpx.Client(base_url=self.base_url, timeout=60) as client:
            return client.get(path)


def _stop_group(proc: subprocess.Popen) -> None:
    """SIGTERM to the process group, then SIGKILL after 10 s."""
    if proc.poll() is None or _group_alive(proc.pid):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            pass
        deadline = time.monotonic() + 5
        while _group_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if _group_alive(proc.pid) or proc.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(5)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    """Start a WordPress by hand, filled with the tests' content (`--empty`: not), until stopped."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tests.e2e.wordpress", description=main.__doc__)
    parser.add_argument("--empty", action="store_true", help="Install only; create no content.")
    args = parser.parse_args(argv)
    reason = missing()
    if reason:
        print(reason)
        return 1

    def stop(signum, frame):
        raise SystemExit(0)

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop)  # a background job ignores SIGINT: handle it ourselves
    wp = WordPress()
    started = time.monotonic()
    try:
        wp.start()
        if not args.empty:
            from tests.e2e.content import populate

            populate(wp)
        wp.timings["with_content"] = round(time.monotonic() - started, 2)
        print(json.dumps({"base_url": wp.base_url, "workdir": str(wp.workdir), "timings": wp.timings,
                          "admin": ADMIN, "app_password": wp.app_password}), flush=True)
        print(f"WordPress at {wp.base_url}/ (stop with Ctrl-C or kill {os.getpid()})", flush=True)
        while True:
            signal.pause()
    finally:
        wp.stop()


if __name__ == "__main__":
    raise SystemExit(main())
