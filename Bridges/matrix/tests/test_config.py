"""The configuration file: what an operator gets told when it is wrong."""
import tempfile
import unittest
from pathlib import Path

from gids_matrix.config import ConfigError, load_config

GOOD = """homeserver: https://matrix.example.org/
user_id: "@gids:example.org"
password_file: /etc/gids/matrix-password
state_dir: /var/lib/gids-matrix
serve: [--lang, nl, --region, be]
"""


class ConfigTests(unittest.TestCase):
    def load(self, text: str):
        folder = Path(tempfile.mkdtemp())
        path = folder / "matrix.yaml"
        path.write_text(text)
        return load_config(path, Path("/opt/gids/bin"))

    def problem(self, text: str) -> str:
        with self.assertRaises(ConfigError) as raised:
            self.load(text)
        return str(raised.exception)

    def test_a_good_file(self):
        config = self.load(GOOD)
        self.assertEqual(config.homeserver, "https://matrix.example.org")
        self.assertEqual(config.serve_command, ["/opt/gids/bin/gids", "serve", "--lang", "nl", "--region", "be",
                                                "--store", "/var/lib/gids-matrix/serve.sqlite"])

    def test_a_named_store_is_kept(self):
        config = self.load(GOOD.replace("[--lang, nl, --region, be]", "[--store, /srv/gids.sqlite]"))
        self.assertEqual(config.serve_command[-2:], ["--store", "/srv/gids.sqlite"])

    def test_each_mistake_is_named(self):
        self.assertIn("'homeserver' must be an http or https URL",
                      self.problem(GOOD.replace("https://matrix.example.org/", "matrix.example.org")))
        self.assertIn("'user_id' must look like @name:server", self.problem(GOOD.replace("@gids:example.org", "gids")))
        self.assertIn("'state_dir' is missing", self.problem(GOOD.replace("state_dir: /var/lib/gids-matrix\n", "")))
        self.assertIn("exactly one of 'password_file' and 'access_token_file'",
                      self.problem(GOOD + "access_token_file: /etc/token\n"))
        self.assertIn("unknown key 'pasword_file'", self.problem(GOOD.replace("password_file", "pasword_file")))
        self.assertIn("'serve' must be a list", self.problem(GOOD.replace("[--lang, nl, --region, be]", "--lang nl")))
        self.assertIn("is not valid YAML", self.problem("homeserver: [unclosed"))

    def test_an_unreadable_password_file_is_named(self):
        config = self.load(GOOD.replace("/etc/gids/matrix-password", "/nonexistent/password"))
        with self.assertRaises(ConfigError) as raised:
            config.secret()
        self.assertIn("cannot read password_file /nonexistent/password", str(raised.exception))


if __name__ == "__main__":
    unittest.main()
