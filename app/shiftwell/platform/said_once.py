"""What Shiftwell has told the user once and must not tell again, across restarts: a small
JSON file of names in the data dir. A file that can't be read is started afresh (a hint
said twice is better than a lost setting file); one that can't be written is logged."""

from __future__ import annotations

import json
import logging
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = "said-once.json"


class SaidOnce:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME

    def first_time(self, name: str) -> bool:
        """True the first time `name` is asked about (and from then on, False)."""
        said = self._read()
        if name in said:
            return False
        self._write(sorted({*said, name}))
        return True

    def _read(self) -> set[str]:
        try:
            names = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return set()
        except (OSError, ValueError) as error:
            log.warning("%s can't be read, so it starts afresh: %s", self.path, error)
            return set()
        if not isinstance(names, list):
            log.warning("%s holds no list of names, so it starts afresh", self.path)
            return set()
        return {name for name in names if isinstance(name, str)}

    def _write(self, names: list[str]) -> None:
        partial = self.path.with_name(self.path.name + ".new")
        try:
            partial.write_text(json.dumps(names) + "\n", encoding="utf-8")
            partial.replace(self.path)  # whole or not at all
        except OSError as error:
            log.info("could not remember what was said (%s): %s", self.path, error)
