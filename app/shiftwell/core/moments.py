"""When Shiftwell speaks up on its own, beyond the engine's transitions: the weekly review
after the week's last shift, and the news of a break that follows a call."""

from __future__ import annotations

from shiftwell.core.model import NoticeKind, State, Transition, Trigger


class ReviewTiming:
    """The weekly review opens by itself once the week's last shift is over — but never over
    the log-off screen: there it is offered, and it opens when that screen closes (unless
    the user already opened it from there). Overtime keeps it for the real end."""

    def __init__(self) -> None:
        self.week_over = False  # the log-off screen shows the week's last shift's end
        self._seen = False

    def open_now(self, transition: Transition, *, enabled: bool) -> bool:
        """Whether the review opens because of this transition."""
        notice = transition.notice
        if enabled and notice is not None and notice.kind is NoticeKind.WEEK_OVER:
            if transition.target is State.LOGGED_OFF:
                self.week_over, self._seen = True, False
                return False
            return True  # the last shift ended by hand: no log-off screen to wait for
        if transition.source is State.LOGGED_OFF and transition.target not in (
            State.LOGGED_OFF,
            State.OVERTIME,
        ):
            week_over, seen = self.week_over, self._seen
            self.week_over = self._seen = False
            return week_over and not seen
        return False

    def opened_by_user(self) -> None:
        self._seen = True


def break_after_call(
    transition: Transition, next_break_at: float | None, monotonic: float, grace: float
) -> float | None:
    """Seconds until the break that waited for the call just ended, when it comes within
    the grace after the call (it fell due during it); None otherwise."""
    if transition.trigger is not Trigger.CALL_END or next_break_at is None:
        return None
    left = next_break_at - monotonic
    return left if left <= grace + 1 else None
