"""Builds what the break overlay and the log-off screen show from the engine's status."""

from __future__ import annotations

from shiftwell.core.engine import Status
from shiftwell.core.i18n import marked
from shiftwell.core.model import State, Trigger
from shiftwell.core.plan import FixedKind
from shiftwell.core.settings import Settings, Strictness
from shiftwell.ui import text
from shiftwell.ui.breaks.overlay import BreakView
from shiftwell.ui.i18n import _t
from shiftwell.ui.logoff.logoff_screen import LogoffView

QUICK_REASONS = (
    marked("Escalated customer"),
    marked("Handover"),
    marked("System outage"),
    marked("Queue backlog"),
)


def quick_reasons() -> tuple[str, ...]:
    """The overtime reasons offered as one click, in the user's language."""
    return tuple(_t(reason) for reason in QUICK_REASONS)


def break_view(status: Status, settings: Settings, idea: str) -> BreakView:
    ends = status.segment_ends if status.segment_ends is not None else 0.0
    strict = settings.breaks.strictness is Strictness.STRICT
    title = text.state_name(status.state)
    note = _t("This break is strict: it ends by itself.") if strict else ""
    fixed = status.fixed_break
    if fixed is not None and fixed.running:
        # A break or lunch on the schedule: its own name, and when it ends.
        title = fixed.title
        if fixed.kind is FixedKind.LUNCH:
            idea = _t("Time to eat, away from the screen.")
        back = status.segment.planned_end if status.segment is not None else None
        back_at = _t("Back at {time}.").format(time=text.clock_time(back)) if back else ""
        note = f"{back_at} {note}".strip()
    return BreakView(
        title=title,
        ends_at=ends,
        idea=idea,
        can_skip=Trigger.SKIP in status.allowed_after_wait,
        can_postpone=Trigger.POSTPONE in status.allowed_after_wait,
        postpone_label=_t("Postpone {time} ({count} left)").format(
            time=text.span(settings.breaks.postpone.total_seconds()), count=status.postpones_left
        ),
        skip_available_at=status.skip_available_at,
        note=note,
    )


def logoff_view(status: Status, settings: Settings, *, week_over: bool = False) -> LogoffView:
    left = status.overtime_left
    cap = text.span(settings.overtime.weekly_cap.total_seconds())
    note = (
        _t(
            "Overtime left this week: {left} of {cap}. Every grant is recorded with its reason."
        ).format(left=text.worked(left), cap=cap)
        if left > 0
        else _t("This week's overtime ({cap}) is used up.").format(cap=cap)
    )
    summary = text.summary(status.tally)
    fixed = text.fixed_breaks_line(status.fixed_record)
    if fixed:
        summary = (*summary, fixed)
    return LogoffView(
        headline=_t("Your shift is over — log off"),
        summary=summary,
        can_dismiss=Trigger.DISMISS in status.allowed,
        can_overtime=Trigger.OVERTIME in status.allowed,
        overtime_note=note,
        quick_reasons=quick_reasons(),
        week_over=week_over,
    )


def shows_overlay(state: State) -> bool:
    return state is State.LONG_BREAK
