"""A soft chime when a break ends. Silence is fine: no sound device is not an error.

Qt Multimedia is imported only here, when the chime is first played: it is slow to load and
may be missing (PySide6-Addons) or find no audio service at all.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLoggingCategory, QUrl

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


def _report(effect: object) -> None:
    from PySide6.QtMultimedia import QSoundEffect

    if isinstance(effect, QSoundEffect) and effect.status() is QSoundEffect.Status.Error:
        log.info("break-end chime not played: cannot load %s", effect.source().toLocalFile())
