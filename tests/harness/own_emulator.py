"""An emulator of a test module's own, started with its own options, and an `az` logged in to it."""

import os

from arm_emulator.connect import connect_az
from arm_emulator.testing import start_emulator
from tests.harness.runner import az_executable


def own_emulator(tmp_path_factory, name, *extra_args):
    """The running emulator and the environment of an `az` logged in to it (the session's wheel is installed in
    the default extension folder, so the extension's commands are there too)."""
    emulator = start_emulator(tmp_path_factory.mktemp(name) / "emulator", extra_args=extra_args)
    return emulator, {**os.environ, **connect_az(emulator.state_dir, az=az_executable(), env=dict(os.environ))}
