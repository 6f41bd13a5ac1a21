"""What the user may do now: the state's actions, narrowed by strictness and caps."""

from __future__ import annotations

from dataclasses import dataclass, replace

from shiftwell.core.durations import to_setting
from shiftwell.core.i18n import _, marked
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
ALWAYS = frozenset({_T.DEADLINE, _T.IDLE, _T.SETTINGS, _T.CHECK_IN, _T.PLAN})


@dataclass(frozen=True)
class Context:
    state: State
    settings: Settings
    seconds_into_break: float
    postpones: int
    skips_today: int
    overtime_left: float
    fixed_break: bool = False  # the break under way is one at a fixed time


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


def allowed_after_wait(ctx: Context) -> frozenset[Trigger]:
    """What will be allowed once a normal break's skip delay has passed (what the break
    screen offers, counting the delay down); the same as `allowed` otherwise."""
    wait = ctx.settings.breaks.skip_delay.total_seconds()
    return allowed(replace(ctx, seconds_into_break=max(ctx.seconds_into_break, wait)))


def why_not(trigger: Trigger, ctx: Context) -> str:
    """Why `trigger` is not allowed now, in words for the user."""
    if trigger is _T.SKIP and trigger in _BASE[ctx.state]:
        return _why_no_skip(ctx) or _("Can't skip now.")
    if trigger is _T.POSTPONE and trigger in _BASE[ctx.state]:
        return _why_no_postpone(ctx) or _("Can't postpone now.")
    if trigger is _T.PAUSE and ctx.state.in_break:
        return _("Breaks are strict: this one can't be paused.")
    if trigger is _T.DISMISS and ctx.state is State.LOGGED_OFF:
        return _("Log-off is strict: the screen stays until you log off or ask for more time.")
    if trigger is _T.OVERTIME and trigger in _BASE[ctx.state]:
        cap = to_setting(ctx.settings.overtime.weekly_cap)
        return _(
            "This week's overtime ({cap}) is used up: the only choice now is to log off."
        ).format(cap=cap)
    action = _ACTION_WORDS.get(trigger, trigger.value.replace("_", " "))
    return _("Can't {action} while {state}.").format(
        action=_(action), state=_(_STATE_WORDS[ctx.state])
    )


def _waiting(ctx: Context) -> str | None:
    breaks = ctx.settings.breaks
    if not ctx.state.in_break or breaks.strictness is not Strictness.NORMAL:
        return None
    wait = breaks.skip_delay.total_seconds() - ctx.seconds_into_break
    return _("Give it {seconds} s first.").format(seconds=max(1, round(wait))) if wait > 0 else None


def _why_no_skip(ctx: Context) -> str | None:
    breaks = ctx.settings.breaks
    if breaks.strictness is Strictness.STRICT:
        return _("Breaks are strict: this one can't be skipped.")
    if not breaks.allow_skip:
        return _("Skipping breaks is turned off.")
    cap = breaks.max_skips_per_day
    if cap and ctx.skips_today >= cap:
        return _("You have skipped {count} breaks today, the most allowed.").format(
            count=ctx.skips_today
        )
    return _waiting(ctx)


def _why_no_postpone(ctx: Context) -> str | None:
    settings = ctx.settings
    if ctx.fixed_break:
        return _("This break is at a fixed time on your schedule: it can't be postponed.")
    if settings.breaks.strictness is Strictness.STRICT:
        return _("Breaks are strict: this one can't be postponed.")
    if not settings.breaks.allow_postpone:
        return _("Postponing breaks is turned off.")
    if ctx.postpones >= settings.breaks.max_postpones:
        return _("This break was already postponed {count} times; take it now.").format(
            count=ctx.postpones
        )
    return _waiting(ctx)


_STATE_WORDS = {
    State.OFF_SHIFT: marked("off shift"),
    State.FOCUS: marked("focusing"),
    State.BREAK_DUE: marked("a break is due"),
    State.MICRO_BREAK: marked("on a micro break"),
    State.LONG_BREAK: marked("on a long break"),
    State.PAUSED: marked("paused"),
    State.AWAY: marked("away"),
    State.ON_CALL: marked("on a call"),
    State.LOGGED_OFF: marked("logged off"),
    State.OVERTIME: marked("on overtime"),
}
# What the user asked for, as said in "Can't … while …" (the trigger's name, in words).
_ACTION_WORDS = {
    _T.START_SHIFT: marked("start shift"),
    _T.BREAK_NOW: marked("break now"),
    _T.SKIP: marked("skip"),
    _T.POSTPONE: marked("postpone"),
    _T.PAUSE: marked("pause"),
    _T.RESUME: marked("resume"),
    _T.END_SHIFT: marked("end shift"),
    _T.DISMISS: marked("dismiss"),
    _T.OVERTIME: marked("overtime"),
    _T.CALL_START: marked("call start"),
    _T.CALL_END: marked("call end"),
}
