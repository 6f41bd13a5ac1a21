"""Fakes for the platform interfaces."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FakeNotifier:
    name: str = "fake"
    works: bool = True
    sent: list[tuple[str, str]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # the kind of each one sent

    def send(self, title: str, body: str, timeout_ms: int, kind: str = "") -> bool:
        if self.works:
            self.sent.append((title, body))
            self.kinds.append(kind)
        return self.works

    @property
    def titles(self) -> list[str]:
        return [title for title, _ in self.sent]

    def close(self) -> None:
        pass
