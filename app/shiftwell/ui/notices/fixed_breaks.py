"""What the user is told about breaks at fixed times and the day's plan: the notice ahead,
the break that waits for a call, "back in 1 min", its end, a change to today's schedule."""

from __future__ import annotations

from shiftwell.core.engine import Status
from shiftwell.core.model import NoticeKind, State, Transition, Trigger
from shiftwell.ui import text
from shiftwell.ui.i18n import _t

# Kinds of announcement (a later one of the same kind replaces the one on screen).
BREAK = "break"
PLAN = "plan"


def fixed_break_message(
    transition: Transition, status: Status, *, breaks_on: bool
) -> tuple[str, str, str] | None:
    """(title, body, kind) for a transition about a fixed break or the plan; None for others.
    `breaks_on`: break notifications are wanted (`notifications.breaks`); a change to the
    schedule is told either way."""
    notice = transition.notice
    if notice is not None and notice.kind is NoticeKind.PLAN_CHANGED:
        return (_t("Your schedule changed"), notice.text, PLAN)
    if not breaks_on:
        return None
    upcoming = status.fixed_break  # the one announced, under way or waiting
    if notice is not None and notice.kind is NoticeKind.FIXED_SOON and upcoming is not None:
        title = _t("{name} at {time}").format(
            name=notice.text, time=text.clock_time(upcoming.planned_start)
        )
        body = _t("In {time}. Finish what you are doing.").format(
            time=text.span(notice.seconds_left)
        )
        return (title, body, BREAK)
    if notice is not None and notice.kind is NoticeKind.FIXED_DEFERRED:
        return (
            _t("{name} after your call").format(name=notice.text),
            _t("It starts when your call ends, and you get all of it."),
            BREAK,
        )
    if notice is not None and notice.kind is NoticeKind.FIXED_ENDING:
        return (
            _t("Back in {time}").format(time=text.span(notice.seconds_left)),
            _t("{name} is nearly over.").format(name=notice.text),
            BREAK,
        )
    planned = transition.fixed[0] if transition.fixed else None
    ended = (
        planned is not None
        and planned.actual_end is not None
        and transition.source is State.LONG_BREAK
        and transition.target is not State.LONG_BREAK
        and transition.trigger is Trigger.DEADLINE
    )
    if ended and planned is not None:
        return (_t("{name} is over").format(name=planned.title), _t("Welcome back."), BREAK)
    return None
