"""gids serve as the bridge's child: answers in order, and once each when it is killed midway.

Needs a gids program: $GIDS (the Swift tests set it), else the test says it was skipped.
"""
import asyncio
import os
import signal
import tempfile
import unittest
from pathlib import Path

from gids_matrix.serve import GidsServe

GIDS = os.environ.get("GIDS", "")


@unittest.skipUnless(GIDS and os.access(GIDS, os.X_OK), "skipped: set GIDS to a gids program")
class ServeTests(unittest.TestCase):
    def test_killed_gids_serve_is_started_again_and_every_line_answered_once(self):
        async def run():
            store = Path(tempfile.mkdtemp()) / "serve.sqlite"
            gids = GidsServe([GIDS, "serve", "--store", str(store), "--lang", "nl", "--region", "nl"],
                             restart_pause=0.1)
            await gids.start()
            first = await gids.ask({"session": "a", "text": "hoi", "id": "$1"})
            asking = [asyncio.create_task(gids.ask({"session": f"s{n}", "text": "hoi", "id": f"$s{n}"}))
                      for n in range(20)]
            os.kill(gids.pid, signal.SIGKILL)
            replies = await asyncio.gather(*asking)
            again = await gids.ask({"session": "a", "text": "1", "id": "$2"})
            self.assertEqual(gids.restarts, 1)
            await gids.stop()
            return first, replies, again

        first, replies, again = asyncio.run(run())
        self.assertIn("Ik ben gids", first["messages"][0]["text"])
        self.assertEqual([reply["id"] for reply in replies], [f"$s{n}" for n in range(20)])
        self.assertTrue(all("messages" in reply for reply in replies), replies)
        self.assertIn("Welke gebeurtenissen", str(again["messages"]), "the conversation went on after the restart")


if __name__ == "__main__":
    unittest.main()
