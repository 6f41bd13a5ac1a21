"""Memory the app freed goes back to the system when asked (glibc's malloc_trim)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shiftwell.platform.memory import can_give_back, give_back_freed_memory


def rss_kb() -> int:
    found = re.search(r"^VmRSS:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.M)
    assert found is not None
    return int(found.group(1))


def test_freed_heap_memory_goes_back_to_the_system() -> None:
    if not can_give_back():
        pytest.skip("this C library cannot hand freed memory back")
    # 40 MB in blocks the C library allocates itself (over Python's small-object size),
    # with one kept at the end, so the heap cannot simply shrink from its top.
    blocks = [bytes(2000) for _ in range(20_000)]
    kept = blocks[-1]
    del blocks
    before = rss_kb()
    give_back_freed_memory()
    assert before - rss_kb() > 20_000, "less than half of the freed 40 MB went back"
    assert len(kept) == 2000


def test_the_module_sources_python_keeps_are_dropped() -> None:
    import linecache

    import shiftwell.platform.memory as module

    assert linecache.getlines(module.__file__)  # read and kept, as Qt for Python does
    assert module.__file__ in linecache.cache
    give_back_freed_memory()
    assert module.__file__ not in linecache.cache
