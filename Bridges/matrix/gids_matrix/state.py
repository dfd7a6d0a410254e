"""What the bridge keeps to resume after a crash, and nothing more.

One SQLite file, `bridge.sqlite` in the state folder (mode 0600, written with
`synchronous = FULL`, freed pages overwritten with zeros):

- the bot's login: its device id and access token, so a restart is the same device
  (its encryption keys, in `keys/`, belong to that device);
- the sync token up to which every message has been answered and its answer sent;
- the ids of the events after that token that were already answered (the answers still
  to send are the other events after the token: the homeserver gives them again, so the
  bridge never stores what anyone wrote, nor gids's answers);
- the ids of encrypted events it could not read yet, with when it first saw them.

Event ids and room ids are kept only until the token passes them (or, for an unreadable
event, until it is read or given up on); no user id, no message text.
"""
from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS login (device_id TEXT NOT NULL, access_token TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sync (token TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS answered (event_id TEXT PRIMARY KEY, room_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS unreadable (event_id TEXT PRIMARY KEY, room_id TEXT NOT NULL, first_seen REAL NOT NULL);
"""


@dataclass(frozen=True)
class Login:
    device_id: str
    access_token: str


@dataclass(frozen=True)
class UnreadableEvent:
    event_id: str
    room_id: str
    first_seen: float


class BridgeState:
    """The bridge's durable record; every method commits before it returns."""

    def __init__(self, folder: Path):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.path = folder / "bridge.sqlite"
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(descriptor)
        self.database = sqlite3.connect(self.path, isolation_level=None)
        self.database.execute("PRAGMA journal_mode = WAL")
        self.database.execute("PRAGMA synchronous = FULL")
        self.database.execute("PRAGMA secure_delete = ON")
        self.database.executescript(SCHEMA)

    def close(self) -> None:
        self.database.close()

    def _write(self, *statements: tuple[str, tuple]) -> None:
        """Runs the statements in one transaction."""
        with self.database:
            self.database.execute("BEGIN IMMEDIATE")
            for sql, parameters in statements:
                self.database.execute(sql, parameters)

    def login(self) -> Login | None:
        row = self.database.execute("SELECT device_id, access_token FROM login").fetchone()
        return Login(*row) if row else None

    def save_login(self, login: Login) -> None:
        self._write(("DELETE FROM login", ()),
                    ("INSERT INTO login VALUES (?, ?)", (login.device_id, login.access_token)))

    def forget_access_token(self) -> None:
        """After the homeserver refused the token: the device id stays, to log in as the same device."""
        self._write(("UPDATE login SET access_token = ''", ()))

    def sync_token(self) -> str | None:
        row = self.database.execute("SELECT token FROM sync").fetchone()
        return row[0] if row else None

    def is_answered(self, event_id: str) -> bool:
        return self.database.execute("SELECT 1 FROM answered WHERE event_id = ?", (event_id,)).fetchone() is not None

    def mark_answered(self, event_id: str, room_id: str) -> None:
        """The answer to this event was sent; after a crash before the next token it is not sent again."""
        self._write(("INSERT OR IGNORE INTO answered VALUES (?, ?)", (event_id, room_id)),
                    ("DELETE FROM unreadable WHERE event_id = ?", (event_id,)))

    def advance(self, token: str) -> None:
        """Every event before `token` is answered: keep the token, drop the ids it covers."""
        self._write(("DELETE FROM sync", ()), ("INSERT INTO sync VALUES (?)", (token,)),
                    ("DELETE FROM answered", ()))

    def unreadable(self) -> list[UnreadableEvent]:
        rows = self.database.execute("SELECT event_id, room_id, first_seen FROM unreadable ORDER BY first_seen")
        return [UnreadableEvent(*row) for row in rows]

    def add_unreadable(self, event_id: str, room_id: str) -> None:
        self._write(("INSERT OR IGNORE INTO unreadable VALUES (?, ?, ?)", (event_id, room_id, time.time())),)

    def forget_room(self, room_id: str) -> None:
        """After 'vergeet mij': the room's waiting events go now. Its answered ids stay until the
        token passes them (seconds), since a crash before that must not answer them again."""
        self._write(("DELETE FROM unreadable WHERE room_id = ?", (room_id,)),)
