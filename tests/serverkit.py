"""Real app servers for the tests that need more than one process: gunicorn on a free port, with its own environment."""

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

BASE_DIR = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(**variables):
    """The test settings (plain static files, no HTTPS redirect) with `variables` on top."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    environment.update(DJANGO_SETTINGS_MODULE="config.test_settings", ALLOWED_HOSTS="127.0.0.1", DEBUG="0")
    environment.update(variables)
    return environment


def manage(*arguments, environment):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )


class AppServer:
    """A gunicorn with one worker; `url(path)` addresses it. Its output goes to `log` (shown when it fails)."""

    def __init__(self, environment, log_dir):
        self.port = free_port()
        self.log = Path(log_dir) / f"gunicorn-{self.port}.log"
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [str(GUNICORN), "config.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{self.port}", "--timeout", "60"],
                cwd=BASE_DIR,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.wait_until_serving()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def wait_until_serving(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped: {self.log.read_text()[-3000:]}")
            with contextlib.suppress(requests.RequestException):  # not listening yet, or still loading the app
                requests.get(self.url("/health/"), timeout=30)
                return
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer in {timeout} s: {self.log.read_text()[-3000:]}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def signed_in_session(server, username, password):
    """A browser-like session signed in through the portal's sign-in form (CSRF token and all)."""
    session = requests.Session()
    page = session.get(server.url("/portal/login/"), timeout=30)
    assert page.status_code == 200, page.status_code
    response = session.post(
        server.url("/portal/login/"),
        data={"username": username, "password": password, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": server.url("/portal/login/")},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, (response.status_code, response.text[:500])
    assert "sessionid" in session.cookies
    return session


def api_token(server, username, password):
    response = requests.post(
        server.url("/api/v1/auth/token/"), json={"username": username, "password": password}, timeout=30
    )
    assert response.status_code in (200, 201), response.text
    return response.json()["token"]
