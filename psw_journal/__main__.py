"""``python -m psw_journal``."""

import sys

from psw_journal.app import main

sys.exit(main())
