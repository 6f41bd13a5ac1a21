"""What the user may do now: the state's actions, narrowed by strictness and caps."""

from __future__ import annotations

from dataclasses import dataclass

from shiftwell.core.durations import format_duration
from shiftwell.core.model import State, Trigger
from shiftwell.core.settings import Settings, Strictness

_T = Trigger
_IN_BREAK = frozenset({_T.SKIP, _T.POSTPONE, _T.PAUSE, _T.END_SHIFT, _T.CALL_START})
_BASE: dict[State, frozenset[Trigger]] = {
    State.OFF_SHIFT: frozenset({_T.START_SHIFT}),
    State.LOGGED_OFF: frozenset({_T.OVERTIME, _T.DISMISS}),
    State.FOCUS: frozenset({_T.BREAK_NOW, _T.PAUSE, _T.END_SHIFT, _T.CALL_START}),
    State.BREAK_DUE: _IN_BREAK | {_T.BREAK_NOW},
    State.MICRO_BREAK: _IN_BREAK,
    State.LONG_BREAK: _IN_BREAK,
    State.PAUSED: frozenset({_T.RESUME, _T.END_SHIFT, _T.CALL_START}),
    State.AWAY: frozenset({_T.END_SHIFT, _T.CALL_START}),
    State.ON_CALL: frozenset({_T.CALL_END, _T.END_SHIFT}),
    State.OVERTIME: frozenset({_T.END_SHIFT, _T.CALL_START, _T.OVERTIME, _T.PAUSE}),
}
# Events the engine always takes: they come from the clock or the OS, not a menu.
ALWAYS = frozenset({_T.DEADLINE, _T.IDLE, _T.SETTINGS, _T.CHECK_IN})


@dataclass(frozen=True)
class Context:
    state: State
    settings: Settings
    seconds_into_break: float
    postpones: int
    skips_today: int
    overtime_left: float


def allowed(ctx: Context) -> frozenset[Trigger]:
    result = set(_BASE[ctx.state])
    if ctx.state is State.BREAK_DUE or ctx.state.in_break:
        if _why_no_skip(ctx):
            result.discard(_T.SKIP)
        if _why_no_postpone(ctx):
            result.discard(_T.POSTPONE)
        if ctx.state.in_break and ctx.settings.breaks.strictness is Strictness.STRICT:
            result.discard(_T.PAUSE)  # pausing would be a way round a strict break
    if ctx.state is State.LOGGED_OFF and ctx.settings.logoff.strict:
        result.discard(_T.DISMISS)
    if ctx.overtime_left <= 0:
        result.discard(_T.OVERTIME)
    return frozenset(result)


def why_not(trigger: Trigger, ctx: Context) -> str:
    """Why `trigger` is not allowed now, in words for the user."""
    if trigger is _T.SKIP and trigger in _BASE[ctx.state]:
        return _why_no_skip(ctx) or "Can't skip now."
    if trigger is _T.POSTPONE and trigger in _BASE[ctx.state]:
        return _why_no_postpone(ctx) or "Can't postpone now."
    if trigger is _T.PAUSE and ctx.state.in_break:
        return "Breaks are strict: this one can't be paused."
    if trigger is _T.DISMISS and ctx.state is State.LOGGED_OFF:
        return "Log-off is strict: the screen stays until you log off or ask for more time."
    if trigger is _T.OVERTIME and trigger in _BASE[ctx.state]:
        cap = format_duration(ctx.settings.overtime.weekly_cap)
        return f"This week's overtime ({cap}) is used up: the only choice now is to log off."
    action = trigger.value.replace("_", " ")
    return f"Can't {action} while {_STATE_WORDS[ctx.state]}."


def _waiting(ctx: Context) -> str | None:
    breaks = ctx.settings.breaks
    if not ctx.state.in_break or breaks.strictness is not Strictness.NORMAL:
        return None
    wait = breaks.skip_delay.total_seconds() - ctx.seconds_into_break
    return f"Give it {max(1, round(wait))} s first." if wait > 0 else None


def _why_no_skip(ctx: Context) -> str | None:
    breaks = ctx.settings.breaks
    if breaks.strictness is Strictness.STRICT:
        return "Breaks are strict: this one can't be skipped."
    if not breaks.allow_skip:
        return "Skipping breaks is turned off."
    cap = breaks.max_skips_per_day
    if cap and ctx.skips_today >= cap:
        return f"You have skipped {ctx.skips_today} breaks today, the most allowed."
    return _waiting(ctx)


def _why_no_postpone(ctx: Context) -> str | None:
    settings = ctx.settings
    if settings.breaks.strictness is Strictness.STRICT:
        return "Breaks are strict: this one can't be postponed."
    if not settings.breaks.allow_postpone:
        return "Postponing breaks is turned off."
    if ctx.postpones >= settings.postpone_limit:
        return f"This break was already postponed {ctx.postpones} times; take it now."
    return _waiting(ctx)


_STATE_WORDS = {
    State.OFF_SHIFT: "off shift",
    State.FOCUS: "focusing",
    State.BREAK_DUE: "a break is due",
    State.MICRO_BREAK: "on a micro break",
    State.LONG_BREAK: "on a long break",
    State.PAUSED: "paused",
    State.AWAY: "away",
    State.ON_CALL: "on a call",
    State.LOGGED_OFF: "logged off",
    State.OVERTIME: "on overtime",
}
