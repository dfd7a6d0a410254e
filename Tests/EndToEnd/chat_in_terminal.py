#!/usr/bin/env python3
"""Drives the real gids binary in a pseudo-terminal, as a care worker would.

Usage: chat_in_terminal.py PATH_TO_GIDS

Starts `gids` with readline and colour, answers the three questions, triggers the
crisis answer, presses Ctrl-D, and checks what the person sees on screen; then
presses Ctrl-C in a second session. Exits 0
when everything a person should see was seen.
"""
import sys

import pexpect

from terminal_session import TerminalSession


def main(binary):
    session = TerminalSession(binary, [])
    expect = session.expect
    expect("Wat past nu bij je|Waar wil je mee beginnen|Wat wil je doen")
    expect("Stoppen")
    expect("> ")
    session.sendline("1")
    expect("Welke gebeurtenissen van vandaag zijn je bijgebleven\\?")
    session.sendline("Een reanimatie die bleef hangen")
    expect("Hoe voel je je \\(lichamelijk en mentaal\\)\\?")
    expect("> ")
    session.sendline("moe")
    expect("Heb je genoeg steun\\?")
    expect("> ")
    session.sendline("nee")
    expect("Je noemde: Een reanimatie die bleef hangen\\.")
    expect("> ")
    session.sendline("ik wil er een einde aan maken")
    expect("Ben je nu veilig\\?")
    screen = session.seen[-1]
    assert "113" in screen and "112" in screen, "the crisis answer must show 113 and 112:\n" + screen
    expect("> ")
    session.child.sendeof()
    expect("Bijgebleven: Een reanimatie die bleef hangen\\.")
    session.finish()

    # Ctrl-C stops at once, without a stack trace.
    child = TerminalSession(binary, ["--lang", "en", "--region", "be"]).child
    child.expect("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert "Backtrace" not in child.before and "Fatal" not in child.before, "Ctrl-C must not print a stack trace:\n" + child.before
    assert child.exitstatus not in (None, 0) or child.signalstatus is not None, "Ctrl-C must stop gids"
    print("the person saw the three questions, their summary, the crisis answer with 113 and 112, and the goodbye after Ctrl-D; Ctrl-C stopped gids without a stack trace")


if __name__ == "__main__":
    main(sys.argv[1])
