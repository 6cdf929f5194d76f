"""``python -m arm_emulator``."""

import sys

from .cli import main

sys.exit(main())
