"""Fixtures of the Flux v1 tests."""

import pytest


@pytest.fixture
def faults(emulator):
    """The emulator, with every injected fault cleared after the test (even one the test never triggered)."""
    yield emulator
    emulator.clear_faults()
