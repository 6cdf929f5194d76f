"""Fixtures of the flux tests that need no emulator: fake clients wired into the client factories."""

from types import SimpleNamespace

import pytest

from tests.flux.fakes import FakeExtensionsClient, FakeSourceControlClient, flux_extension
from tests.harness.fake_cmd import fake_cmd


@pytest.fixture
def cmd():
    return fake_cmd()


@pytest.fixture
def clients(monkeypatch):
    """Fake extension and Flux v1 clients returned by the client factories (microsoft.flux installed)."""
    from azext_k8s_flux import _client_factory

    fakes = SimpleNamespace(
        extensions=FakeExtensionsClient([flux_extension()]),
        source_control=FakeSourceControlClient(),
    )
    monkeypatch.setattr(_client_factory, "cf_extensions", lambda *_: fakes.extensions)
    monkeypatch.setattr(_client_factory, "cf_source_control_configurations", lambda *_: fakes.source_control)
    return fakes
