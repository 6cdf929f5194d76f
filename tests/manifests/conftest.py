"""Fixtures of the check-manifests tests: fixture repositories copied to a temporary folder, and an in-process
CLI that needs no emulator (the command makes no Azure call, so no login is needed)."""

import contextlib
import io
import logging
import shutil
from pathlib import Path

import pytest

from tests.harness.runner import AzResult, InProcessCli

DATA = Path(__file__).resolve().parents[1] / "data" / "manifests"
NAMESPACE = "cluster-config"


@pytest.fixture
def repo(tmp_path):
    """repo("monorepo") -> a writable copy of tests/data/manifests/monorepo."""

    def copy(name):
        target = tmp_path / name
        shutil.copytree(DATA / name, target)
        return target

    return copy


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


@pytest.fixture
def cli_offline(extension_wheel):
    """Run `az ...` in-process with the extension built from this checkout; stdout includes what the handler
    writes itself (--diff)."""

    def run(*args, expect=0):
        printed = io.StringIO()
        # knack sets up its stderr logging only when the root logger has no handler yet (as in a real `az`);
        # pytest's log capture adds one, so it is set aside for the invocation.
        root = logging.getLogger()
        saved = root.handlers[:]
        root.handlers.clear()
        try:
            with contextlib.redirect_stdout(printed):
                result = InProcessCli()(*args, expect=None)
        finally:
            root.handlers[:] = saved
        result = AzResult(result.args, result.exit_code, result.stdout + printed.getvalue(), result.stderr)
        if expect is not None and result.exit_code != expect:
            raise AssertionError(f"expected exit code {expect}, got {result.exit_code}: {result!r}")
        return result

    return run
