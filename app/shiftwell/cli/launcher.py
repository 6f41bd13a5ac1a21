"""`shiftwell <command> --on-screen`: a command from the desktop's menu or a launcher.

Nobody reads a terminal there, so the running Shiftwell answers on the desktop (a question
in a dialog, a refusal in a notification), and a Shiftwell that is not running is started
first: "Start shift" from the application menu works before the tray has been opened.
"""

from __future__ import annotations

import subprocess
import sys
import time
from typing import Any

from shiftwell.core.i18n import _
from shiftwell.platform.paths import Paths

EXIT_NOT_RUNNING = 3
# A cold start loads Qt and opens the database (maybe migrating it) before it answers.
_START_WAIT_S = 60.0
_RETRY_S = 0.2
_ANSWER_S = 3.0


def send_on_screen(paths: Paths, command: str, request: dict[str, Any]) -> int:
    from shiftwell.platform.instance import InstanceError, NoInstance, send_request, socket_path

    name = socket_path(paths.data_dir)
    started = False
    deadline = time.monotonic() + _START_WAIT_S
    while True:
        try:
            # Once we started it, its first answer may take a while: never sent twice.
            timeout = max(_ANSWER_S, deadline - time.monotonic()) if started else _ANSWER_S
            reply = send_request(name, command, request, timeout, data_dir=paths.data_dir)
            break
        except NoInstance as error:
            if not started:
                started = _start_tray(paths)
            if not started or time.monotonic() > deadline:
                print(f"shiftwell: {error}", file=sys.stderr)
                return EXIT_NOT_RUNNING
            time.sleep(_RETRY_S)  # the tray we started is not listening yet
        except InstanceError as error:
            print(f"shiftwell: {error}", file=sys.stderr)
            return EXIT_NOT_RUNNING
    if not reply.get("ok"):
        refusal = reply.get("error") or _("the running Shiftwell refused the command")
        print(f"shiftwell: {refusal}", file=sys.stderr)
        return 1
    return 0


def _start_tray(paths: Paths) -> bool:
    """Starts the tray on its own (it outlives this command); False if it can't be run."""
    if getattr(sys, "frozen", False):
        argv = [sys.executable, "run"]
    else:
        argv = [sys.executable, "-m", "shiftwell", "run"]
    argv += ["--data-dir", str(paths.data_dir), "--config", str(paths.config_file)]
    try:
        subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as error:
        print(f"shiftwell: {argv[0]}: {error.strerror}", file=sys.stderr)
        return False
    return True
