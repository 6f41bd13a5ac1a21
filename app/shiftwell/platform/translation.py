"""Shiftwell's translation file, found and loaded with QtCore alone.

The tray installs it into its QApplication (ui/i18n.py); the command line, which has no
application object and must start fast, asks the translator directly (`translate_with`).
A language is a file: `resources/translations/shiftwell_<lang>.qm`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator

from shiftwell.platform.assets import asset

CONTEXT = "shiftwell"
LANG_VARIABLE = "SHIFTWELL_LANG"


def translations_dir() -> Path:
    return asset("translations")


@dataclass(frozen=True)
class Translation:
    """The language chosen for this run, and its translator unless Shiftwell stays English."""

    locale: QLocale
    translator: QTranslator | None
    # Why English although another language was wanted: worth a warning when the user asked
    # for that language, only a note when it is just the system's.
    why_english: str | None = None
    asked: bool = False

    @property
    def language(self) -> str | None:
        """The language used ("es"), or None for English."""
        if self.translator is None:
            return None
        return self.translator.language() or self.locale.name()


def load_translation(locale_name: str | None = None) -> Translation:
    """The translation for `locale_name`, else `$SHIFTWELL_LANG`, else the system's language.

    The translator has no parent: whoever installs it keeps it alive.
    """
    requested = locale_name or os.environ.get(LANG_VARIABLE) or None
    locale = QLocale(requested) if requested else QLocale.system()
    asked = requested is not None
    if locale.language() is QLocale.Language.C and asked:
        why = (
            f"{requested!r} is not a language name (try e.g. 'es' or 'es_MX'); "
            "Shiftwell stays in English"
        )
        return Translation(locale, None, why, asked)
    if locale.language() in (QLocale.Language.C, QLocale.Language.English):
        return Translation(locale, None, asked=asked)
    translator = QTranslator()
    if not translator.load(locale, "shiftwell", "_", str(translations_dir())):
        name = QLocale.languageToString(locale.language())
        why = (
            f"Shiftwell has no {name} translation yet; it stays in English"
            if asked
            else f"no {name} translation for the system language; Shiftwell stays in English"
        )
        return Translation(locale, None, why, asked)
    return Translation(locale, translator, asked=asked)


def translate_with(translator: QTranslator) -> Callable[[str], str]:
    """A function for the core's `_()` hook that needs no QCoreApplication: `translator`'s
    text in the shared context, the English text where it has none."""

    def translate(text: str) -> str:
        return translator.translate(CONTEXT, text) or text

    return translate
