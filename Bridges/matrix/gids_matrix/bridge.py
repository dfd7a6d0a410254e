"""The bridge between a Matrix homeserver and `gids serve`: one conversation per DM room.

Every message is answered exactly once, through crashes of the bridge, of gids serve and
of the homeserver:

- the Matrix event id is the gids line's `id`, so a message asked again gets the same
  reply from gids (which committed it before answering);
- a room's messages are answered one after another (rooms side by side), and an answer
  is sent with a transaction id made from the event id, so a resend after a crash is one
  message on the homeserver;
- the sync token is kept only once every message before it has been answered and sent;
  the events answered since are kept by id, so a replay after a crash skips them.

The bridge keeps no message text anywhere: after a crash the homeserver gives the
unanswered messages again.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from aiohttp import ClientConnectionError
from nio import (AsyncClient, AsyncClientConfig, EncryptionError, ErrorResponse, InviteMemberEvent, JoinError,
                 LoginResponse, MegolmEvent, MessageDirection, RoomGetEventError, RoomMessage, RoomMessageEmote,
                 RoomMessageNotice, RoomMessagesError, RoomMessageText, RoomSendError, RoomSendResponse, SyncError,
                 SyncResponse)
from nio.api import Api

from .config import BridgeConfig
from .health import Health, notify_systemd
from .render import NOT_READ, NOT_TEXT, UNREADABLE, language_command, notice_content, reply_content
from .serve import GidsServe
from .state import BridgeState, Login

log = logging.getLogger("gids-matrix")
T = TypeVar("T")

# Enough of each room's timeline per sync that a short outage needs no paging back.
SYNC_FILTER = {"room": {"timeline": {"limit": 100}, "state": {"lazy_load_members": False}}}
# How long an encrypted message may wait for its key before the person is asked to send it again.
UNREADABLE_WAIT_SECONDS = 60
# The key in a reply's content naming the event it answers, so an answer can be tied to its message.
ANSWERS_KEY = "nl.gids.answers"


class BridgeStop(Exception):
    """The bridge cannot go on; the message says why, `status` is the exit status."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def room_label(room_id: str) -> str:
    """How a room appears in the log: a short hash, never its id."""
    return "room " + hashlib.sha256(room_id.encode()).hexdigest()[:8]


def transaction_id(event_id: str) -> str:
    """The transaction id of the answer to `event_id`: the same after any restart."""
    return "gids-" + hashlib.sha256(event_id.encode()).hexdigest()[:32]


def session_name(room_id: str) -> str:
    """The gids session of a DM room (gids keeps it only as a keyed hash)."""
    return "matrix:" + room_id


