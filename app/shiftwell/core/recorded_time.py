"""The time the record tells: the wall clock, made safe against clocks set back or forward.

Recorded times never go backwards. When the wall clock is set back, the record runs on at
the monotonic clock's pace (so every length stays true) and keeps the difference until a new
shift follows the wall clock again. A jump forward that the monotonic clock did not see is
the machine waking from sleep.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from shiftwell.core.clock import Clock

# Wall and monotonic clocks drifting apart by more than this between two events means the
# machine slept (forward) or the wall clock was set (either way).
CLOCK_JUMP = 10.0


class RecordedTime:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._last_wall, self._last_mono = clock.now(), clock.monotonic()
        # The latest time recorded: no record is ever stamped before it.
        self.floor = self._last_wall
        # How far recorded time runs ahead of the wall clock.
        self.ahead = timedelta(0)

    def now(self) -> datetime:
        """Now, as the record tells time: the wall clock, plus any set-back made up for."""
        return self._clock.now() + self.ahead

    def stamp(self, when: datetime | None = None) -> datetime:
        """A time to record: `when` (default now), but never before one already recorded."""
        stamped = max(self.now() if when is None else when, self.floor)
        self.floor = stamped
        return stamped

    def at(self, mono: float) -> datetime:
        """The recorded time of monotonic instant `mono`."""
        return self.now() + timedelta(seconds=mono - self._clock.monotonic())

    def follow_wall_clock(self) -> None:
        """A new shift follows the wall clock again, but never starts before the last record."""
        self.ahead = max(timedelta(0), self.floor - self._clock.now())

    def drift(self) -> float:
        """Seconds the wall clock moved beyond the monotonic clock since the last look.

        A small step (a time service's correction) is made up for here, silently; a small
        step forward first takes back what an earlier step back added. A jump of
        `CLOCK_JUMP` or more is left to the caller (`set_back` or a sleep)."""
        now, mono = self._clock.now(), self._clock.monotonic()
        drift = (now - self._last_wall).total_seconds() - (mono - self._last_mono)
        self._last_wall, self._last_mono = now, mono
        if abs(drift) < CLOCK_JUMP:
            self.ahead = max(timedelta(0), self.ahead - timedelta(seconds=drift))
        return drift

    def set_back(self, seconds: float) -> None:
        """The wall clock was set back `seconds`: the record goes on from where it was."""
        self.ahead += timedelta(seconds=seconds)
