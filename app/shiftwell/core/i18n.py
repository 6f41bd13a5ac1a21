"""Translation for the core's messages without Qt: `_()` returns the text in the user's language.

The core only marks its messages; the shell installs the function that translates them (Qt's
translator, in the shared `shiftwell` context). Until then, and in tests, the English text
comes back unchanged. Values go in with `.format()` after translation, so the marked text is
constant and the extractor sees it: `_("Give it {seconds} s first.").format(seconds=3)`.
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str], str]


def _unchanged(text: str) -> str:
    return text


_translate: Translate = _unchanged


def install(translate: Translate | None) -> None:
    """Translate every later `_()` with `translate`; None goes back to English."""
    global _translate
    _translate = translate or _unchanged


def _(text: str) -> str:
    return _translate(text)


def marked(text: str) -> str:
    """Marks `text` for the extractor where a table defines it at import time, before any
    translation is installed; the code that shows it translates it then, with `_()`."""
    return text
