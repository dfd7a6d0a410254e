"""gids's replies as Matrix messages, and the few things the bridge says itself.

A reply becomes one `m.text` message with a plain body and an HTML body: the guide's
messages as paragraphs, the options as a numbered list (typed back as the number or the
text), and phone numbers in a sentence that says to call ("Bel 113 of 0800-0113") as
`tel:` links, so a crisis line is one tap away.
"""
from __future__ import annotations

import html
import re
from typing import Any

# A sentence (or clause) that tells the reader to call, in Dutch or English.
CALL_WORDS = re.compile(r"\b(bel|bellen|call|phone|telefoon|tel)\b", re.IGNORECASE)
# A phone number: digits, maybe in hyphenated groups, not part of a word, a date or a web address.
PHONE_NUMBER = re.compile(r"(?<![\w.+-])(\+?\d{2,}(?:-\d{2,})*)(?![\w-]|[.,]\d|\.[^\W\d_])")
# A web address written without scheme, such as 113.nl or zelfmoord1813.be.
WEB_ADDRESS = re.compile(r"(?<![@\w.-])((?:[a-z0-9-]+\.)+(?:nl|be|org|com|eu))\b(?![@\w-])", re.IGNORECASE)
# Between sentences: the space after a full stop (not the dot in 113.nl), or a line break.
SENTENCE_BREAK = re.compile(r"((?<=[.;!?])\s+|\n)")

# Said by the bridge itself, in both languages, since it knows no conversation's language.
UNREADABLE = ("Ik kon je bericht niet lezen (het bleef versleuteld). Stuur het alsjeblieft nog eens.\n"
              "I could not read your message (it stayed encrypted). Please send it again.")
NOT_TEXT = ("Ik lees alleen tekst. Typ je bericht alsjeblieft.\n"
            "I can only read text. Please type your message.")
NOT_READ = ("gids kon dit bericht niet lezen. Probeer het anders te schrijven.\n"
            "gids could not read this message. Please write it differently.")


# Markup spans gids writes (a service's name in bold) as HTML tags.
MARKUP_TAGS = {"b": "b", "i": "i"}


def _links(text: str) -> list[tuple[int, int, str]]:
    """(start, end, href) of phone numbers in call sentences and of web addresses."""
    links = []
    offset = 0
    for sentence in SENTENCE_BREAK.split(text):
        if CALL_WORDS.search(sentence):
            links += [(offset + m.start(1), offset + m.end(1), "tel:" + m[1].replace("-", ""))
                      for m in PHONE_NUMBER.finditer(sentence)]
        links += [(offset + m.start(1), offset + m.end(1), "https://" + m[1].lower())
                  for m in WEB_ADDRESS.finditer(sentence)]
        offset += len(sentence)
    return links


def message_html(message: dict[str, Any]) -> str:
    """One gids message as HTML: its markup spans as tags, phone numbers and web addresses as links.

    Span positions count characters as Python does (code points), which is gids's count for
    every text without combining marks.
    """
    text = message["text"]
    spans = [(a["position"], a["position"] + a["length"], f"<{MARKUP_TAGS[a['name']]}>",
              f"</{MARKUP_TAGS[a['name']]}>") for a in message.get("attributes", [])
             if a["name"] in MARKUP_TAGS and 0 <= a["position"] <= a["position"] + a["length"] <= len(text)]
    for start, end, href in _links(text):
        if all(end <= s or start >= e or (s <= start and end <= e) for s, e, _, _ in spans):
            spans.append((start, end, f'<a href="{html.escape(href)}">', "</a>"))
    spans.sort(key=lambda span: (span[0], -span[1]))
    parts, position, open_spans = [], 0, []
    for start, end, opening, closing in spans + [(len(text), len(text), "", "")]:
        while open_spans and open_spans[-1][0] <= start:
            close_at, tag = open_spans.pop()
            parts += [html.escape(text[position:close_at], quote=False), tag]
            position = close_at
        parts += [html.escape(text[position:start], quote=False), opening]
        position = start
        open_spans.append((end, closing))
    return "".join(parts)


def reply_content(reply: dict[str, Any]) -> dict[str, Any]:
    """The Matrix message content for one gids reply."""
    messages = [message["text"] for message in reply.get("messages", [])]
    options = reply.get("options", [])
    body = "\n".join(messages + [f"{option['n']}. {option['text']}" for option in options])
    formatted = "".join(f"<p>{message_html(message)}</p>" for message in reply.get("messages", []))
    if options:
        items = "".join(f"<li>{html.escape(option['text'], quote=False)}</li>" for option in options)
        formatted += f'<ol start="{options[0]["n"]}">{items}</ol>'
    return {"msgtype": "m.text", "body": body, "format": "org.matrix.custom.html", "formatted_body": formatted}


def notice_content(text: str) -> dict[str, Any]:
    """A message of the bridge's own (not of the guide), such as 'I could not read your message'."""
    return {"msgtype": "m.notice", "body": text}


LANGUAGE_COMMAND = re.compile(r"^\s*(taal|language)\s+(\w+)\s*$", re.IGNORECASE)
LANGUAGE_NAMES = {"nl": "nl", "nederlands": "nl", "dutch": "nl", "en": "en", "engels": "en", "english": "en"}


def language_command(text: str) -> str | None:
    """'taal en', 'language nl', 'taal Engels': the language asked for, else None."""
    match = LANGUAGE_COMMAND.match(text)
    return LANGUAGE_NAMES.get(match[2].lower()) if match else None
