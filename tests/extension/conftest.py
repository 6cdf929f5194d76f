"""Fixtures of the extension tests that need no server: fake SDK operation groups behind the real factories."""

import logging
from types import SimpleNamespace

import pytest

from tests.extension.fakes import FakeExtensions, FakeExtensionTypes, FakeLister
from tests.harness.fake_cmd import fake_cmd


@pytest.fixture
def fakes(monkeypatch):
    """Fake extensions client plus fake Flux v1 / Flux v2 listers wired into the client factories."""
    from azext_k8s_flux import _client_factory

    state = SimpleNamespace(extensions=FakeExtensions(), v1=FakeLister(), flux=FakeLister(), cmd=fake_cmd(),
                            types=FakeExtensionTypes())
    monkeypatch.setattr(_client_factory, "cf_source_control_configurations", lambda cli_ctx, *_: state.v1)
    monkeypatch.setattr(_client_factory, "cf_flux_configurations", lambda cli_ctx, *_: state.flux)
    monkeypatch.setattr(_client_factory, "cf_extension_types", lambda cli_ctx, *_: state.types)
    return state


@pytest.fixture
def warnings_log(caplog):
    """The warning messages logged by the extension (knack's `cli.*` loggers)."""
    caplog.set_level(logging.WARNING)
    for name in ("cli", "cli.azext_k8s_flux"):
        logging.getLogger(name).propagate = True

    def messages():
        return [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]

    return messages

