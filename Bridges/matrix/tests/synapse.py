"""A real Synapse homeserver for the end-to-end tests: in a temporary folder, on loopback.

Started from a Python that has matrix-synapse installed (CI makes a virtualenv from PyPI);
rate limits are raised so the tests measure the bridge, except where a test lowers them.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

HIGH = {"per_second": 1000, "burst_count": 1000}
RAISED_LIMITS = {
    "rc_message": HIGH, "rc_registration": HIGH, "rc_room_creation": HIGH, "rc_key_requests": HIGH,
    "rc_login": {"address": HIGH, "account": HIGH, "failed_attempts": HIGH},
    "rc_joins": {"local": HIGH, "remote": HIGH},
    "rc_invites": {"per_room": HIGH, "per_user": HIGH, "per_issuer": HIGH},
}

LOG_CONFIG = """version: 1
formatters: {plain: {format: '%(asctime)s %(levelname)s %(name)s %(message)s'}}
handlers: {file: {class: logging.FileHandler, formatter: plain, filename: LOGFILE}}
root: {level: WARNING, handlers: [file]}
disable_existing_loggers: false
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Synapse:
    """One homeserver, `localhost`, answering on 127.0.0.1 at `url`."""

    def __init__(self, python: str, folder: Path):
        self.python = python
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.secret = secrets.token_hex(16)
        self.process: subprocess.Popen | None = None
        self.config_path = folder / "homeserver.yaml"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "log.config").write_text(LOG_CONFIG.replace("LOGFILE", str(folder / "homeserver.log")))

    def write_config(self, limits: dict) -> None:
        config = {
            "server_name": "localhost", "pid_file": str(self.folder / "homeserver.pid"), "report_stats": False,
            "listeners": [{"port": self.port, "bind_addresses": ["127.0.0.1"], "type": "http", "tls": False,
                           "resources": [{"names": ["client"], "compress": False}]}],
            "database": {"name": "sqlite3", "args": {"database": str(self.folder / "homeserver.db")}},
            "log_config": str(self.folder / "log.config"), "media_store_path": str(self.folder / "media"),
            "signing_key_path": str(self.folder / "signing.key"), "registration_shared_secret": self.secret,
            "macaroon_secret_key": self.secret, "form_secret": self.secret, "trusted_key_servers": [],
            "suppress_key_server_warning": True, "enable_registration": False, "presence": {"enabled": False},
            **limits,
        }
        self.config_path.write_text(json.dumps(config))  # JSON is YAML

    def start(self, limits: dict | None = None) -> None:
        """Starts the server (with raised rate limits unless `limits` says otherwise) and waits for it."""
        self.write_config(RAISED_LIMITS | (limits or {}))
        if not (self.folder / "signing.key").exists():
            subprocess.run([self.python, "-m", "synapse.app.homeserver", "--config-path", str(self.config_path),
                            "--generate-keys"], check=True, capture_output=True)
        self.process = subprocess.Popen([self.python, "-m", "synapse.app.homeserver", "--config-path",
                                         str(self.config_path)], stdout=subprocess.DEVNULL,
                                        stderr=open(self.folder / "stderr.log", "ab"))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"synapse exited: {(self.folder / 'stderr.log').read_text()[-2000:]}")
            try:
                urllib.request.urlopen(self.url + "/_matrix/client/versions", timeout=1)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("synapse did not answer within 60 s")

    def kill(self) -> None:
        """kill -9: the homeserver stops at once, mid-request."""
        if self.process:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
            (self.folder / "homeserver.pid").unlink(missing_ok=True)

    def stop(self) -> None:
        """SIGTERM, as systemctl stop; a server still busy with long polls after 20 s is killed."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def request(self, method: str, path: str, body: dict | None = None, token: str | None = None) -> dict:
        request = urllib.request.Request(self.url + path, method=method,
                                         data=json.dumps(body).encode() if body is not None else None,
                                         headers={"Content-Type": "application/json"} |
                                         ({"Authorization": f"Bearer {token}"} if token else {}))
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"{}")

    def register(self, name: str, password: str, admin: bool = False) -> str:
        """Registers @name:localhost through the shared-secret admin API; returns its access token."""
        nonce = self.request("GET", "/_synapse/admin/v1/register")["nonce"]
        mac = hmac.new(self.secret.encode(), digestmod=hashlib.sha1)
        mac.update(b"\x00".join([nonce.encode(), name.encode(), password.encode(),
                                 b"admin" if admin else b"notadmin"]))
        answer = self.request("POST", "/_synapse/admin/v1/register", {
            "nonce": nonce, "username": name, "password": password, "admin": admin, "mac": mac.hexdigest()})
        return answer["access_token"]

    def unlimit(self, admin_token: str, user_id: str) -> None:
        """No rate limit for this user (the people in the rate-limit test; the bot stays limited)."""
        self.request("POST", f"/_synapse/admin/v1/users/{user_id}/override_ratelimit",
                     {"messages_per_second": 0, "burst_count": 0}, admin_token)


def installed(python: str) -> bool:
    """Whether `python` can run Synapse."""
    return subprocess.run([python, "-c", "import synapse.app.homeserver"], capture_output=True).returncode == 0 \
        if os.path.exists(python) else False
