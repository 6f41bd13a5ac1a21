"""A stand-in for the Windows Run key, so the Run-key backend is tested on every system."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FakeRunKey:
    values: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)
