"""Fixtures of the secret-leak tests: secret files, emulator faults and clusters in awkward states."""

import contextlib

import pytest


@pytest.fixture
def write_files(tmp_path):
    """write_files({"https-key": TEXT}) -> {"https-key": "/tmp/.../https-key"} (one file per option)."""

    def write(contents):
        paths = {}
        for option, text in contents.items():
            path = tmp_path / option
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text)
            paths[option] = str(path)
        return paths

    return write


@pytest.fixture
def fault(emulator):
    """with fault("throttle", method="PUT", path=..., retry_after=0): ... (cleared afterwards)."""

    @contextlib.contextmanager
    def inject(kind, **options):
        emulator.set_fault(kind, **options)
        try:
            yield
        finally:
            emulator.clear_faults()

    return inject


@pytest.fixture(scope="module")
def cluster(arm):
    """One cluster with microsoft.flux installed: each test writes configurations of its own names."""
    from tests.harness.arm import cluster_with_flux

    return cluster_with_flux(arm, "s")
