"""Run a benchmark with the virtualenv that the README's commands create (.venv: az, the SDK, the emulator's
dependencies), whichever `python` started it."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"


def use_project_venv():
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    python = VENV / "bin" / "python"
    if not python.exists():
        raise SystemExit(f"{VENV} does not exist yet: run `make test` (or `make demo`) first, which creates it.")
    os.execv(python, [str(python), *sys.argv])
