"""Health for the operator: a Prometheus textfile beside gids's own, and systemd's notify protocol.

The metrics file holds counts and times only (no room, no person, no text), written beside
the file and renamed over it, mode 0644, for node_exporter's textfile collector. systemd
hears READY=1 after the first sync and WATCHDOG=1 after every sync, so a bridge that hangs
is restarted (WatchdogSec in the unit).
"""
from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path

HELP = {
    "gids_matrix_messages_total": "messages from people answered (each exactly once)",
    "gids_matrix_replies_sent_total": "answers sent to the homeserver",
    "gids_matrix_unreadable_total": "encrypted messages that could not be read in time",
    "gids_matrix_rate_limited_total": "answers the homeserver asked to send later (HTTP 429), waited out",
    "gids_matrix_invites_accepted_total": "direct-message invites accepted",
    "gids_matrix_invites_declined_total": "invites to rooms that are not direct messages, declined",
    "gids_matrix_rooms_forgotten_total": "rooms left after 'vergeet mij'",
    "gids_matrix_gids_restarts_total": "times gids serve was started again after it ended",
    "gids_matrix_homeserver_errors_total": "requests that failed because the homeserver could not be reached",
    "gids_matrix_last_sync_timestamp_seconds": "when the last sync with the homeserver succeeded",
    "gids_matrix_start_time_seconds": "when this bridge started",
}


@dataclass
class Health:
    """Counters of the running bridge, written to `metrics_file` when it is configured."""

    metrics_file: Path | None
    values: dict[str, float] = field(default_factory=lambda: dict.fromkeys(HELP, 0.0))

    def __post_init__(self) -> None:
        self.values["gids_matrix_start_time_seconds"] = time.time()

    def count(self, name: str, amount: float = 1) -> None:
        self.values[name] += amount

    def set(self, name: str, value: float) -> None:
        self.values[name] = value

    def write(self) -> None:
        if self.metrics_file is None:
            return
        lines = []
        for name, value in self.values.items():
            kind = "counter" if name.endswith("_total") else "gauge"
            lines += [f"# HELP {name} {HELP[name]}", f"# TYPE {name} {kind}", f"{name} {value:g}"]
        temporary = self.metrics_file.with_name(self.metrics_file.name + ".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        with os.fdopen(descriptor, "w") as file:
            file.write("\n".join(lines) + "\n")
        os.chmod(temporary, 0o644)
        os.replace(temporary, self.metrics_file)


def notify_systemd(message: str) -> None:
    """Sends `message` (READY=1, WATCHDOG=1, STOPPING=1) to systemd when it started the bridge."""
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return
    if address.startswith("@"):
        address = "\0" + address[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as connection:
        connection.sendto(message.encode(), address)
