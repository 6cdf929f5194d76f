"""What a fresh interpreter has imported after running some code: start-up checks for handler modules."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Packages a handler module must not import at load time (`az <group> -h` imports every handler module).
HEAVY = ("azure.mgmt", "azure.core", "msrest", "yaml", "ruamel", "cryptography")


def imported_by(code: str) -> list[str]:
    """Every module name in sys.modules after `code` runs in a new interpreter started in the repository root."""
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))\n"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def heavy_imports(*modules: str) -> list[str]:
    """The HEAVY modules that importing `modules` pulls in (an empty list when there are none)."""
    return [name for name in imported_by(f"import {', '.join(modules)}") if name.startswith(HEAVY)]
