"""Running az commands, in a subprocess or in-process, with results that tests can assert on."""

import contextlib
import io
import json
import logging
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from arm_emulator.connect import az_working_dir

ROOT = Path(__file__).resolve().parents[2]


def build_wheel(dist):
    """Build the extension wheel from this checkout into `dist`; returns its path."""
    # setuptools copies into build/ without removing modules deleted since the last build: start clean.
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
    )
    return next(Path(dist).glob("k8s_flux-*.whl"))


@dataclass
class AzResult:
    args: list
    exit_code: int
    stdout: str
    stderr: str

    @property
    def json(self):
        return json.loads(self.stdout) if self.stdout.strip() else None

    @property
    def output(self):
        return self.stdout + self.stderr

    def __repr__(self):
        return (
            f"AzResult(args={self.args!r}, exit_code={self.exit_code}, "
            f"stdout={self.stdout!r}, stderr={self.stderr!r})"
        )


def split_args(args):
    if len(args) == 1 and isinstance(args[0], str):
        return shlex.split(args[0])
    return [str(arg) for arg in args]


def _check(result, expect):
    if expect is not None and result.exit_code != expect:
        raise AssertionError(f"expected exit code {expect}, got {result.exit_code}: {result!r}")
    return result


def run_az_subprocess(az_path, env, *args, expect=0, input=None, timeout=300):
    """Run the real `az` command line, as a user or a pipeline would."""
    argv = split_args(args)
    completed = subprocess.run(
        [az_path, *argv],
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=az_working_dir(),
        stdin=None if input is not None else subprocess.DEVNULL,
    )
    return _check(AzResult(argv, completed.returncode, completed.stdout, completed.stderr), expect)


class InProcessCli:
    """azure-cli-core's DummyCli: the same parser, validators and handlers as `az`, without a new process."""

    def __call__(self, *args, expect=0):
        from azure.cli.core.mock import DummyCli

        argv = split_args(args)
        stdout, stderr = io.StringIO(), io.StringIO()
        cli = DummyCli()
        # knack installs its console handlers only when the root logger has none; pytest's log capture
        # puts one there during every test, which would hide the command's errors from `stderr`.
        root = logging.getLogger()
        saved_handlers, root.handlers = list(root.handlers), []
        with contextlib.redirect_stderr(stderr):
            try:
                exit_code = cli.invoke(argv, out_file=stdout)
            except SystemExit as exit_:  # argparse errors exit
                exit_code = exit_.code if isinstance(exit_.code, int) else 1
            finally:
                _release_log_handlers()
                root.handlers = saved_handlers
        return _check(AzResult(argv, exit_code, stdout.getvalue(), stderr.getvalue()), expect)


def _release_log_handlers():
    # Each invocation installs handlers writing to the stderr of that moment; drop them so the next
    # invocation's output is not written into a previous test's buffer.
    for name in ("", "cli", "azure"):
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            if isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler):
                logger.removeHandler(handler)


def az_executable():
    """The `az` of the environment running the tests (the virtualenv's)."""
    import shutil
    import sys

    candidate = os.path.join(os.path.dirname(sys.executable), "az")
    return candidate if os.path.exists(candidate) else shutil.which("az")
