"""What the real-process tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.dbus import private_bus


@pytest.fixture
def bus() -> Iterator[str]:
    """A session bus of the test's own, with no notification daemon: announcements fall
    back to Shiftwell's pop-up."""
    with private_bus() as address:
        yield address
