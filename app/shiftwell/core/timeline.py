"""Records dated in the future, found at start: the rule that puts them back in time.

A record dated after the moment Shiftwell starts can only have been written while the
computer's clock ran ahead. How far ahead is unknown; at least as far as the latest record
lies in the future. So everything from the first shift that holds such a record onwards
(the "tail") is moved back by that much, all by the same amount, which keeps the order and
every length. The tail never moves back past the record before it: if it would, it moves
as far as it can, and whatever would still lie in the future is brought to the present.
"""

from __future__ import annotations

from datetime import datetime, timedelta


def move_back_by(
    latest: datetime, now: datetime, tail_start: datetime, before_tail: datetime | None
) -> timedelta:
    """How far to move the records from `tail_start` on, the latest of them at `latest`;
    `before_tail` is the latest record before the tail, if any."""
    ahead = latest - now
    if ahead <= timedelta(0):
        return timedelta(0)
    if before_tail is None:
        return ahead
    return max(timedelta(0), min(ahead, tail_start - before_tail))


def restamp(value: datetime, tail_start: datetime, moved: timedelta, now: datetime) -> datetime:
    """A recorded time after the repair: moved back if it is in the tail, and not after now."""
    if value < tail_start:
        return value
    return min(value - moved, now)
