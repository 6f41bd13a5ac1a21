"""Why the database cannot be used, in one sentence for the user (no SQL library needed)."""

from __future__ import annotations


class DatabaseError(Exception):
    """The database cannot be opened; the message names the file and says why.

    The message is for the user, in their language (the paths in it stay as they are).
    """


class DatabaseTooNew(DatabaseError):
    """A newer Shiftwell wrote the file; it is left untouched."""


class DatabaseLocked(DatabaseError):
    """Another program held the file for longer than we were willing to wait."""


class DatabaseUnavailable(DatabaseError):
    """The file or its folder cannot be read or written by this user."""


class DatabaseUnrecognised(DatabaseError):
    """The file holds tables without a schema version that Shiftwell did not make."""


# By name, for an error reported across a process boundary (the migration's own process).
BY_NAME: dict[str, type[DatabaseError]] = {
    kind.__name__: kind
    for kind in (
        DatabaseError,
        DatabaseTooNew,
        DatabaseLocked,
        DatabaseUnavailable,
        DatabaseUnrecognised,
    )
}
