"""A soft chime when a break ends. Silence is fine: no sound device is not an error.

On Linux the sound server's own player plays it in a short-lived process (`pw-play` on
PipeWire, `paplay` on PulseAudio): loading Qt Multimedia into the tray would keep FFmpeg
and Qt Quick in memory all day (+15 MB) for one second of sound. Elsewhere, or without such
a player, Qt Multimedia is imported here, when the chime is first played.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLoggingCategory, QProcess, QUrl

from shiftwell.platform.assets import asset
from shiftwell.platform.audio import sound_server_present

log = logging.getLogger(__name__)

CHIME = ("sounds", "break-end.wav")
VOLUME = 0.6  # the file itself is quiet; this leaves room below the desktop's volume
_EFFECT_NAME = "shiftwellBreakEndChime"
_QUIET_MULTIMEDIA = "\n".join(
    f"qt.multimedia*.{level}=false" for level in ("debug", "info", "warning")
)


def play_break_end() -> bool:
    """Start the break-end chime; False (logged at INFO) when it cannot be played."""
    app = QCoreApplication.instance()
    if app is None:
        log.info("break-end chime not played: no Qt application")
        return False
    if not sound_server_present():
        log.info("break-end chime not played: no sound server")
        return False
    player = sound_server_player()
    if player is not None:
        return _play_with(player)
    # Qt Multimedia's own chatter about its backends is not the user's business; the
    # QT_LOGGING_RULES variable still turns it back on for someone looking into sound.
    QLoggingCategory.setFilterRules(_QUIET_MULTIMEDIA)
    try:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
    except ImportError as error:
        log.info("break-end chime not played: Qt Multimedia is unavailable (%s)", error)
        return False
    if not QMediaDevices.audioOutputs():
        log.info("break-end chime not played: no audio output device")
        return False
    # One effect for the app's life, kept as its child rather than in a module global.
    effect = app.findChild(QSoundEffect, _EFFECT_NAME)
    if effect is None:
        effect = QSoundEffect(app)
        effect.setObjectName(_EFFECT_NAME)
        effect.setVolume(VOLUME)
        effect.statusChanged.connect(lambda: _report(effect))
        effect.setSource(QUrl.fromLocalFile(str(asset(*CHIME))))
    effect.play()
    return True


def sound_server_player(env: dict[str, str] | None = None) -> list[str] | None:
    """The sound server's own player for the chime (Linux), or None to use Qt Multimedia."""
    if not sys.platform.startswith("linux"):
        return None
    env = dict(os.environ) if env is None else env
    path, runtime = env.get("PATH"), env.get("XDG_RUNTIME_DIR", "")
    chime = str(asset(*CHIME))
    pw_play = shutil.which("pw-play", path=path)
    if pw_play and runtime and (Path(runtime) / "pipewire-0").exists():
        return [pw_play, f"--volume={VOLUME}", chime]
    paplay = shutil.which("paplay", path=path)
    if paplay:  # PulseAudio, or PipeWire's PulseAudio service
        return [paplay, f"--volume={round(VOLUME * 65536)}", chime]
    return None


def _play_with(argv: list[str]) -> bool:
    """Starts the player on its own; it ends with the sound. Its messages go nowhere."""
    process = QProcess()
    process.setProgram(argv[0])
    process.setArguments(argv[1:])
    process.setStandardOutputFile(QProcess.nullDevice())
    process.setStandardErrorFile(QProcess.nullDevice())
    started = process.startDetached()
    if not started:
        log.info("break-end chime not played: %s did not start", argv[0])
    return bool(started)


def _report(effect: object) -> None:
    from PySide6.QtMultimedia import QSoundEffect

    if isinstance(effect, QSoundEffect) and effect.status() is QSoundEffect.Status.Error:
        log.info("break-end chime not played: cannot load %s", effect.source().toLocalFile())
