#!/usr/bin/env python3
"""Drives `gids practice` in a pseudo-terminal, as a peer supporter in training would.

Usage: practice_in_terminal.py PATH_TO_GIDS

Chooses the Floor scenario, picks a candidate response by typing its whole text (the
candidates come in an order of their own, and only a number or a candidate's whole text
chooses it), types one in their own words, types 'stop' and checks the feedback and the
debrief on screen. Exits 0 when everything
a trainee should see was seen.
"""
import sys

from terminal_session import TerminalSession


def main(binary):
    session = TerminalSession(binary, ["practice"])
    expect = session.expect
    expect("Welk gesprek wil je oefenen\\?")
    expect("> ")
    session.sendline("1")
    expect("Ik weet eigenlijk niet goed waar ik moet beginnen\\.")
    expect("> ")
    session.sendline(
        "Ik ben hier als collega, niet als therapeut. Wat je vertelt blijft tussen ons, tenzij iemand gevaar loopt. Hoe is het met je?"
    )
    expect("Feedback: ")
    expect("> ")
    session.sendline("Dat klinkt zwaar. Wat zou je nu helpen?")
    expect("> ")
    screen = session.seen[-1]
    assert "Feedback: open vraag" in screen and "Feedback: de ander laten kiezen" in screen, "typed words get feedback on each move:\n" + screen
    assert "practice/nl.yaml:" not in screen, "the trainee does not see the patterns (that is --explain):\n" + screen
    session.sendline("stop")
    expect("Nabespreking")
    expect("Van een oefengesprek bewaart gids niets")
    debrief = session.seen[-1]
    assert "Je rol en de grenzen ervan noemen: gehaald" in debrief, "the chosen response states the role:\n" + debrief
    assert "De drie vragen, in hun volgorde: niet aan de orde in dit scenario" in debrief, debrief
    assert "De signalen rustig nagaan: niet aan toegekomen" in debrief, "stopped early, the signals were not reached:\n" + debrief
    session.finish()
    print("the trainee chose a scenario, got feedback on a chosen and a typed response, and a debrief after 'stop'")


if __name__ == "__main__":
    main(sys.argv[1])
