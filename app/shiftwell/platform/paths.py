"""Where Shiftwell keeps its data and finds its config.

Order: command-line option, then environment variable, then the platform's user dirs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "shiftwell"
DATA_DIR_ENV = "SHIFTWELL_DATA_DIR"
CONFIG_ENV = "SHIFTWELL_CONFIG"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_file: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "shiftwell.sqlite3"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "shiftwell.log"


def resolve_paths(
    data_dir: str | None = None,
    config: str | None = None,
    environ: Mapping[str, str] = os.environ,
) -> Paths:
    chosen_data = data_dir or environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir(APP_NAME)
    chosen_config = config or environ.get(CONFIG_ENV)
    config_file = (
        Path(chosen_config)
        if chosen_config
        else Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"
    )
    return Paths(Path(chosen_data).expanduser(), config_file.expanduser())
