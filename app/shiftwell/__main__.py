from shiftwell.cli import main

raise SystemExit(main())
