#!/usr/bin/python3
"""gids-matrix end to end: a real Synapse, real Matrix clients, the installed bridge and gids.

    Bridges/matrix/tests/end_to_end.py --gids-matrix PREFIX/bin/gids-matrix --synapse-python VENV/bin/python

Starts Synapse on loopback in a temporary folder, registers the bot and the people, runs
the bridge as an operator would (its configuration file, its own state folder) and drives
it with matrix-nio clients: check-ins in Dutch and English side by side (one of them in an
encrypted room), the crisis answer with its links, a language command, kill -9 of the
bridge and of gids serve, a killed and restarted homeserver, a low rate limit, 'vergeet
mij', and at the end that every message got exactly one answer and that no file or log the
bridge wrote holds anything a person typed. Ends with 'N passed, M failed'.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from people import Person  # noqa: E402
from synapse import Synapse, installed  # noqa: E402

BOT = "@gids:localhost"
PASSWORD = "a long test password"


async def nothing() -> None:
    """No disturbance: the messages alone."""


class Bridge:
    """The installed gids-matrix, started and killed as a process; its log collects every run."""

    def __init__(self, program: str, gids: str, folder: Path, homeserver: str):
        self.program = program
        self.gids = gids
        self.folder = folder
        self.state_dir = folder / "state"
        self.log = folder / "bridge.log"
        self.metrics = folder / "metrics" / "gids-matrix.prom"
        self.metrics.parent.mkdir(parents=True)
        self.config = self.write_config(folder / "matrix.yaml", homeserver, PASSWORD)
        self.process: subprocess.Popen | None = None

    def write_config(self, path: Path, homeserver: str, password: str, **changes: str) -> Path:
        password_file = path.with_suffix(".password")
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
        settings = {"homeserver": homeserver, "user_id": BOT, "password_file": str(password_file),
                    "state_dir": str(self.state_dir), "metrics_file": str(self.metrics), "gids": self.gids} | changes
        path.write_text(json.dumps(settings | {"serve": ["--lang", "nl", "--region", "nl"]}, indent=1))  # JSON is YAML
        return path

    def run_once(self, config: Path, timeout: float = 60) -> subprocess.CompletedProcess:
        """Runs the bridge with another configuration until it exits (the error cases)."""
        return subprocess.run([self.program, "--config", str(config)], capture_output=True, text=True,
                              timeout=timeout)

    def start(self) -> None:
        mark = self.log.stat().st_size if self.log.exists() else 0
        self.process = subprocess.Popen([self.program, "--config", str(self.config)], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=open(self.log, "ab"),
                                        env=os.environ | {"GIDS_LOG_LEVEL": "info"})
        self.wait_for_log("synced; answering direct messages", after=mark)

    def wait_for_log(self, text: str, after: int = 0, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.log.read_text(errors="replace")[after:]:
                return
            if self.process and self.process.poll() is not None:
                raise AssertionError(f"the bridge exited with {self.process.returncode}: {self.tail()}")
            time.sleep(0.1)
        raise AssertionError(f"the bridge did not log {text!r} within {timeout:.0f} s: {self.tail()}")

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-1500:]

    def gids_serve_pid(self) -> int:
        assert self.process is not None
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        assert children, "the bridge runs no gids serve"
        return int(children[0])

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait()
        # gids serve, its child, sees its input close and ends by itself.

    def stop(self) -> int:
        assert self.process is not None
        self.process.terminate()
        return self.process.wait(timeout=60)


class EndToEnd:
    def __init__(self, gids_matrix: str, gids: str, synapse_python: str, folder: Path):
        self.folder = folder
        self.synapse = Synapse(synapse_python, folder / "synapse")
        self.gids_matrix = gids_matrix
        self.gids = gids
        self.people: dict[str, Person] = {}
        self.typed: list[str] = []
        self.results: list[tuple[str, str | None]] = []
        self.bridge: Bridge | None = None

    async def check(self, name: str, test) -> None:
        started = time.monotonic()
        try:
            await test()
        except Exception as error:  # a failed check is reported, and the next one runs
            detail = "".join(traceback.format_exception_only(error)).strip()
            self.results.append((name, detail))
            print(f"FAIL {name}: {detail}", flush=True)
            traceback.print_exc()
        else:
            self.results.append((name, None))
            print(f"ok   {name} ({time.monotonic() - started:.1f} s)", flush=True)

    async def person(self, name: str, encrypted: bool) -> Person:
        person = Person(self.synapse.url, name, self.folder / "people")
        self.synapse.register(name, PASSWORD)
        await person.log_in(PASSWORD)
        await person.open_dm(BOT, encrypted)
        self.people[name] = person
        return person

    async def say(self, person: Person, text: str) -> str:
        self.typed.append(text)
        return await person.say(text)

    async def ask(self, person: Person, text: str):
        return await person.answer_to(await self.say(person, text))

    async def expect(self, person: Person, text: str, expected: str) -> None:
        """Sends `text` and checks that the answer holds `expected`."""
        answer = await self.ask(person, text)
        assert expected in answer.body, f"to {text!r}: {answer.body[:400]}"

    # The checks, in the order they run

    async def errors_are_clear(self) -> None:
        """A wrong password, an unreachable homeserver, a wrong configuration and a full disk."""
        bridge = self.bridge
        wrong = bridge.run_once(bridge.write_config(self.folder / "wrong.yaml", self.synapse.url, "not it"))
        assert wrong.returncode == 77 and "refused to log in @gids:localhost with the password" in wrong.stderr, \
            wrong.stderr
        away = bridge.run_once(bridge.write_config(self.folder / "away.yaml", "http://127.0.0.1:9", PASSWORD))
        assert away.returncode == 69 and "cannot reach the homeserver at http://127.0.0.1:9" in away.stderr, \
            away.stderr
        typo = self.folder / "typo.yaml"
        typo.write_text(bridge.config.read_text().replace('"user_id":', '"userid":'))
        wrong_key = bridge.run_once(typo)
        assert wrong_key.returncode == 78 and "unknown key 'userid'" in wrong_key.stderr, wrong_key.stderr
        await self.full_disk_at_start()

    async def full_disk_at_start(self) -> None:
        disk = self.folder / "full-disk"
        disk.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)],
                          capture_output=True).returncode != 0:
            print("     skipped the full disk: this machine lets no test mount a small tmpfs", flush=True)
            return
        try:
            filler = disk / "filler"
            subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=4k"], capture_output=True)
            full = self.bridge.write_config(self.folder / "full.yaml", self.synapse.url, PASSWORD,
                                            state_dir=str(disk / "state"))
            run = self.bridge.run_once(full)
            assert run.returncode == 74 and "full" in run.stderr and "nothing was lost" in run.stderr, run.stderr
        finally:
            subprocess.run(["umount", str(disk)])

    async def check_ins_side_by_side(self) -> None:
        """Anna in Dutch (unencrypted) and Bram in English (encrypted, as Element makes DMs), at once."""
        anna, bram = await asyncio.gather(self.person("anna", encrypted=False), self.person("bram", encrypted=True))
        await asyncio.gather(self.dutch_check_in(anna), self.english_check_in(bram))

    async def dutch_check_in(self, anna: Person) -> None:
        greeting = await self.ask(anna, "hoi")
        assert "Ik ben gids" in greeting.body, greeting.body
        assert "Dit chatprogramma bewaart zelf ook een kopie." in greeting.body, "the greeting names the chat's copy"
        assert "\n1. Een korte check-in" in greeting.body, greeting.body
        assert "<ol start=\"1\"><li>Een korte check-in" in greeting.formatted_body, greeting.formatted_body
        assert not greeting.was_encrypted, "an unencrypted room gets unencrypted answers"
        question = await self.ask(anna, "1")
        assert "Welke gebeurtenissen van vandaag zijn je bijgebleven?" in question.body, question.body
        feeling = await self.ask(anna, "Een drukke dienst met veel overdrachten")
        assert "Hoe voel je je (lichamelijk en mentaal)?" in feeling.body and "\n1. Moe" in feeling.body, feeling.body
        support = await self.ask(anna, "1")
        assert "Heb je genoeg steun?" in support.body, support.body
        summary = await self.ask(anna, "ja")
        assert "Je noemde: Een drukke dienst met veel overdrachten." in summary.body, summary.body
        ending = await self.ask(anna, "Niets, dank je")
        assert "Wat je typte, wis ik binnen een kwartier." in ending.body, ending.body

    async def english_check_in(self, bram: Person) -> None:
        greeting = await self.ask(bram, "hello")
        assert "I'm gids" in greeting.body and "\n1. A short check-in" in greeting.body, greeting.body
        assert greeting.was_encrypted, "the answer in an encrypted room is encrypted"
        await self.expect(bram, "1", "Which events of today stayed with you?")
        await self.expect(bram, "a long night shift", "How do you feel, physically and mentally?")
        await self.expect(bram, "tired", "Do you have enough support?")
        await self.expect(bram, "yes", "You mentioned: a long night shift.")
        await self.expect(bram, "3", "I'll delete what you typed within fifteen minutes.")

    async def crisis_with_links(self) -> None:
        """The crisis answer, Dutch and English, with the crisis lines as tel: links."""
        carla, dirk = await asyncio.gather(self.person("carla", False), self.person("dirk", True))
        dutch, english = await asyncio.gather(self.ask(carla, "ik wil niet meer leven"),
                                              self.ask(dirk, "I want to die"))
        assert "Ben je nu veilig?" in dutch.body and "\n1. Ja" in dutch.body, dutch.body
        assert "Are you safe right now?" in english.body, english.body
        for answer in (dutch, english):
            assert '<a href="tel:113">113</a>' in answer.formatted_body, answer.formatted_body
            assert '<a href="tel:08000113">0800-0113</a>' in answer.formatted_body, answer.formatted_body
            assert '<a href="tel:112">112</a>' in answer.formatted_body, answer.formatted_body

    async def language_command(self) -> None:
        """'taal en' starts the conversation over in English; 'language nl' back in Dutch."""
        carla = self.people["carla"]
        await self.expect(carla, "taal en", "I'm not a therapist")
        await self.expect(carla, "language nl", "Ik ben geen therapeut")

    async def burst(self, lines: dict[str, list[str]], disturb, expect: dict[str, str]) -> None:
        """Each person sends their lines at once while `disturb()` runs; every answer must come, and
        each person's last answer must hold what `expect` says for them."""
        sent = {name: [] for name in lines}

        async def send(name: str) -> None:
            for text in lines[name]:
                sent[name].append(await self.say(self.people[name], text))

        await asyncio.gather(*(send(name) for name in lines), disturb())
        for name, event_ids in sent.items():
            answers = [await self.people[name].answer_to(event_id, timeout=90) for event_id in event_ids]
            assert expect[name] in answers[-1].body, f"{name}: {answers[-1].body[:300]}"

    async def kill_bridge(self) -> None:
        """kill -9 of the bridge mid-conversation, three times at other moments."""
        for delay in (0.0, 0.4, 1.2):
            async def disturb() -> None:
                await asyncio.sleep(delay)
                self.bridge.kill()
                self.bridge.start()
            await self.burst({"anna": ["opnieuw", "1", "Een nachtdienst"], "bram": ["restart", "1", "A night shift"]},
                             disturb, {"anna": "Hoe voel je je", "bram": "How do you feel"})

    async def kill_gids_serve(self) -> None:
        """kill -9 of gids serve, the bridge's child, while answers are being made."""
        async def disturb() -> None:
            await asyncio.sleep(0.2)
            os.kill(self.bridge.gids_serve_pid(), signal.SIGKILL)
        await self.burst({"anna": ["1", "ja"], "bram": ["tired", "yes"]}, disturb,
                         {"anna": "Je noemde: Een nachtdienst.", "bram": "You mentioned: A night shift."})
        self.bridge.wait_for_log("gids serve was killed by signal 9")

    async def restart_synapse(self) -> None:
        """kill -9 of the homeserver, and a start again, while the bridge answers."""
        async def disturb() -> None:
            await asyncio.sleep(0.3)
            self.synapse.kill()
            await asyncio.sleep(2)
            self.synapse.start()
        await self.burst({"anna": ["Niets, dank je"], "bram": ["3"]}, disturb,
                         {"anna": "Wat je typte, wis ik binnen een kwartier.", "bram": "I'll delete what you typed"})
        await self.burst({"anna": ["hoi"], "bram": ["hello"]}, nothing, {"anna": "Ik ben gids", "bram": "I'm gids"})

    async def rate_limit(self) -> None:
        """A homeserver that allows the bot a message every few seconds: the bridge waits, loses nothing."""
        self.synapse.stop()
        self.synapse.start({"rc_message": {"per_second": 0.3, "burst_count": 2}})
        admin = self.synapse.register("admin", PASSWORD, admin=True)
        for person in self.people.values():
            self.synapse.unlimit(admin, person.user_id)
        mark = self.bridge.log.stat().st_size
        await self.burst({"anna": ["1", "Druk", "moe"], "bram": ["1", "Busy", "tired"]}, nothing,
                         {"anna": "Heb je genoeg steun?", "bram": "Do you have enough support?"})
        self.bridge.wait_for_log("the homeserver limits the bot's rate", after=mark, timeout=1)
        self.synapse.stop()
        self.synapse.start()

    async def forget_me(self) -> None:
        """'vergeet mij' in the encrypted room: gids deletes the session, the bot leaves and drops the room's keys."""
        bram = self.people["bram"]
        answer = await self.ask(bram, "forget me")
        assert "Deleted: this conversation and everything gids remembered about you." in answer.body, answer.body
        deadline = time.monotonic() + 30
        while not bram.bot_left and time.monotonic() < deadline:
            await bram.sync(1000)
        assert bram.bot_left, "the bot did not leave the room after 'forget me'"
        keys = next((self.bridge.state_dir / "keys").glob("*.db"))
        with sqlite3.connect(keys) as database:
            rooms = {row[0] for row in database.execute("SELECT room_id FROM megolminboundsessions")}
        assert bram.room_id not in rooms, "the bot kept the keys of the forgotten room"
        assert self.people["dirk"].room_id in rooms, "the keys of the other encrypted room are kept"

    async def reload_reaches_gids(self) -> None:
        """systemctl reload (SIGHUP to the bridge) makes gids serve read its content again."""
        mark = self.bridge.log.stat().st_size
        assert self.bridge.process is not None
        self.bridge.process.send_signal(signal.SIGHUP)
        self.bridge.wait_for_log("content reloaded", after=mark)

    async def exactly_once(self) -> None:
        """Every message any person sent got exactly one answer, and the bot sent nothing else."""
        await asyncio.gather(*(person.settle(5) for person in self.people.values()))
        problems = [problem for person in self.people.values() for problem in person.unanswered_or_doubled()]
        assert not problems, problems
        print(f"     {sum(len(p.sent) for p in self.people.values())} messages, each answered once", flush=True)

    async def nothing_typed_is_kept(self) -> None:
        """After a stop: no text a person typed in any file or log the bridge wrote; files 0600, folders 0700."""
        assert self.bridge.stop() == 0, f"SIGTERM should stop the bridge with 0: {self.bridge.tail()}"
        log = self.bridge.log.read_bytes()
        files = [path for path in self.bridge.state_dir.rglob("*") if path.is_file()] + [self.bridge.metrics]
        typed = {text for text in self.typed if " " in text}  # sentences, not single words such as "restart"
        for path in files + [self.bridge.log]:
            content = path.read_bytes()
            for text in typed:
                assert text.encode() not in content, f"{path} holds a message text"
        for person in self.people.values():
            assert person.user_id.encode() not in log, "the log names a person"
            assert person.room_id.encode() not in log, "the log names a room"
        for path in [self.bridge.state_dir, *self.bridge.state_dir.rglob("*")]:
            mode = stat.S_IMODE(path.stat().st_mode)
            assert mode == (0o700 if path.is_dir() else 0o600), f"{path} has mode {mode:o}"
        assert "gids_matrix_messages_total" in self.bridge.metrics.read_text(), "no metrics"
        # What the greeting says the chat app keeps is true: the homeserver has the unencrypted
        # room's messages, and only ciphertext of the encrypted ones.
        server = b"".join(p.read_bytes() for p in self.synapse.folder.glob("homeserver.db*"))
        assert b"Een drukke dienst met veel" in server, "the homeserver keeps the unencrypted room's text"
        assert b"a long night shift" not in server, "the homeserver keeps the encrypted room's text only encrypted"

    async def gids_keeps_only_running_conversations(self) -> None:
        """gids's store holds the conversations still going on: not the ended or forgotten ones."""
        stats = subprocess.run([self.gids, "serve", "--store", str(self.bridge.state_dir / "serve.sqlite")],
                               input='{"type":"stats"}\n', capture_output=True, text=True, timeout=60)
        going_on = {"anna", "carla", "dirk"}  # bram said 'forget me'
        assert f'"sessions":{len(going_on)}' in stats.stdout, stats.stdout + stats.stderr

    async def run(self) -> int:
        self.synapse.start()
        self.synapse.register("gids", PASSWORD)
        self.bridge = Bridge(self.gids_matrix, self.gids, self.folder / "bridge", self.synapse.url)
        await self.check("clear errors: wrong password, unreachable homeserver, wrong key, full disk",
                         self.errors_are_clear)
        self.bridge.start()
        await self.check("a check-in in Dutch and one in English (encrypted), side by side",
                         self.check_ins_side_by_side)
        await self.check("the crisis answer in Dutch and English, crisis lines as tel: links", self.crisis_with_links)
        await self.check("taal en / language nl start over in that language", self.language_command)
        await self.check("kill -9 of the bridge mid-conversation, three times", self.kill_bridge)
        await self.check("kill -9 of gids serve", self.kill_gids_serve)
        await self.check("kill -9 and restart of Synapse", self.restart_synapse)
        await self.check("a 429 from a low rate limit is waited out", self.rate_limit)
        await self.check("'forget me' deletes the session, leaves the room and drops its keys", self.forget_me)
        await self.check("SIGHUP reaches gids serve", self.reload_reaches_gids)
        await self.check("every message got exactly one answer", self.exactly_once)
        await self.check("no message text in the bridge's files and log; 0600 and 0700", self.nothing_typed_is_kept)
        await self.check("gids keeps only the conversations still going on", self.gids_keeps_only_running_conversations)
        for person in self.people.values():
            await person.close()
        self.synapse.stop()
        failed = [name for name, problem in self.results if problem]
        print(f"{len(self.results) - len(failed)} passed, {len(failed)} failed")
        return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gids-matrix", required=True, help="the gids-matrix to test (gids beside it)")
    parser.add_argument("--gids", help="the gids to run (default: the one beside gids-matrix, as installed)")
    parser.add_argument("--synapse-python", required=True, help="a python with matrix-synapse installed")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder to look at")
    arguments = parser.parse_args()
    if not installed(arguments.synapse_python):
        print(f"skipped: {arguments.synapse_python} cannot run Synapse (pip install matrix-synapse)")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="gids-matrix-e2e."))
    gids_matrix = Path(arguments.gids_matrix).resolve()
    gids = str(Path(arguments.gids).resolve()) if arguments.gids else str(gids_matrix.parent / "gids")
    test = EndToEnd(str(gids_matrix), gids, arguments.synapse_python, folder)
    try:
        return asyncio.run(test.run())
    finally:
        if test.bridge and test.bridge.process and test.bridge.process.poll() is None:
            test.bridge.kill()
        test.synapse.stop()
        if arguments.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
