"""The bridge's configuration file (YAML), read and checked once at start.

    homeserver: https://matrix.example.org
    user_id: "@gids:example.org"
    password_file: /etc/gids/matrix-password      # or access_token_file
    state_dir: /var/lib/gids-matrix
    serve: [--lang, nl, --region, nl]               # arguments for gids serve
    metrics_file: /var/lib/prometheus/node-exporter/gids-matrix.prom   # optional

Every problem is reported as one ConfigError naming the file and the key, so an operator
can fix it without reading code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml


class ConfigError(Exception):
    """A configuration the bridge cannot start with; the message says what to change."""


@dataclass(frozen=True)
class BridgeConfig:
    """What the bridge needs to know to run: where, as whom, and where to keep its state."""

    homeserver: str
    user_id: str
    password_file: Path | None
    access_token_file: Path | None
    state_dir: Path
    serve: list[str]
    gids: Path
    metrics_file: Path | None
    device_name: str

    @property
    def serve_command(self) -> list[str]:
        """`gids serve` with the configured arguments; the store lives in state_dir unless named."""
        arguments = list(self.serve)
        if not any(argument == "--store" or argument.startswith("--store=") for argument in arguments):
            arguments += ["--store", str(self.state_dir / "serve.sqlite")]
        return [str(self.gids), "serve", *arguments]

    def secret(self) -> tuple[str, str]:
        """("password", value) or ("access_token", value), read from the configured file."""
        if self.password_file:
            kind, path = "password", self.password_file
        else:
            kind, path = "access_token", self.access_token_file
        assert path is not None
        try:
            value = path.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ConfigError(f"cannot read {kind}_file {path}: {error.strerror}") from None
        if not value:
            raise ConfigError(f"{kind}_file {path} is empty")
        return kind, value


USER_ID = re.compile(r"^@[^:\s]+:[^\s]+$")
KNOWN_KEYS = {"homeserver", "user_id", "password_file", "access_token_file", "state_dir", "serve", "gids",
              "metrics_file", "device_name"}


def load_config(path: Path, program_dir: Path) -> BridgeConfig:
    """Reads and checks the YAML file at `path`; `gids` defaults to the one beside gids-matrix."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"cannot read the configuration {path}: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{path} is not valid YAML: {error}") from None
    if not isinstance(document, dict):
        raise ConfigError(f"{path} must be a mapping of keys (homeserver, user_id, ...)")

    def problem(message: str) -> ConfigError:
        return ConfigError(f"{path}: {message}")

    unknown = sorted(set(map(str, document)) - KNOWN_KEYS)
    if unknown:
        raise problem(f"unknown key {unknown[0]!r}; the keys are {', '.join(sorted(KNOWN_KEYS))}")

    def text(key: str, required: bool = True) -> str | None:
        value = document.get(key)
        if value is None:
            if required:
                raise problem(f"{key!r} is missing")
            return None
        if not isinstance(value, str) or not value.strip():
            raise problem(f"{key!r} must be a non-empty string")
        return value.strip()

    homeserver = text("homeserver") or ""
    url = urlparse(homeserver)
    if url.scheme not in ("http", "https") or not url.netloc:
        raise problem(f"'homeserver' must be an http or https URL, not {homeserver!r}")
    user_id = text("user_id") or ""
    if not USER_ID.match(user_id):
        raise problem(f"'user_id' must look like @name:server, not {user_id!r}")
    password_file, token_file = text("password_file", False), text("access_token_file", False)
    if bool(password_file) == bool(token_file):
        raise problem("give exactly one of 'password_file' and 'access_token_file'")
    serve = document.get("serve", [])
    if not isinstance(serve, list) or not all(isinstance(argument, (str, int)) for argument in serve):
        raise problem("'serve' must be a list of gids serve arguments, such as [--lang, nl, --region, nl]")
    gids = Path(text("gids", False) or program_dir / "gids")
    metrics = text("metrics_file", False)
    return BridgeConfig(
        homeserver=homeserver.rstrip("/"),
        user_id=user_id,
        password_file=Path(password_file) if password_file else None,
        access_token_file=Path(token_file) if token_file else None,
        state_dir=Path(text("state_dir") or ""),
        serve=[str(argument) for argument in serve],
        gids=gids,
        metrics_file=Path(metrics) if metrics else None,
        device_name=text("device_name", False) or "gids",
    )
