"""The api-versions the official k8s-configuration 2.0.0 pins (fluxConfigurations and extensions 2022-07-01,
sourceControlConfigurations 2022-03-01), driven through the multi-API SDK it vendors: LROs poll to the end
and the models read back what was sent."""

from __future__ import annotations

import pytest
from emu_helpers import StaticToken, sdk_kwargs

from arm_emulator.testing import RESOURCE_GROUP, SUBSCRIPTION_ID, start_emulator

ARC = (RESOURCE_GROUP, "Microsoft.Kubernetes", "connectedClusters", "arc-demo")


def _client(emu, api_version: str):
    from azure.mgmt.kubernetesconfiguration import SourceControlConfigurationClient

    return SourceControlConfigurationClient(StaticToken(), SUBSCRIPTION_ID, api_version=api_version,
                                            **sdk_kwargs(emu))


@pytest.fixture
def v1_emu(tmp_path):
    with start_emulator(tmp_path / "state", extra_args=["--allow-flux-v1-create"]) as emulator:
        yield emulator


def test_flux_configuration_and_extension_at_2022_07_01(emu):
    from azure.mgmt.kubernetesconfiguration.v2022_07_01 import models

    client = _client(emu, "2022-07-01")
    config = models.FluxConfiguration(
        scope="cluster", namespace="web", source_kind="GitRepository",
        git_repository=models.GitRepositoryDefinition(url="https://git.example.com/web.git",
                                                      repository_ref=models.RepositoryRefDefinition(branch="main")),
        kustomizations={"site": models.KustomizationDefinition(path="./site", prune=True)})
    created = client.flux_configurations.begin_create_or_update(*ARC, "web", config).result()
    assert created.provisioning_state == "Succeeded"
    assert created.git_repository.url == "https://git.example.com/web.git"
    assert created.kustomizations["site"].prune is True
    listed = list(client.extensions.list(*ARC))
    assert [e.extension_type for e in listed] == ["microsoft.flux"]  # installed by the first configuration
    client.flux_configurations.begin_delete(*ARC, "web", force_delete=False).result()
    assert list(client.flux_configurations.list(*ARC)) == []


def test_source_control_configuration_at_2022_03_01(v1_emu):
    from azure.mgmt.kubernetesconfiguration.v2022_03_01 import models

    client = _client(v1_emu, "2022-03-01").source_control_configurations
    body = models.SourceControlConfiguration(repository_url="https://git.example.com/ops.git",
                                             operator_namespace="ops", operator_instance_name="ops",
                                             operator_type="Flux", operator_scope="namespace")
    created = client.create_or_update(*ARC, "ops", body)
    assert created.provisioning_state == "Succeeded" and created.operator_scope == "namespace"
    assert client.get(*ARC, "ops").repository_url == "https://git.example.com/ops.git"
    client.begin_delete(*ARC, "ops").result()
    assert list(client.list(*ARC)) == []
