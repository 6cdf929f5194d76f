"""Fixtures for the emulator tests: a fresh emulator per test (or per module), raw ARM calls and SDK clients."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# arm_emulator is a top-level package of the repository, not an installed one: make it importable
# whether pytest is started as "python -m pytest" (cwd on sys.path) or as plain "pytest".
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from emu_helpers import Arm, StaticToken, sdk_kwargs  # noqa: E402

from arm_emulator.testing import SUBSCRIPTION_ID, RunningEmulator, start_emulator  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "az_login: runs the real az CLI against the emulator (slower)")


@pytest.fixture
def emu(tmp_path) -> RunningEmulator:
    with start_emulator(tmp_path / "state") as emulator:
        yield emulator


@pytest.fixture(scope="module")
def shared_emu(tmp_path_factory) -> RunningEmulator:
    with start_emulator(tmp_path_factory.mktemp("shared") / "state") as emulator:
        yield emulator


@pytest.fixture
def arm(emu) -> Arm:
    return Arm(emu)


@pytest.fixture(scope="module")
def shared_arm(shared_emu) -> Arm:
    return Arm(shared_emu)


@pytest.fixture
def flux_client(emu):
    from azure.mgmt.kubernetesconfiguration.fluxconfigurations import (
        KubernetesConfigurationFluxConfigurationsMgmtClient,
    )

    return KubernetesConfigurationFluxConfigurationsMgmtClient(StaticToken(), SUBSCRIPTION_ID, **sdk_kwargs(emu))


@pytest.fixture
def ext_client(emu):
    from azure.mgmt.kubernetesconfiguration.extensions import KubernetesConfigurationExtensionsMgmtClient

    return KubernetesConfigurationExtensionsMgmtClient(StaticToken(), SUBSCRIPTION_ID, **sdk_kwargs(emu))
