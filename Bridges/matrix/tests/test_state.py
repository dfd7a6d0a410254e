"""The bridge's durable record: what a restart needs, with private modes, and no more."""
import stat
import tempfile
import unittest
from pathlib import Path

from gids_matrix.state import BridgeState, Login


class StateTests(unittest.TestCase):
    def setUp(self):
        self.folder = Path(tempfile.mkdtemp()) / "state"
        self.state = BridgeState(self.folder)

    def test_files_are_private(self):
        self.assertEqual(stat.S_IMODE(self.folder.stat().st_mode), 0o700)
        self.assertEqual(stat.S_IMODE(self.state.path.stat().st_mode), 0o600)

    def test_answered_events_are_kept_until_the_token_passes_them(self):
        self.state.mark_answered("$a", "!room")
        reopened = BridgeState(self.folder)
        self.assertTrue(reopened.is_answered("$a"))
        reopened.advance("s2")
        self.assertEqual(BridgeState(self.folder).sync_token(), "s2")
        self.assertFalse(BridgeState(self.folder).is_answered("$a"))

    def test_login_survives_and_a_refused_token_keeps_the_device(self):
        self.state.save_login(Login("DEVICE", "token"))
        self.state.forget_access_token()
        self.assertEqual(BridgeState(self.folder).login(), Login("DEVICE", ""))

    def test_forgetting_a_room_drops_its_unreadable_events(self):
        self.state.add_unreadable("$x", "!forgotten")
        self.state.add_unreadable("$y", "!other")
        self.state.forget_room("!forgotten")
        self.assertEqual([event.event_id for event in self.state.unreadable()], ["$y"])


if __name__ == "__main__":
    unittest.main()
