"""The frozen app's entry point: the same `shiftwell` command as the installed one."""

from shiftwell.cli import main

raise SystemExit(main())
