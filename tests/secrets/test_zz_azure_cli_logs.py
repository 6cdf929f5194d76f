"""Runs last in this folder (pytest takes files in name order): azure-cli writes a log file per command, with
its errors, under its configuration folder. After every command of these tests, in-process and `az`, ran with
their secrets, none of those files holds any of them."""

import os
from pathlib import Path

from tests.secrets import material as m


def test_azure_cli_log_files_hold_no_secret(az_env):
    root = Path(os.environ["AZURE_CONFIG_DIR"])
    logs = [path for path in (root / "commands").glob("*.log")]
    assert logs
    for path in root.rglob("*"):
        if path.is_file() and path.suffix not in (".pem", ".db"):
            m.assert_no_leak(path.read_text(errors="replace"))
