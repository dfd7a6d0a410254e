#!/usr/bin/env python3
"""Ctrl-C in a real terminal still writes the transcript the person asked for.

Usage: record_interrupted.py PATH_TO_GIDS

Starts `gids --record FILE` in a pseudo-terminal, gives two answers, presses Ctrl-C, and
checks that gids ended as Ctrl-C ends a program, left the terminal usable, and wrote the
transcript (mode 0600) with both answers and the interruption, which `gids test` replays.
Then again with an answer half typed when Ctrl-C comes: it is not taken as an answer.
Exits 0 when all of that holds.
"""
import os
import signal
import stat
import subprocess
import sys
import tempfile

import pexpect

from terminal_session import TerminalSession


def interrupted_session(binary, answers, half_typed=None):
    """Runs a recorded chat, answers, presses Ctrl-C; returns the transcript's path."""
    record = os.path.join(tempfile.mkdtemp(prefix="gids-record-"), "gesprek.transcript")
    session = TerminalSession(binary, ["--lang", "nl", "--region", "nl", "--seed", "1", "--record", record])
    session.expect("> ")
    for answer in answers:
        session.sendline(answer)
        session.expect("> ")
    if half_typed:
        session.child.send(half_typed)
        session.expect(half_typed)
    session.child.sendintr()
    session.child.expect(pexpect.EOF)
    session.child.close()
    assert session.child.signalstatus == signal.SIGINT, (
        f"Ctrl-C must end gids as SIGINT does, not with status {session.child.exitstatus}")
    assert "Fatal" not in session.child.before and "Backtrace" not in session.child.before, session.child.before
    assert os.path.exists(record), "Ctrl-C wrote no transcript, though --record asked for one"
    assert stat.S_IMODE(os.stat(record).st_mode) == 0o600, "the transcript must be readable by its owner only"
    return record


def main(binary):
    record = interrupted_session(binary, ["1", "Een lange nachtdienst"])
    text = open(record, encoding="utf-8").read()
    assert "> 1\n" in text and "> Een lange nachtdienst\n" in text, "both answers must be in the transcript:\n" + text
    assert "Hoe voel je je (lichamelijk en mentaal)?" in text, "what gids said must be in the transcript:\n" + text
    assert text.endswith("^C\n"), "the transcript must end with the interruption (^C):\n" + text[-300:]
    replay = subprocess.run([binary, "test", record], capture_output=True, text=True)
    assert replay.returncode == 0 and replay.stdout.endswith("1 passed, 0 failed\n"), replay.stdout + replay.stderr

    record = interrupted_session(binary, ["1"], half_typed="nog niet af")
    text = open(record, encoding="utf-8").read()
    inputs = [line for line in text.splitlines() if line.startswith(">") or line == "^C"]
    assert inputs == ["> 1", "^C"], "a line half typed when Ctrl-C came is no answer:\n" + text
    print("Ctrl-C after two answers, and with an answer half typed, ended gids as SIGINT does and wrote the "
          "transcript (0600) with what was said, ending in ^C; gids test replays it")


if __name__ == "__main__":
    main(sys.argv[1])
