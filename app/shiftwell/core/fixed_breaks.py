"""Breaks at fixed times (the minute a contact centre's planning team sets for each break and
lunch): which plan the engine follows, what is due next, and what a new plan changed today.

The plan is `day_plan`'s, the same one `shiftwell schedule` prints, so what the command
shows is what runs. A fixed break is announced `breaks.announce_fixed` ahead, starts at its
minute, says "back in a minute" a minute before its end and ends on time. A call defers it:
it starts when the call ends and then lasts its full length (the time already taken counts),
never past the shift's end. The engine acts on these steps (core.engine_fixed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING

from shiftwell.core.day_plan import DayPlan, PlanSource, calendar_events_of, day_plan
from shiftwell.core.i18n import _
from shiftwell.core.model import FixedBreakRecord, ShiftRecord
from shiftwell.core.plan import FixedKind, PlanDay, PlannedBreak, iter_breaks
from shiftwell.core.schedule import PlannedShift
from shiftwell.core.settings import BreakMode, Settings

if TYPE_CHECKING:
    from shiftwell.core.calendar_plan import CalendarEvents

# Days planned: from yesterday (a night shift may still run) to two weeks ahead.
_DAYS_BEFORE = 1
_DAYS = 17
# No break after focus time ends less than this before a fixed break ("both" mode).
KEEP_CLEAR = timedelta(minutes=10)
# "Back in a minute": this long before a fixed break ends.
ENDING_NOTICE = timedelta(minutes=1)

Key = tuple[datetime, FixedKind]


def key_of(planned: PlannedBreak) -> Key:
    return planned.start, planned.kind


class Planner:
    """The days the engine follows: the settings' plan, or the calendar's last good copy.
    Made again only when the day, the settings or the calendar change (a calendar is read
    once, not at every timer)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._calendar: CalendarEvents | None = None
        self._fetched_at: datetime | None = None
        self._problem: str | None = None
        self._cached: tuple[date, DayPlan] | None = None

    @property
    def has_calendar(self) -> bool:
        return self._calendar is not None

    def use_settings(self, settings: Settings) -> None:
        self._settings, self._cached = settings, None

    def use_calendar(
        self,
        data: bytes | CalendarEvents | None,
        fetched_at: datetime | None,
        problem: str | None,
    ) -> None:
        # A file is parsed once, on first use, however many days are planned from it.
        events = calendar_events_of(data) if data is not None else None
        self._calendar, self._fetched_at, self._problem = events, fetched_at, problem
        self._cached = None

    def plan(self, now: datetime) -> DayPlan:
        first = now.astimezone(self._settings.schedule.tz).date() - timedelta(days=_DAYS_BEFORE)
        if self._cached is None or self._cached[0] != first:
            try:
                made = day_plan(
                    self._settings, first, _DAYS, self._calendar, self._fetched_at, self._problem
                )
            except (ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
                # A copy the calendar reader trips on must not stop the shift: the settings'
                # days apply, and the plan says why.
                problem = _("The calendar can't be read ({reason}).").format(
                    reason=str(error).splitlines()[0][:120] if str(error) else type(error).__name__
                )
                made = day_plan(self._settings, first, _DAYS, None, None, problem)
            self._cached = (first, made)
        return self._cached[1]

    def calendar_age(self, now: datetime) -> float | None:
        """Seconds since the calendar copy the plan comes from was fetched; None when the
        plan comes from the settings."""
        plan = self.plan(now)
        if plan.source is not PlanSource.CALENDAR or plan.fetched_at is None:
            return None
        return max(0.0, (now - plan.fetched_at).total_seconds())

    def shifts(self, now: datetime) -> list[PlannedShift]:
        return [
            PlannedShift(shift.start, shift.end)
            for day in self.plan(now).days
            for shift in day.shifts
        ]

    def breaks_within(self, now: datetime, start: datetime, end: datetime) -> list[PlannedBreak]:
        """The fixed breaks the engine acts on that start in [start, end) (a shift)."""
        if self._settings.breaks.mode is BreakMode.INTERVAL:
            return []
        return [b for b in iter_breaks(self.plan(now).days) if start <= b.start < end]


@dataclass
class Taking:
    """The fixed break under way, or owed because a call deferred it."""

    planned: PlannedBreak
    actual_start: datetime | None = None
    taken: float = 0.0  # seconds of it taken before a call cut in
    deferred: bool = False  # a call put it off: owed in full, until the shift ends
    segment_id: str | None = None  # its break segment, while it runs
    running_since: datetime | None = None  # when that segment began
    last_end: datetime | None = None  # when it last stopped (a call cut in)
    ending_told: bool = False

    @property
    def running(self) -> bool:
        return self.segment_id is not None

    @property
    def length(self) -> float:
        return (self.planned.end - self.planned.start).total_seconds()


@dataclass
class FixedProgress:
    """One shift's fixed breaks so far."""

    done: set[Key] = field(default_factory=set)  # taken, ended early or missed
    announced: set[Key] = field(default_factory=set)
    current: Taking | None = None
    # The last record of each fixed break this shift, by id: what the log-off screen tells.
    recorded: dict[str, FixedBreakRecord] = field(default_factory=dict)

    def record(self, shift: ShiftRecord, planned: PlannedBreak) -> FixedBreakRecord:
        """The break's record: one id per shift and planned break, so every write of it
        (announced, started, ended) updates the same row."""
        taking = self.current if self.current and self.current.planned == planned else None
        return FixedBreakRecord(
            id=record_id(shift, planned),
            shift_id=shift.id,
            kind=planned.kind,
            title=planned.title,
            planned_start=planned.start,
            planned_end=planned.end,
            actual_start=taking.actual_start if taking else None,
        )


def record_id(shift: ShiftRecord, planned: PlannedBreak) -> str:
    return f"{shift.id}-{planned.start:%Y%m%dT%H%M%S}-{planned.kind.value}"


class Step(StrEnum):
    ANNOUNCE = "announce"
    START = "start"
    DEFER = "defer"  # its minute came during a call
    ENDING = "ending"


@dataclass(frozen=True)
class Due:
    step: Step
    at: datetime
    planned: PlannedBreak


def next_step(
    progress: FixedProgress,
    breaks: list[PlannedBreak],
    now: datetime,
    *,
    announce: timedelta,
    on_call: bool,
    ends_at: datetime | None,
) -> Due | None:
    """The next thing to do about the fixed breaks, and when (maybe already past: do it now).
    Every step it returns changes `progress` once done, so none comes back twice.
    `ends_at`: when the fixed break under way ends."""
    found: list[Due] = []
    current = progress.current
    if current is not None and current.running_since is not None and ends_at is not None:
        told = ends_at - ENDING_NOTICE
        # Only a break that runs for more than the notice says "back in a minute".
        if not current.ending_told and ends_at > now and told > current.running_since:
            found.append(Due(Step.ENDING, told, current.planned))
    if current is not None and not current.running and not on_call:
        # Owed after a call that ended some other way (the machine slept through it).
        found.append(Due(Step.START, now, current.planned))
    for planned in breaks:
        key = key_of(planned)
        if key in progress.done or planned.end <= now:
            continue
        if current is not None and current.planned == planned:
            continue  # under way, or waiting for the call to end
        if announce > timedelta(0) and key not in progress.announced and now < planned.start:
            found.append(Due(Step.ANNOUNCE, planned.start - announce, planned))
        found.append(Due(Step.DEFER if on_call else Step.START, planned.start, planned))
    return min(found, key=lambda due: due.at, default=None)


def ends_at(taking: Taking, started: datetime, shift_end: datetime) -> datetime:
    """When a fixed break starting at `started` ends: at its planned end, or, when a call
    deferred it, after the rest of its length; never after the shift."""
    if taking.deferred:
        end = started + timedelta(seconds=max(0.0, taking.length - taking.taken))
    else:
        end = taking.planned.end
    return min(end, shift_end)


def keep_clear_limit(
    breaks: list[PlannedBreak], progress: FixedProgress, now: datetime
) -> datetime | None:
    """Breaks after focus time must end by then ("both" mode): before the next fixed break,
    with room to spare."""
    ahead = [b.start for b in breaks if key_of(b) not in progress.done and b.end > now]
    return min(ahead) - KEEP_CLEAR if ahead else None


# --- what a new plan changed today --------------------------------------------------------


def plan_changes(old: PlanDay | None, new: PlanDay | None, tz: tzinfo, now: datetime) -> str:
    """One sentence for what changed in today's plan from now on ("Your lunch moved to
    13:00."); empty when nothing did."""
    if old == new:
        return ""
    # A shift under way keeps its times (the engine follows the new ones from the next).
    old_shifts = [(s.start, s.end) for s in old.shifts if s.start > now] if old else []
    new_shifts = [(s.start, s.end) for s in new.shifts if s.start > now] if new else []
    if old_shifts != new_shifts:
        if not new_shifts:
            return _("Today's shift was taken off your schedule.")
        start, end = new_shifts[0]
        return _("Today's shift is now {start}-{end}.").format(
            start=_hm(start, tz), end=_hm(end, tz)
        )
    before = _ahead(old, now)
    after = _ahead(new, now)
    if before == after:
        return ""
    sentences = []
    old_by_kind = _by_kind(before)
    new_by_kind = _by_kind(after)
    for kind in (FixedKind.LUNCH, FixedKind.BREAK):
        was, now_is = old_by_kind.get(kind, []), new_by_kind.get(kind, [])
        if was == now_is:
            continue
        times = ", ".join(_hm(b.start, tz) for b in now_is)
        moved = [b for b in now_is if b not in was]
        if kind is FixedKind.LUNCH:
            if moved and len(was) == len(now_is) == 1:
                sentences.append(_("Your lunch moved to {time}.").format(time=times))
            elif now_is:
                sentences.append(_("Your lunch today: {times}.").format(times=times))
            else:
                sentences.append(_("No lunch on your schedule today any more."))
        elif now_is:
            sentences.append(_("Your breaks today: {times}.").format(times=times))
        else:
            sentences.append(_("No more breaks on your schedule today."))
    return " ".join(sentences)


def today(plan: DayPlan, now: datetime, tz: tzinfo) -> PlanDay | None:
    day = now.astimezone(tz).date()
    return next((d for d in plan.days if d.day == day), None)


def _ahead(day: PlanDay | None, now: datetime) -> list[PlannedBreak]:
    if day is None:
        return []
    return [b for b in iter_breaks([day]) if b.end > now]


def _by_kind(breaks: list[PlannedBreak]) -> dict[FixedKind, list[PlannedBreak]]:
    result: dict[FixedKind, list[PlannedBreak]] = {}
    for item in breaks:
        result.setdefault(item.kind, []).append(item)
    return result


def _hm(moment: datetime, tz: tzinfo) -> str:
    return f"{moment.astimezone(tz):%H:%M}"


@dataclass(frozen=True)
class FixedBreakStatus:
    """The fixed break under way, owed (a call deferred it) or next today, for the shell."""

    kind: FixedKind
    title: str
    planned_start: datetime
    planned_end: datetime
    running: bool = False
    owed: bool = False  # its time came during a call: it starts when the call ends
    actual_start: datetime | None = None

    @property
    def lateness(self) -> timedelta | None:
        """How late it started (actual start minus planned start); None: not started."""
        if self.actual_start is None:
            return None
        return self.actual_start - self.planned_start
