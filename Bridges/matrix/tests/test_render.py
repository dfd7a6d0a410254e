"""How gids's replies look in Matrix: numbered options, tel: links, nothing unescaped."""
import unittest

from gids_matrix.render import language_command, message_html, reply_content

CRISIS = {
    "messages": [
        {"text": "Je kunt nu meteen iemand bereiken:"},
        {"text": "- 113 Zelfmoordpreventie: Praten over gedachten aan zelfdoding. Bel 113 of 0800-0113, of chat via "
                 "113.nl. (dag en nacht)",
         "attributes": [{"name": "b", "position": 2, "length": 22, "properties": {}}]},
        {"text": "Ben je nu veilig?"},
    ],
    "options": [{"n": 1, "text": "Ja"}, {"n": 2, "text": "Nee"}],
    "safety": "crisis",
}


class RenderTests(unittest.TestCase):
    def test_options_are_a_numbered_list_in_both_bodies(self):
        content = reply_content(CRISIS)
        self.assertTrue(content["body"].endswith("Ben je nu veilig?\n1. Ja\n2. Nee"))
        self.assertIn('<ol start="1"><li>Ja</li><li>Nee</li></ol>', content["formatted_body"])
        self.assertEqual(content["format"], "org.matrix.custom.html")

    def test_crisis_lines_are_tel_links_and_names_stay_bold(self):
        html = reply_content(CRISIS)["formatted_body"]
        self.assertIn("<b>113 Zelfmoordpreventie</b>", html)
        self.assertIn('Bel <a href="tel:113">113</a> of <a href="tel:08000113">0800-0113</a>', html)
        self.assertIn('<a href="https://113.nl">113.nl</a>', html)

    def test_numbers_outside_a_call_sentence_are_not_links(self):
        html = message_html({"text": "Op 12 maart, 3 dagen geleden. Bel 112."})
        self.assertEqual(html, 'Op 12 maart, 3 dagen geleden. Bel <a href="tel:112">112</a>.')

    def test_text_is_escaped(self):
        self.assertEqual(message_html({"text": "<img src=x> & co"}), "&lt;img src=x&gt; &amp; co")

    def test_language_commands(self):
        self.assertEqual(language_command("taal en"), "en")
        self.assertEqual(language_command(" Language Nederlands "), "nl")
        self.assertIsNone(language_command("taal is lastig"))
        self.assertIsNone(language_command("hoi"))


if __name__ == "__main__":
    unittest.main()
