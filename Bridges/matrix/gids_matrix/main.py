"""gids-matrix --config FILE: the command the systemd unit starts.

Exit statuses, for an operator and for systemd's RestartPreventExitStatus:
0 stopped (SIGTERM), 69 the homeserver cannot be reached at start, 74 the state folder's
disk is full or unwritable, 77 the homeserver refused the bot's password or token,
78 the configuration is wrong.
"""
from __future__ import annotations

import argparse
import asyncio
import errno
import logging
import os
import signal
import sqlite3
import sys
from pathlib import Path

from .config import ConfigError, load_config
from .health import Health, notify_systemd
from .serve import GidsServe, GidsStopped
from .state import BridgeState

log = logging.getLogger("gids-matrix")
LEVELS = ("trace", "debug", "info", "notice", "warning", "error", "critical")


def set_up_logging() -> None:
    """Logs on stderr (journald under systemd) at GIDS_LOG_LEVEL, as gids does (default notice)."""
    level = os.environ.get("GIDS_LOG_LEVEL", "notice").lower()
    if level not in LEVELS:
        sys.exit(f"gids-matrix: GIDS_LOG_LEVEL must be one of {', '.join(LEVELS)}, not {level!r}")
    python_level = {"trace": "DEBUG", "notice": "WARNING"}.get(level, level.upper())
    logging.basicConfig(level=python_level, format="gids-matrix: %(levelname)s: %(message)s", stream=sys.stderr)
    # The libraries' own log lines may name rooms and people: they are not written.
    for library in ("nio", "peewee", "aiohttp"):
        logging.getLogger(library).setLevel(logging.CRITICAL + 1)


def is_disk_full(error: BaseException) -> bool:
    return (isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)) or \
        (isinstance(error, sqlite3.OperationalError) and "full" in str(error))


async def serve_until_stopped(config_path: Path) -> int:
    from .bridge import BridgeStop, MatrixBridge  # after the configuration is known to be good

    config = load_config(config_path, Path(sys.argv[0]).resolve().parent)
    if not os.access(config.gids, os.X_OK):
        raise ConfigError(f"gids is not at {config.gids}; set 'gids' in {config_path} to the gids program")
    state = BridgeState(config.state_dir)
    health = Health(config.metrics_file)
    gids = GidsServe(config.serve_command)
    bridge = MatrixBridge(config, state, gids, health)
    loop = asyncio.get_running_loop()
    running = asyncio.current_task()
    assert running is not None
    loop.add_signal_handler(signal.SIGTERM, running.cancel)
    loop.add_signal_handler(signal.SIGINT, running.cancel)
    loop.add_signal_handler(signal.SIGHUP, gids.reload)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGHUP, signal.SIGTERM})
    try:
        await bridge.log_in()
        await gids.start()
        await bridge.run()
    except BridgeStop as stop:
        log.critical("%s", stop)
        return stop.status
    except asyncio.CancelledError:
        log.info("stopping: answers in progress are sent after the next start")
        return 0
    except GidsStopped:
        return 0
    finally:
        notify_systemd("STOPPING=1")
        await gids.stop()
        await bridge.close()
        state.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="gids-matrix", description="Puts gids in a Matrix homeserver's direct messages (see docs/matrix-bridge.md).")
    parser.add_argument("--config", required=True, type=Path, help="the YAML configuration file")
    arguments = parser.parse_args()
    set_up_logging()
    os.umask(0o077)  # the state folder, its database and its keys: readable by the bridge alone
    try:
        return asyncio.run(serve_until_stopped(arguments.config))
    except ConfigError as error:
        log.critical("%s", error)
        return 78
    except (OSError, sqlite3.OperationalError) as error:
        if is_disk_full(error):
            log.critical("the disk holding the state folder is full (%s); nothing was lost: every message not "
                         "yet answered is answered after a start with free space", error)
        else:
            log.critical("cannot write the bridge's state: %s", error)
        return 74
