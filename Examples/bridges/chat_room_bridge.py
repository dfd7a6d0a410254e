#!/usr/bin/env python3
"""A chat-room bridge for `gids serve`: connects room events to gids as a subprocess.

A real bridge would read events from Matrix, Mattermost or Teams; this one reads them as
JSON lines on stdin, so it can be run and tested anywhere:

    {"room": "!team:example.org", "sender": "@anna:example.org", "body": "hoi"}
    {"reach_out": true}

and writes what it would post to the room as JSON lines on stdout:

    {"room": "!team:example.org", "to": "@anna:example.org", "body": "Hoi. Ik ben gids ..."}

A line that is not such an event (not JSON, not an object, a field missing or not text) is
skipped and counted on stderr; the bridge and gids go on. Each person in each room is one
gids session ("room|sender"). `{"reach_out": true}` asks
gids which sessions have a follow-up talk due and opens that talk for each, so the bridge
writes first, as the sources advise. Options are posted as numbered lines.

    python3 Examples/bridges/chat_room_bridge.py --gids .build/debug/gids -- --store :memory:
"""
import argparse
import itertools
import json
import signal
import subprocess
import sys


class Gids:
    """`gids serve` as a subprocess: one JSON line in, one JSON line out."""

    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
        self.ids = itertools.count(1)

    def ask(self, request):
        request = dict(request, id=next(self.ids))
        self.process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        reply = json.loads(self.process.stdout.readline())
        if reply.get("id") != request["id"]:
            raise RuntimeError(f"gids answered line {reply.get('id')} while {request['id']} was expected")
        return reply

    def close(self):
        self.process.stdin.close()
        return self.process.wait(timeout=30)


def session_key(room, sender):
    return f"{room}|{sender}"


def post(room, to, reply):
    """What the bridge posts to the room for one gids reply."""
    if reply.get("type") == "error":
        body = "(gids could not read that message)"
        print(json.dumps({"room": room, "to": to, "body": body}, ensure_ascii=False), flush=True)
        return
    lines = [message["text"] for message in reply["messages"]]
    lines += [f"{option['n']}. {option['text']}" for option in reply["options"]]
    post = {"room": room, "to": to, "body": "\n".join(lines)}
    if "safety" in reply:
        # The crisis answer or the check question: a chat client can show a call button, and
        # an organisation can alert its own on-call process here.
        post["safety"] = reply["safety"]
    print(json.dumps(post, ensure_ascii=False), flush=True)


def read_event(line):
    """The event on one input line (bytes), or ValueError saying what is wrong with it."""
    try:
        event = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError("not UTF-8") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg})") from None
    if not isinstance(event, dict):
        raise ValueError("not a JSON object")
    if event.get("reach_out") is True:
        return event
    for field in ("room", "sender", "body"):
        if not isinstance(event.get(field), str) or not event[field]:
            raise ValueError(f"'{field}' is missing or not text")
    return event


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gids", default="gids", help="the gids executable")
    parser.add_argument("serve_arguments", nargs="*", help="arguments for gids serve (after --)")
    arguments = parser.parse_args()
    gids = Gids([arguments.gids, "serve", *arguments.serve_arguments])
    # `systemctl reload` (SIGHUP) reaches the bridge: gids serve reads its content again.
    # (Unblocked too: some supervisors and test runners start processes with it blocked.)
    signal.signal(signal.SIGHUP, lambda *_: gids.process.send_signal(signal.SIGHUP))
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGHUP})
    skipped = 0
    for number, line in enumerate(sys.stdin.buffer, 1):
        if not line.strip():
            continue
        try:
            event = read_event(line)
        except ValueError as problem:
            skipped += 1
            print(f"chat_room_bridge: line {number} skipped: {problem} ({skipped} skipped so far)", file=sys.stderr)
            continue
        if event.get("reach_out"):
            for key in gids.ask({"type": "due"})["sessions"]:
                room, sender = key.split("|", 1)
                post(room, sender, gids.ask({"type": "start", "session": key}))
            continue
        room, sender = event["room"], event["sender"]
        post(room, sender, gids.ask({"session": session_key(room, sender), "text": event["body"]}))
    return gids.close()


if __name__ == "__main__":
    sys.exit(main())
