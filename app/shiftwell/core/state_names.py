"""The states' names as a person reads them, in the user's language."""

from __future__ import annotations

from shiftwell.core.i18n import _, marked
from shiftwell.core.model import State

# In English, as marked; `state_name` gives them in the user's language.
STATE_NAMES = {
    State.OFF_SHIFT: marked("Off shift"),
    State.FOCUS: marked("Focus"),
    State.BREAK_DUE: marked("Break soon"),
    State.MICRO_BREAK: marked("Micro break"),
    State.LONG_BREAK: marked("Long break"),
    State.PAUSED: marked("Paused"),
    State.AWAY: marked("Away"),
    State.ON_CALL: marked("On a call"),
    State.LOGGED_OFF: marked("Shift over"),
    State.OVERTIME: marked("Overtime"),
}


def state_name(state: State) -> str:
    return _(STATE_NAMES[state])
