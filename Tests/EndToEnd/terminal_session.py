"""What the end-to-end terminal tests share: gids in a pseudo-terminal, with an empty home
folder, and the text the person saw on screen (colour codes removed)."""
import os
import re
import tempfile

import pexpect

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class TerminalSession:
    def __init__(self, binary, args):
        self.home = tempfile.mkdtemp(prefix="gids-home-")
        env = {"PATH": os.environ.get("PATH", ""), "HOME": self.home, "TERM": "xterm-256color", "LANG": "nl_NL.UTF-8"}
        self.child = pexpect.spawn(binary, args, env=env, dimensions=(40, 100), encoding="utf-8", timeout=20)
        self.seen = []

    def expect(self, pattern):
        """Waits for `pattern` and keeps what appeared on screen up to it."""
        self.child.expect(pattern)
        self.seen.append(ANSI.sub("", self.child.before + self.child.after))

    def sendline(self, text):
        self.child.sendline(text)

    def finish(self):
        """Waits for gids to exit, and checks it ended well and wrote nothing to the home folder."""
        self.child.expect(pexpect.EOF)
        self.child.close()
        assert self.child.exitstatus == 0, f"gids exited with {self.child.exitstatus}, signal {self.child.signalstatus}"
        everything = "".join(self.seen)
        assert "Traceback" not in everything and "Fatal error" not in everything
        assert os.listdir(self.home) == [], "nothing may be written to the home folder (no history file): " + str(os.listdir(self.home))
