"""`python -m coach` runs the command line (the app by default)."""

from __future__ import annotations

import sys

from coach.cli import main

sys.exit(main())
