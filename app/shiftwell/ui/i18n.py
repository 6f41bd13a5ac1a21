"""Shiftwell in the user's language: Qt translators for the shell, a function for the core.

Widgets translate with `self.tr()` (the class is the context). Plain functions, tables and the
core share one context, `shiftwell`: `_t("…")` here, `_("…")` in the core. Install the
translation before the shell builds its windows; they do not retranslate themselves.
A language is a file: `resources/translations/shiftwell_<lang>.qm` (see update.sh there).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from shiftwell.core import i18n as core_i18n
from shiftwell.platform.translation import CONTEXT as CONTEXT
from shiftwell.platform.translation import LANG_VARIABLE as LANG_VARIABLE
from shiftwell.platform.translation import load_translation
from shiftwell.platform.translation import translations_dir as translations_dir

log = logging.getLogger(__name__)

# Object names of the translators this module installs (found again as the app's children).
_OWN = "shiftwell-translation"
_QT = "shiftwell-qt-translation"


def _t(text: str) -> str:
    """`text` in the user's language (the shared context); the English text without one."""
    return QCoreApplication.translate(CONTEXT, text)


def _tn(plural: str, singular: str, count: int) -> str:
    """A message with a number in it, `%n`, in the form the language wants for `count`.

    `plural` is the message; `singular` (its English one-form) rides along as the
    disambiguation, so translators see both. Without a translation, English rules apply.
    """
    translated = QCoreApplication.translate(CONTEXT, plural, singular, count)
    if translated != plural.replace("%n", str(count)):
        return translated
    return (singular if count == 1 else plural).replace("%n", str(count))


def install_translation(app: QCoreApplication, locale_name: str | None = None) -> str | None:
    """Translate Shiftwell (and Qt's own dialogs) into `locale_name`, else `$SHIFTWELL_LANG`,
    else the system's language. Returns the language used, or None for English."""
    remove_translation(app)
    chosen = load_translation(locale_name)
    if chosen.why_english:
        (log.warning if chosen.asked else log.info)("%s", chosen.why_english)
    own = chosen.translator
    if own is None:
        return None
    own.setParent(app)
    own.setObjectName(_OWN)
    QCoreApplication.installTranslator(own)
    qt = QTranslator(app)
    qt.setObjectName(_QT)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(chosen.locale, "qtbase", "_", qt_dir):
        QCoreApplication.installTranslator(qt)
    else:
        qt.deleteLater()
    core_i18n.install(_t)
    log.info("Shiftwell speaks %s", chosen.language)
    return chosen.language


def remove_translation(app: QCoreApplication) -> None:
    """Back to English: remove the translators `install_translation` added."""
    core_i18n.install(None)
    for translator in app.findChildren(QTranslator):
        if translator.objectName() in (_OWN, _QT):
            QCoreApplication.removeTranslator(translator)
            translator.setParent(None)
            translator.deleteLater()
