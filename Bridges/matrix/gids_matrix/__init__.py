"""gids-matrix: puts gids in an organisation's Matrix (Element) chat.

The bot account accepts direct-message invites; each DM room is one conversation of
`gids serve`, the bridge's child process. See docs/matrix-bridge.md.
"""
