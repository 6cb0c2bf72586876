"""`python -m tui` runs the `newsdesk` command."""

from tui.cli import main

raise SystemExit(main())
