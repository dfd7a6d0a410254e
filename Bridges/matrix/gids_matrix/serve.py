"""`gids serve` as the bridge's child process: one JSON line out, one JSON line back, in order.

Many conversations ask at once: each request is written with its id and waits for the
reply with that id. If gids serve dies (a crash, kill -9, status 74 while the disk is
full), it is started again after a pause and the requests still waiting are sent again
with the same ids, so gids answers each one once: a line it had committed gets its stored
reply, a line it had not gets answered now.
"""
from __future__ import annotations

import asyncio
import json
import logging
import signal
from collections import OrderedDict
from typing import Any

log = logging.getLogger("gids-matrix.serve")


class GidsStopped(Exception):
    """The bridge is stopping: no reply will come."""


class GidsServe:
    """Runs `command` (gids serve ...) and restarts it when it ends without being asked to."""

    def __init__(self, command: list[str], restart_pause: float = 1.0):
        self.command = command
        self.restart_pause = restart_pause
        self.restarts = 0
        self.process: asyncio.subprocess.Process | None = None
        self.waiting: OrderedDict[str, tuple[bytes, asyncio.Future[dict[str, Any]]]] = OrderedDict()
        self.started = asyncio.Event()
        self.stopping = False
        self.supervisor: asyncio.Task | None = None

    async def start(self) -> None:
        """Starts gids serve and keeps it running until stop()."""
        await self._spawn()
        self.supervisor = asyncio.create_task(self._supervise())

    async def _spawn(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            *self.command, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, limit=16 * 1024 * 1024)
        log.info("gids serve started (pid %d)", self.process.pid)
        for line, _ in self.waiting.values():  # sent again, with their ids: answered once
            self.process.stdin.write(line)
        self.started.set()

    async def _supervise(self) -> None:
        while True:
            assert self.process is not None and self.process.stdout is not None
            while line := await self.process.stdout.readline():
                self._receive(line)
            status = await self.process.wait()
            self.started.clear()
            await self._close_input()
            if self.stopping:
                return
            self.restarts += 1
            ending = f"was killed by signal {-status}" if status < 0 else f"ended with status {status}"
            log.error("gids serve %s; starting it again in %.0f s, %d line(s) to send again",
                      ending, self.restart_pause, len(self.waiting))
            await asyncio.sleep(self.restart_pause)
            try:
                await self._spawn()
            except OSError as error:
                log.critical("cannot start gids serve (%s): %s", self.command[0], error.strerror)
                self.restart_pause = min(self.restart_pause * 2, 60)

    async def _close_input(self) -> None:
        """Closes gids serve's input and collects how the pipe ended (broken, when gids was killed)."""
        assert self.process is not None and self.process.stdin is not None
        self.process.stdin.close()
        try:
            await self.process.stdin.wait_closed()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _receive(self, line: bytes) -> None:
        try:
            reply = json.loads(line)
        except ValueError:
            log.error("gids serve wrote a line that is not JSON; ignored")
            return
        key = json.dumps(reply.get("id"))
        entry = self.waiting.pop(key, None)
        if entry is None:
            log.warning("gids serve answered a line nobody waits for; ignored")
        elif not entry[1].done():
            entry[1].set_result(reply)

    async def ask(self, request: dict[str, Any]) -> dict[str, Any]:
        """Sends one request (it must carry an `id` unique among those in flight) and returns gids's reply."""
        if self.stopping:
            raise GidsStopped()
        line = (json.dumps(request, ensure_ascii=False) + "\n").encode("utf-8")
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.waiting[json.dumps(request["id"])] = (line, future)
        # While gids serve is being started again, the start sends every waiting line.
        if self.started.is_set() and self.process is not None and self.process.stdin is not None:
            try:
                self.process.stdin.write(line)
                await self.process.stdin.drain()
            except (BrokenPipeError, ConnectionResetError):
                pass  # gids serve died: the supervisor sends the line again to the next one
        return await future

    def reload(self) -> None:
        """`systemctl reload`: gids serve reads its content again (and keeps the old on errors)."""
        if self.process and self.process.returncode is None:
            self.process.send_signal(signal.SIGHUP)

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    async def stop(self) -> int:
        """Closes gids serve's input, so it finishes what it read, commits and exits."""
        self.stopping = True
        for _, future in self.waiting.values():
            if not future.done():
                future.set_exception(GidsStopped())
        if self.process is None:
            return 0
        await self._close_input()
        status = await self.process.wait()
        if self.supervisor:
            await self.supervisor
        return status
