"""Handing memory the app has freed back to the system.

The break and log-off screens cover every screen: their buffers take megabytes while shown.
Once Qt deletes them, the C library keeps the freed memory for the process to reuse, and the
tray, which runs all day, would hold it until it quits. glibc's `malloc_trim` returns it.
Elsewhere (another C library, another system) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import linecache
import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        trim: Callable[[int], int] = libc.malloc_trim  # glibc only (not musl)
    except (OSError, AttributeError, TypeError):
        return None
    return trim


def can_give_back() -> bool:
    return _malloc_trim() is not None


def give_back_freed_memory() -> None:
    """Drop the module sources Python keeps, and return freed heap memory to the system
    (where the C library can)."""
    # Qt for Python reads the source of every module imported after it (looking for its
    # `__feature__` imports), and linecache keeps those lines for the life of the process:
    # megabytes of text nothing reads again (a traceback reads what it needs anew).
    linecache.clearcache()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
