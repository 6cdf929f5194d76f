"""Fixtures of the Flux v1 tests."""

import logging

import pytest


@pytest.fixture
def cli(cli):
    """The harness's in-process CLI, with its error output visible under pytest.

    knack installs its console handlers only when the root logger has none, and pytest's log capture
    puts one there during every test, so errors would never reach the captured stderr.
    """

    def run(*args, **kwargs):
        root = logging.getLogger()
        saved = list(root.handlers)
        root.handlers = []
        try:
            return cli(*args, **kwargs)
        finally:
            root.handlers = saved

    return run


@pytest.fixture
def faults(emulator):
    """The emulator, with every injected fault cleared after the test (even one the test never triggered)."""
    yield emulator
    emulator.clear_faults()
