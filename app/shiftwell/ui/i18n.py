"""Shiftwell in the user's language: Qt translators for the shell, a function for the core.

Widgets translate with `self.tr()` (the class is the context). Plain functions, tables and the
core share one context, `shiftwell`: `_t("…")` here, `_("…")` in the core. Install the
translation before the shell builds its windows; they do not retranslate themselves.
A language is a file: `resources/translations/shiftwell_<lang>.qm` (see update.sh there).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from shiftwell.core import i18n as core_i18n
from shiftwell.platform.assets import asset

log = logging.getLogger(__name__)

CONTEXT = "shiftwell"
LANG_VARIABLE = "SHIFTWELL_LANG"
# Object names of the translators this module installs (found again as the app's children).
_OWN = "shiftwell-translation"
_QT = "shiftwell-qt-translation"


def translations_dir() -> Path:
    return asset("translations")


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
    requested = locale_name or os.environ.get(LANG_VARIABLE) or None
    locale = QLocale(requested) if requested else QLocale.system()
    if locale.language() is QLocale.Language.C and requested:
        log.warning(
            "%r is not a language name (try e.g. 'es' or 'es_MX'); Shiftwell stays in English",
            requested,
        )
        return None
    if locale.language() in (QLocale.Language.C, QLocale.Language.English):
        return None
    own = QTranslator(app)
    own.setObjectName(_OWN)
    if not own.load(locale, "shiftwell", "_", str(translations_dir())):
        own.deleteLater()
        name = QLocale.languageToString(locale.language())
        if requested:
            log.warning("Shiftwell has no %s translation yet; it stays in English", name)
        else:
            log.info("no %s translation for the system language; Shiftwell stays in English", name)
        return None
    QCoreApplication.installTranslator(own)
    qt = QTranslator(app)
    qt.setObjectName(_QT)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(locale, "qtbase", "_", qt_dir):
        QCoreApplication.installTranslator(qt)
    else:
        qt.deleteLater()
    core_i18n.install(_t)
    language = own.language() or locale.name()
    log.info("Shiftwell speaks %s", language)
    return language


def remove_translation(app: QCoreApplication) -> None:
    """Back to English: remove the translators `install_translation` added."""
    core_i18n.install(None)
    for translator in app.findChildren(QTranslator):
        if translator.objectName() in (_OWN, _QT):
            QCoreApplication.removeTranslator(translator)
            translator.setParent(None)
            translator.deleteLater()
