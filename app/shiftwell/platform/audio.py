"""Whether a sound server could be there to play a sound, asked before loading Qt Multimedia.

On Linux, Qt Multimedia plays through PulseAudio (or PipeWire's PulseAudio service); without
one it prints its connection errors on the terminal. Looking for the server's socket first
costs nothing and keeps a desktop without sound quiet.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path


def sound_server_present(env: Mapping[str, str] | None = None) -> bool:
    """False when no sound server socket is found (Linux); elsewhere Qt is left to find out."""
    if not sys.platform.startswith("linux"):
        return True
    env = os.environ if env is None else env
    server = env.get("PULSE_SERVER", "").strip()
    if server:
        # `unix:/path`, a bare path, or a network address (which we cannot check here).
        sockets = [part.removeprefix("unix:") for part in server.split()]
        local = [path for path in sockets if path.startswith("/")]
        return len(local) < len(sockets) or any(Path(path).exists() for path in local)
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if not runtime:
        return False
    return any((Path(runtime) / name).exists() for name in ("pulse/native", "pipewire-0"))
