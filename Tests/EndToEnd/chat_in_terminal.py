#!/usr/bin/env python3
"""Drives the real gids binary in a pseudo-terminal, as a care worker would.

Usage: chat_in_terminal.py PATH_TO_GIDS

Starts `gids` with readline and colour, answers the three questions, triggers the
crisis answer, presses Ctrl-D, and checks what the person sees on screen; then
presses Ctrl-C in a second session. Exits 0
when everything a person should see was seen.
"""
import os
import re
import sys
import tempfile

import pexpect

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def main(binary):
    home = tempfile.mkdtemp(prefix="gids-home-")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "TERM": "xterm-256color", "LANG": "nl_NL.UTF-8"}
    child = pexpect.spawn(binary, [], env=env, dimensions=(40, 100), encoding="utf-8", timeout=20)
    seen = []

    def expect(pattern):
        child.expect(pattern)
        seen.append(ANSI.sub("", child.before + child.after))

    expect("Wat past nu bij je|Waar wil je mee beginnen|Wat wil je doen")
    expect("Stoppen")
    expect("> ")
    child.sendline("1")
    expect("Welke gebeurtenissen van vandaag zijn je bijgebleven\\?")
    child.sendline("Een reanimatie die bleef hangen")
    expect("Hoe voel je je \\(lichamelijk en mentaal\\)\\?")
    expect("> ")
    child.sendline("moe")
    expect("Heb je genoeg steun\\?")
    expect("> ")
    child.sendline("nee")
    expect("Je noemde: Een reanimatie die bleef hangen\\.")
    expect("> ")
    child.sendline("ik wil er een einde aan maken")
    expect("Ben je nu veilig\\?")
    screen = seen[-1]
    assert "113" in screen and "112" in screen, "the crisis answer must show 113 and 112:\n" + screen
    expect("> ")
    child.sendeof()
    expect("Bijgebleven: Een reanimatie die bleef hangen\\.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, f"gids exited with {child.exitstatus}, signal {child.signalstatus}"
    everything = "".join(seen)
    assert "Traceback" not in everything and "Fatal error" not in everything
    assert os.listdir(home) == [], "nothing may be written to the home folder (no history file): " + str(os.listdir(home))

    # Ctrl-C stops at once, without a stack trace.
    child = pexpect.spawn(binary, ["--lang", "en", "--region", "be"], env=env, dimensions=(40, 100), encoding="utf-8", timeout=20)
    child.expect("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert "Backtrace" not in child.before and "Fatal" not in child.before, "Ctrl-C must not print a stack trace:\n" + child.before
    assert child.exitstatus not in (None, 0) or child.signalstatus is not None, "Ctrl-C must stop gids"
    print("the person saw the three questions, their summary, the crisis answer with 113 and 112, and the goodbye after Ctrl-D; Ctrl-C stopped gids without a stack trace")


if __name__ == "__main__":
    main(sys.argv[1])
