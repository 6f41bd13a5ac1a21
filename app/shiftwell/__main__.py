# Before anything else loads: a stop signal during start-up must be noted, not raised.
from shiftwell.platform.stop_signals import catch_stop_signals

catch_stop_signals()

from shiftwell.cli import main  # noqa: E402

raise SystemExit(main())
