"""One D-Bus connection (jeepney), opened when first needed and dropped after a failure, so
the next call simply tries again."""

from __future__ import annotations

from typing import Any

# What jeepney raises when the bus can't be reached or doesn't answer in time
# (StopIteration: an address with nothing connectable in it).
BUS_ERRORS = (OSError, TimeoutError, KeyError, ValueError, StopIteration)


class BusConnection:
    def __init__(self, address: str, timeout: float) -> None:
        self._address = address
        self._timeout = timeout
        self._connection: Any = None

    def call(self, message: Any) -> Any:
        """Send a method call and return the reply (which may be an error message);
        raises one of `BUS_ERRORS` when the bus fails, after dropping the connection."""
        from jeepney.io.blocking import open_dbus_connection

        try:
            if self._connection is None:
                self._connection = open_dbus_connection(self._address, auth_timeout=self._timeout)
            return self._connection.send_and_get_reply(message, timeout=self._timeout)
        except BUS_ERRORS:
            self.close()
            raise

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()