class MatrixBridge:
    """Logs in as the bot, accepts DM invites and answers each DM room through gids serve."""

    def __init__(self, config: BridgeConfig, state: BridgeState, gids: GidsServe, health: Health):
        self.config = config
        self.state = state
        self.gids = gids
        self.health = health
        keys = config.state_dir / "keys"
        keys.mkdir(mode=0o700, exist_ok=True)
        self.client = AsyncClient(
            config.homeserver, config.user_id, store_path=str(keys),
            config=AsyncClientConfig(max_timeouts=0, max_limit_exceeded=None, encryption_enabled=True,
                                     store_sync_tokens=False, request_timeout=30))
        self.client.add_response_callback(self._rate_limited, RoomSendError)
        self.waiting_for_keys: dict[str, MegolmEvent] = {}
        self.unreachable_since: float | None = None

    # Talking to the homeserver

    async def _homeserver(self, request: Callable[[], Awaitable[T]]) -> T:
        """`request()`, tried again with a growing pause while the homeserver cannot be reached."""
        pause = 1.0
        while True:
            try:
                result = await request()
            except (ClientConnectionError, asyncio.TimeoutError) as error:
                self.health.count("gids_matrix_homeserver_errors_total")
                if self.unreachable_since is None:
                    self.unreachable_since = time.monotonic()
                    log.error("cannot reach the homeserver at %s (%s); trying again", self.config.homeserver,
                              type(error).__name__)
                await asyncio.sleep(pause)
                pause = min(pause * 2, 30)
                continue
            if self.unreachable_since is not None:
                log.warning("reached the homeserver again after %.0f s", time.monotonic() - self.unreachable_since)
                self.unreachable_since = None
            return result

    async def _rate_limited(self, response: RoomSendError) -> None:
        if response.status_code == "M_LIMIT_EXCEEDED":
            self.health.count("gids_matrix_rate_limited_total")
            log.warning("the homeserver limits the bot's rate; sending again in %d ms", response.retry_after_ms or 5000)

    async def log_in(self) -> None:
        """Logs in as the same device as before (its keys are in the state folder), or as a new one."""
        kind, secret = self.config.secret()
        saved = self.state.login()
        try:
            if kind == "access_token":
                await self._log_in_with_token(secret)
            elif saved and saved.access_token and await self._token_works(saved):
                pass
            else:
                await self._log_in_with_password(secret, saved)
        except (ClientConnectionError, asyncio.TimeoutError) as error:
            raise BridgeStop(f"cannot reach the homeserver at {self.config.homeserver}: {error}; "
                             "check 'homeserver' in the configuration and that the server runs", 69) from None
        if self.client.should_upload_keys:
            await self._homeserver(self.client.keys_upload)
        log.info("logged in as device %s", self.client.device_id)

    async def _whoami(self, token: str) -> dict[str, Any]:
        """The homeserver's answer to 'whose token is this': user_id and device_id, or errcode."""
        method, path = Api.whoami(token)
        answer = await self.client.send(method, path)
        return await answer.json()

    async def _token_works(self, saved: Login) -> bool:
        answer = await self._whoami(saved.access_token)
        if answer.get("device_id") == saved.device_id:
            self.client.restore_login(self.config.user_id, saved.device_id, saved.access_token)
            return True
        log.warning("the homeserver no longer accepts the saved login (%s); logging in again as the same device",
                    answer.get("errcode", "another device"))
        self.state.forget_access_token()
        return False

    async def _log_in_with_password(self, password: str, saved: Login | None) -> None:
        if saved:
            self.client.device_id = saved.device_id
        answer = await self.client.login(password, device_name=self.config.device_name)
        if not isinstance(answer, LoginResponse):
            raise BridgeStop(f"the homeserver refused to log in {self.config.user_id} with the password in "
                             f"{self.config.password_file} ({answer.status_code}: {answer.message})", 77)
        self.state.save_login(Login(answer.device_id, answer.access_token))

    async def _log_in_with_token(self, token: str) -> None:
        answer = await self._whoami(token)
        if "device_id" not in answer:
            raise BridgeStop(f"the homeserver refused the access token in {self.config.access_token_file} "
                             f"({answer.get('errcode', 'no device')}: {answer.get('error', '')})", 77)
        if answer.get("user_id") != self.config.user_id:
            raise BridgeStop(f"the access token in {self.config.access_token_file} is not {self.config.user_id}'s", 77)
        self.client.restore_login(self.config.user_id, answer["device_id"], token)
        self.state.save_login(Login(answer["device_id"], token))

    # The sync loop

    async def run(self) -> None:
        """Syncs, answers and keeps the token, until cancelled."""
        token = self.state.sync_token()
        first = True
        while True:
            response = await self._homeserver(lambda: self.client.sync(
                timeout=0 if first else 30000, since=token, full_state=True if first else None,
                sync_filter=SYNC_FILTER))
            if isinstance(response, SyncError):
                await self._sync_failed(response)
                continue
            await self._keep_keys()
            await self._accept_invites(response)
            if token is None:
                log.warning("first start: messages sent before now are not answered")
            else:
                await asyncio.gather(*(self._answer_room(room_id, info, token)
                                       for room_id, info in response.rooms.join.items()))
                await self._retry_unreadable()
            self.state.advance(response.next_batch)
            token = response.next_batch
            self.health.set("gids_matrix_last_sync_timestamp_seconds", time.time())
            self.health.set("gids_matrix_gids_restarts_total", self.gids.restarts)
            self.health.write()
            if first:
                notify_systemd("READY=1")
                log.info("synced; answering direct messages")
                first = False
            notify_systemd("WATCHDOG=1")

    async def _sync_failed(self, response: SyncError) -> None:
        if response.status_code == "M_UNKNOWN_TOKEN":
            log.warning("the homeserver ended the bot's login; logging in again as the same device")
            self.state.forget_access_token()
            await self.log_in()
            return
        log.error("sync failed (%s); trying again in 5 s", response.status_code)
        await asyncio.sleep(5)

    async def _keep_keys(self) -> None:
        """The encryption upkeep a sync asks for: our one-time keys, others' device keys."""
        if self.client.should_upload_keys:
            await self._homeserver(self.client.keys_upload)
        if self.client.should_query_keys:
            await self._homeserver(self.client.keys_query)
        if self.client.should_claim_keys:
            await self._homeserver(lambda: self.client.keys_claim(self.client.get_users_for_key_claiming()))

    async def _accept_invites(self, response: SyncResponse) -> None:
        """Joins rooms the bot is invited to as a direct message; declines the others."""
        for room_id, info in response.rooms.invite.items():
            invite = next((event for event in info.invite_state if isinstance(event, InviteMemberEvent)
                           and event.state_key == self.config.user_id and event.membership == "invite"), None)
            if invite is None:
                continue
            if invite.content.get("is_direct"):
                answer = await self._homeserver(lambda: self.client.join(room_id))
                if isinstance(answer, JoinError):
                    log.error("could not join %s (%s)", room_label(room_id), answer.status_code)
                    continue
                self.health.count("gids_matrix_invites_accepted_total")
                log.info("joined %s", room_label(room_id))
            else:
                await self._homeserver(lambda: self.client.room_leave(room_id))
                self.health.count("gids_matrix_invites_declined_total")
                log.info("declined %s: not a direct message", room_label(room_id))

    # Answering

    async def _timeline(self, room_id: str, info: Any, since: str) -> list[Any]:
        """The room's events since the last kept token, paging back when the sync left some out."""
        events = list(info.timeline.events)
        start = info.timeline.prev_batch
        while info.timeline.limited and start:
            page = await self._homeserver(lambda: self.client.room_messages(
                room_id, start, end=since, direction=MessageDirection.back, limit=100))
            if isinstance(page, RoomMessagesError) or not page.chunk:
                break
            events = list(reversed(page.chunk)) + events
            start = page.end
        return events

    async def _answer_room(self, room_id: str, info: Any, since: str) -> None:
        """Answers the room's new messages in order, each once."""
        for event in await self._timeline(room_id, info, since):
            if event.sender == self.config.user_id or self.state.is_answered(event.event_id):
                continue
            if isinstance(event, MegolmEvent):
                self.waiting_for_keys[event.event_id] = event
                self.state.add_unreadable(event.event_id, room_id)
                if event.session_id not in self.client.outgoing_key_requests:
                    await self._homeserver(lambda: self.client.request_room_key(event))
                continue
            await self._answer_event(room_id, event)

    async def _answer_event(self, room_id: str, event: Any) -> None:
        if isinstance(event, RoomMessageNotice) or not isinstance(event, RoomMessage):
            return  # not a person's message: a bot's notice, a membership change, a state event
        if isinstance(event.source.get("content", {}).get("m.relates_to"), dict) and \
                event.source["content"]["m.relates_to"].get("rel_type") == "m.replace":
            return  # an edit: the message it edits was answered
        if isinstance(event, (RoomMessageText, RoomMessageEmote)):
            content = await self._ask_gids(room_id, event.event_id, event.body)
        else:
            content = notice_content(NOT_TEXT)
        await self._send(room_id, event.event_id, content)

    async def _ask_gids(self, room_id: str, event_id: str, text: str) -> dict[str, Any]:
        """gids's answer to one message as Matrix content; a language command starts over in that language."""
        language = language_command(text)
        request: dict[str, Any] = {"session": session_name(room_id), "id": event_id}
        request |= {"type": "start", "lang": language} if language else {"text": text}
        pause = 1.0
        while (reply := await self.gids.ask(request)).get("type") == "error":
            code = reply["error"]["code"]
            if code != "storage_failed":
                log.warning("gids could not read a message in %s (%s)", room_label(room_id), code)
                return notice_content(NOT_READ)
            log.error("gids could not store a message of %s; asking again in %.0f s", room_label(room_id), pause)
            await asyncio.sleep(pause)
            pause = min(pause * 2, 60)
        content = reply_content(reply)
        if reply.get("forgotten"):
            content["forgotten"] = True
        return content

    async def _send(self, room_id: str, event_id: str, content: dict[str, Any]) -> None:
        """Sends the answer to `event_id` (once, whatever happens), then records it as answered."""
        forgotten = content.pop("forgotten", False)
        content[ANSWERS_KEY] = event_id
        while True:
            answer = await self._homeserver(lambda: self.client.room_send(
                room_id, "m.room.message", content, tx_id=transaction_id(event_id), ignore_unverified_devices=True))
            if isinstance(answer, RoomSendResponse):
                break
            if isinstance(answer, ErrorResponse) and answer.status_code == "M_FORBIDDEN":
                log.warning("cannot send to %s any more (%s); the answer is dropped", room_label(room_id),
                            answer.status_code)
                break
            log.error("sending to %s failed (%s); trying again in 5 s", room_label(room_id),
                      getattr(answer, "status_code", answer))
            await asyncio.sleep(5)
        self.state.mark_answered(event_id, room_id)
        self.health.count("gids_matrix_messages_total")
        self.health.count("gids_matrix_replies_sent_total")
        if forgotten:
            await self._forget_room(room_id)

    async def _retry_unreadable(self) -> None:
        """Encrypted messages whose key came late are answered now; after a minute, the person is told."""
        for waiting in self.state.unreadable():
            event = self.waiting_for_keys.get(waiting.event_id) or await self._fetch(waiting.room_id, waiting.event_id)
            if event is None:
                self.state.mark_answered(waiting.event_id, waiting.room_id)
                continue
            readable = self._decrypted(event)
            if not isinstance(readable, MegolmEvent) and isinstance(readable, RoomMessage):
                readable.source.setdefault("event_id", waiting.event_id)
                self.waiting_for_keys.pop(waiting.event_id, None)
                await self._answer_event(waiting.room_id, readable)
            elif time.time() - waiting.first_seen > UNREADABLE_WAIT_SECONDS:
                self.waiting_for_keys.pop(waiting.event_id, None)
                self.health.count("gids_matrix_unreadable_total")
                log.warning("an encrypted message in %s stayed unreadable; asking to send it again",
                            room_label(waiting.room_id))
                await self._send(waiting.room_id, waiting.event_id, notice_content(UNREADABLE))

    def _decrypted(self, event: Any) -> Any:
        """The event decrypted if its key has come by now, else as it was."""
        if not isinstance(event, MegolmEvent):
            return event
        try:
            return self.client.decrypt_event(event)
        except EncryptionError:
            return event

    async def _fetch(self, room_id: str, event_id: str) -> Any | None:
        answer = await self._homeserver(lambda: self.client.room_get_event(room_id, event_id))
        return None if isinstance(answer, RoomGetEventError) else answer.event

    async def _forget_room(self, room_id: str) -> None:
        """After 'vergeet mij': leave and forget the room, and drop its keys and records."""
        await self._homeserver(lambda: self.client.room_leave(room_id))
        await self._homeserver(lambda: self.client.room_forget(room_id))
        self.forget_room_keys(room_id)
        self.state.forget_room(room_id)
        self.health.count("gids_matrix_rooms_forgotten_total")
        log.info("left %s after 'vergeet mij'", room_label(room_id))

    def forget_room_keys(self, room_id: str) -> None:
        """Deletes the room's message keys from the key store, so its messages cannot be read with them."""
        olm = self.client.olm
        if olm is None:
            return
        olm.inbound_group_store._entries.pop(room_id, None)
        olm.outbound_group_sessions.pop(room_id, None)
        database = self.client.store.database
        database.execute_sql(
            "DELETE FROM forwardedchains WHERE session_id IN "
            "(SELECT session_id FROM megolminboundsessions WHERE room_id = ?)", (room_id,))
        database.execute_sql("DELETE FROM megolminboundsessions WHERE room_id = ?", (room_id,))
        database.execute_sql("DELETE FROM encryptedrooms WHERE room_id = ?", (room_id,))
        database.execute_sql("DELETE FROM outgoingkeyrequests WHERE room_id = ?", (room_id,))

    async def close(self) -> None:
        await self.client.close()
