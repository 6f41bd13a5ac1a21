"""Fakes for the platform interfaces."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass
class FakeNotifier:
    name: str = "fake"
    works: bool = True
    sent: list[tuple[str, str]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # the kind of each one sent
    actions: list[list[tuple[str, str]]] = field(default_factory=list)  # each one's buttons
    on_action: Callable[[str], None] | None = None

    def send(
        self,
        title: str,
        body: str,
        timeout_ms: int,
        kind: str = "",
        actions: Sequence[tuple[str, str]] = (),
    ) -> bool:
        if self.works:
            self.sent.append((title, body))
            self.kinds.append(kind)
            self.actions.append(list(actions))
        return self.works

    def listen(self, on_action: Callable[[str], None]) -> None:
        self.on_action = on_action

    def click(self, key: str) -> None:
        """The user clicks a button of the last notification."""
        assert self.on_action is not None, "nobody listens for clicks"
        assert key in dict(self.actions[-1]), f"{key} is not offered"
        self.on_action(key)

    @property
    def titles(self) -> list[str]:
        return [title for title, _ in self.sent]

    def close(self) -> None:
        pass
