"""Test harness shared by every suite.

- `emulator`: a freshly started local ARM emulator (session scope, its own port and state dir);
- `az`: real `az` subprocesses with the freshly built extension wheel installed, logged in to it;
- `cli`: the same commands in-process through azure-cli-core's DummyCli (fast, same code path);
- `arm`: direct ARM calls to the emulator for arranging state and reading its request log;
- `faults`: the emulator, with every fault a test injects cleared afterwards;
- `new_cluster`: a fresh cluster per test, so tests never share state;
- `unregistered`: Microsoft.KubernetesConfiguration unregistered for one test;
- `golden`: JSON golden files under tests/data/golden (`--update-goldens` rewrites them);
- `recording`: vcrpy cassettes under tests/recordings (`--record` re-records them), scrubbed.
"""

import atexit
import gc
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # arm_emulator is a top-level package of this repository, never installed

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="k8s-flux-tests-"))
EMULATOR_STATE_DIR = _SESSION_DIR / "emulator"

# azure-cli-core reads these when it is first imported: point them at private folders first, so that
# neither the in-process CLI nor the `az` subprocesses ever touch the user's ~/.azure.
os.environ.update(
    {
        "AZURE_CONFIG_DIR": str(EMULATOR_STATE_DIR / "azure-config"),
        "AZURE_EXTENSION_DIR": str(_SESSION_DIR / "extensions"),
        "AZURE_CORE_COLLECT_TELEMETRY": "no",
        "AZURE_CORE_INSTANCE_DISCOVERY": "false",
        "AZURE_CORE_NO_COLOR": "true",
        "AZURE_CORE_ONLY_SHOW_ERRORS": "false",
        "AZURE_CORE_SURVEY_MESSAGE": "false",
        "AZURE_CORE_DISABLE_CONFIRM_PROMPT": "false",
    }
)

pytest_plugins = ["tests.harness.fixtures"]

# In-process commands register gc.freeze at exit (azext_k8s_flux._process_exit: a faster exit for az). atexit runs
# handlers last-registered-first, so this one runs after it: the test process keeps its final collection, and
# DuckDB (the in-process Resource Graph engines) is torn down cleanly instead of reporting leaked objects.
atexit.register(gc.unfreeze)


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from the current output")
    parser.addoption("--record", action="store_true", help="re-record vcrpy cassettes against the emulator")

