"""``python -m roster_tui.cli``: the same as the ``roster-tui`` command."""

import sys

from roster_tui.cli import main

sys.exit(main())
