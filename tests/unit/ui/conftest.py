from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.shell import Harness, make_harness


@pytest.fixture
def harness_factory(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., Harness]]:
    """Builds shells on a tmp database; every one is closed after the test."""
    made: list[Harness] = []

    def build(**kwargs: Any) -> Harness:
        harness = make_harness(tmp_path, **kwargs)
        made.append(harness)
        return harness

    yield build
    for harness in made:
        harness.shell.close()


@pytest.fixture
def harness(harness_factory: Callable[..., Harness]) -> Harness:
    return harness_factory()
