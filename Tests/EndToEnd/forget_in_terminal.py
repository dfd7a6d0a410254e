"""`gids forget` in a real terminal: it asks before it deletes, keeps everything on 'nee',
and deletes on 'ja'. Usage: forget_in_terminal.py GIDS DATA_DIR (DATA_DIR holds a gids.sqlite)."""
import os
import sys

from terminal_session import TerminalSession


def forget(binary, data, answer):
    session = TerminalSession(binary, ["forget", "--lang", "nl", "--data-dir", data])
    session.expect("Wil je dat\\?")
    session.expect("> ")
    session.sendline(answer)
    return session


def main(binary, data):
    database = os.path.join(data, "gids.sqlite")
    kept = forget(binary, data, "nee")
    kept.expect("Niets gewist\\.")
    kept.finish()
    assert os.path.exists(database), "'nee' must keep the database"
    deleted = forget(binary, data, "1")
    deleted.expect("Gewist: " + database)
    deleted.finish()
    assert not os.path.exists(database), "'ja' must delete the database"
    print("gids forget asked, kept on 'nee' and deleted on 'ja'")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
