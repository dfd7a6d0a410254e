"""People talking to the bot through real Matrix clients (matrix-nio, with encryption).

Each person has their own device and key store, opens a direct-message room with the bot
as Element does (is_direct, encrypted by default), sends text and reads the bot's answers,
decrypted where the room is encrypted.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from nio import (AsyncClient, AsyncClientConfig, EnableEncryptionBuilder, LoginResponse, MegolmEvent,
                 RoomCreateResponse, RoomMemberEvent, RoomMessage, RoomSendResponse)

ANSWERS_KEY = "nl.gids.answers"


@dataclass
class Answer:
    """A message of the bot as a person's client shows it."""

    event_id: str
    answers: str | None
    msgtype: str
    body: str
    formatted_body: str
    was_encrypted: bool


class Person:
    """One person with one device, in one DM room with the bot."""

    def __init__(self, homeserver: str, name: str, folder: Path):
        self.user_id = f"@{name}:localhost"
        store = folder / name
        store.mkdir(parents=True, exist_ok=True)
        self.client = AsyncClient(homeserver, self.user_id, store_path=str(store),
                                  config=AsyncClientConfig(encryption_enabled=True, store_sync_tokens=True))
        self.room_id = ""
        self.sent: list[str] = []
        self.answers: dict[str, Answer] = {}
        self.bot_left = False

    async def log_in(self, password: str) -> None:
        answer = await self.client.login(password, device_name="test phone")
        assert isinstance(answer, LoginResponse), answer
        await self.sync()

    async def sync(self, timeout_ms: int = 0) -> None:
        """One sync; the bot's messages in the room are collected (each event once)."""
        response = await self.client.sync(timeout=timeout_ms, full_state=False)
        if self.client.should_upload_keys:
            await self.client.keys_upload()
        if self.client.should_query_keys:
            await self.client.keys_query()
        if self.client.should_claim_keys:
            await self.client.keys_claim(self.client.get_users_for_key_claiming())
        room = getattr(response, "rooms", None)
        for room_id, info in (room.join.items() if room else []):
            if room_id == self.room_id:
                self._collect(info.timeline.events)
        for room_id, _ in (room.leave.items() if room else []):
            if room_id == self.room_id:
                self.bot_left = True

    def _collect(self, events) -> None:
        for event in events:
            if isinstance(event, RoomMemberEvent) and event.state_key != self.user_id and event.membership == "leave":
                self.bot_left = True
            if event.sender == self.user_id or not isinstance(event, (RoomMessage, MegolmEvent)):
                continue
            content = event.source.get("content", {})
            self.answers[event.event_id] = Answer(
                event.event_id, content.get(ANSWERS_KEY), content.get("msgtype", ""), content.get("body", ""),
                content.get("formatted_body", ""), event.decrypted if hasattr(event, "decrypted") else False)
            if isinstance(event, MegolmEvent):
                self.answers[event.event_id].body = "<undecryptable>"

    async def open_dm(self, bot: str, encrypted: bool) -> None:
        """Creates a DM room with the bot and waits until it has joined."""
        state = [EnableEncryptionBuilder().as_dict()] if encrypted else []
        answer = await self.client.room_create(is_direct=True, invite=[bot], initial_state=state)
        assert isinstance(answer, RoomCreateResponse), answer
        self.room_id = answer.room_id
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            await self.sync(1000)
            room = self.client.rooms.get(self.room_id)
            if room and bot in room.users:
                return
        raise AssertionError(f"{bot} did not join {self.user_id}'s DM within 60 s")

    async def say(self, text: str) -> str:
        """Sends `text` in the DM; returns its event id."""
        answer = await self.client.room_send(self.room_id, "m.room.message", {"msgtype": "m.text", "body": text},
                                             ignore_unverified_devices=True)
        assert isinstance(answer, RoomSendResponse), answer
        self.sent.append(answer.event_id)
        return answer.event_id

    def answers_to(self, event_id: str) -> list[Answer]:
        return [answer for answer in self.answers.values() if answer.answers == event_id]

    async def answer_to(self, event_id: str, timeout: float = 60) -> Answer:
        """Waits for the bot's answer to one message."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.answers_to(event_id)
            if found:
                return found[0]
            await self.sync(1000)
        raise AssertionError(f"no answer within {timeout:.0f} s to {self.user_id}'s message")

    async def ask(self, text: str, timeout: float = 60) -> Answer:
        return await self.answer_to(await self.say(text), timeout)

    async def settle(self, seconds: float = 3) -> None:
        """Syncs for a while, so that an answer sent twice would have arrived."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            await self.sync(500)

    def unanswered_or_doubled(self) -> list[str]:
        """Every problem with 'each message got exactly one answer, and no answer without a message'."""
        problems = []
        for event_id in self.sent:
            count = len(self.answers_to(event_id))
            if count != 1:
                problems.append(f"{self.user_id}: a message got {count} answers")
        strays = [a for a in self.answers.values() if a.answers not in self.sent]
        if strays:
            problems.append(f"{self.user_id}: {len(strays)} bot message(s) answer nothing this person sent")
        return problems

    async def close(self) -> None:
        await self.client.close()
