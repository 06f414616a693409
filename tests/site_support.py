"""Shared by test_site.py and test_serve_browser.py: real web servers (nginx, Apache httpd)
serving a static site with the rules `newsgraph site` writes, on loopback ports. Each one
is skipped, saying why, when the server is not installed."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

APACHE_MODULES = Path("/usr/lib/apache2/modules")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _which(name: str) -> str | None:
    return shutil.which(name) or next((str(p) for p in (Path("/usr/sbin") / name,) if p.exists()), None)


def _wait_for(port: int, proc: subprocess.Popen, log: Path, what: str) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} stopped: {log.read_text(errors='replace')[-2000:] if log.exists() else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not start")


class _ServerProcess:
    """A web server started by a test in its own folder; stopped, and its folder removed, on exit."""

    proc: subprocess.Popen
    work: Path

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.work, ignore_errors=True)


class Nginx(_ServerProcess):
    """nginx (one process, in the foreground) serving ``site`` with the site's rules."""

    def __init__(self, site: Path):
        binary = _which("nginx")
        if binary is None:
            pytest.skip("nginx is not installed (apt-get install nginx-light)")
        self.binary, self.site = binary, site
        self.work = Path(tempfile.mkdtemp(prefix="newsgraph-nginx-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        mime = "include /etc/nginx/mime.types;" if Path("/etc/nginx/mime.types").exists() else ""
        temp = "".join(f"{kind}_temp_path {self.work / kind};\n  " for kind in ("client_body", "proxy", "fastcgi",
                                                                             "uwsgi", "scgi"))
        (self.work / "nginx.conf").write_text(f"""daemon off;
master_process off;
worker_processes 1;
error_log {self.work / "error.log"} warn;
pid {self.work / "nginx.pid"};
events {{ worker_connections 64; }}
http {{
  {mime}
  default_type application/octet-stream;
  access_log off;
  {temp}include {site / "_server" / "nginx-http.conf"};
  server {{
    listen 127.0.0.1:{self.port};
    root {site};
    include {site / "_server" / "nginx-server.conf"};
  }}
}}
""")

    def __enter__(self) -> "Nginx":
        conf = str(self.work / "nginx.conf")
        check = subprocess.run([self.binary, "-t", "-c", conf], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr  # the rules are valid nginx configuration
        self.proc = subprocess.Popen([self.binary, "-c", conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for(self.port, self.proc, self.work / "error.log", "nginx")
        return self



class Apache(_ServerProcess):
    """Apache httpd (in the foreground) serving ``site`` as its DocumentRoot with the site's
    .htaccess, and on a second port ``redirect_root`` (a copy of the base host's folder with
    the redirect .htaccess the site wrote for it), both with AllowOverride All."""

    def __init__(self, site: Path, redirect_root: Path | None = None):
        binary = _which("apache2") or _which("httpd")
        if binary is None or not APACHE_MODULES.is_dir():
            pytest.skip("Apache httpd is not installed (apt-get install apache2)")
        self.binary, self.site = binary, site
        self.work = Path(tempfile.mkdtemp(prefix="newsgraph-apache-"))
        os.chmod(self.work, 0o755)
        self.port, self.redirect_port = free_port(), free_port()
        self.url, self.redirect_url = f"http://127.0.0.1:{self.port}", f"http://127.0.0.1:{self.redirect_port}"
        modules = "\n".join(f"LoadModule {name}_module {APACHE_MODULES / f'mod_{so}.so'}" for name, so in (
            ("mpm_event", "mpm_event"), ("authz_core", "authz_core"), ("mime", "mime"), ("dir", "dir"),
            ("rewrite", "rewrite"), ("headers", "headers")))
        # As root, Apache serves as another user: it must be able to read the folders.
        user = ""
        if os.geteuid() == 0:
            user = "User www-data\nGroup www-data\n" if _has_user("www-data") else "User nobody\nGroup nogroup\n"
        types = "/etc/mime.types" if Path("/etc/mime.types").exists() else str(self._empty("mime.types"))
        redirect = ""
        if redirect_root is not None:
            redirect = f"""Listen 127.0.0.1:{self.redirect_port}
<VirtualHost 127.0.0.1:{self.redirect_port}>
  DocumentRoot {redirect_root}
</VirtualHost>
<Directory {redirect_root}>
  AllowOverride All
  Require all granted
</Directory>
"""
        (self.work / "httpd.conf").write_text(f"""ServerRoot {self.work}
ServerName 127.0.0.1
Listen 127.0.0.1:{self.port}
PidFile {self.work / "httpd.pid"}
ErrorLog {self.work / "error.log"}
LogLevel warn
Mutex file:{self.work}
{modules}
TypesConfig {types}
{user}<VirtualHost 127.0.0.1:{self.port}>
  DocumentRoot {site}
</VirtualHost>
<Directory {site}>
  AllowOverride All
  Require all granted
</Directory>
{redirect}""")

    def _empty(self, name: str) -> Path:
        path = self.work / name
        path.write_text("")
        return path

    def __enter__(self) -> "Apache":
        conf = str(self.work / "httpd.conf")
        check = subprocess.run([self.binary, "-t", "-f", conf], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        self.proc = subprocess.Popen([self.binary, "-f", conf, "-DFOREGROUND"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        _wait_for(self.port, self.proc, self.work / "error.log", "Apache httpd")
        return self



def _has_user(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def readable_copy_dir() -> Path:
    """A new folder every user can read (Apache, started as root, serves as www-data)."""
    path = Path(tempfile.mkdtemp(prefix="newsgraph-site-"))
    os.chmod(path, 0o755)
    return path
