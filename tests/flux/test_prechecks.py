"""flux create's pre-checks: cluster exists, Flux v1 blocks, microsoft.flux installed on first use."""

import pytest
from azure.cli.core.azclierror import AzureResponseError, ResourceNotFoundError, ValidationError

from azext_k8s_flux.operations.flux import flux_create
from tests.flux.cases import arguments
from tests.flux.fakes import FakeExtensionsClient, FakeFluxClient, flux_extension, http_error, wire

GIT = dict(url="https://github.com/org/repo", branch="main")


def request_log(clients, flux):
    return [("extensions",) + c[:1] for c in clients.extensions.calls] + [
        ("sourceControl",) + c[:1] for c in clients.source_control.calls] + [("flux",) + c[:1] for c in flux.calls]


def test_installed_extension_costs_one_list(cmd, clients):
    flux = FakeFluxClient()
    flux_create(cmd, flux, **arguments(**GIT))
    assert request_log(clients, flux) == [("extensions", "LIST"), ("flux", "PUT")]


@pytest.mark.parametrize("cluster_type", ["managedClusters", "connectedClusters"])
def test_missing_extension_is_installed_first(cluster_type, cmd, clients, caplog, golden):
    clients.extensions.extensions = [{"name": "other", "properties": {"extensionType": "microsoft.azuremonitor"}}]
    flux = FakeFluxClient()
    flux_create(cmd, flux, **arguments(**GIT, cluster_type=cluster_type))
    assert sorted(request_log(clients, flux)) == sorted([("extensions", "LIST"), ("sourceControl", "LIST"),
                                                         ("extensions", "PUT"), ("flux", "PUT")])  # fmt: skip
    (_, args, _), = [c for c in clients.extensions.calls if c[0] == "PUT"]
    assert args[-2] == "flux"
    golden(f"flux/install-extension-{cluster_type}", wire(args[-1]))
    assert "microsoft.flux) is not installed" in caplog.text


def test_flux_v1_configurations_block_creation(cmd, clients):
    clients.extensions.extensions = []
    clients.source_control.names = ["old-config", "legacy"]
    flux = FakeFluxClient()
    with pytest.raises(ValidationError) as raised:
        flux_create(cmd, flux, **arguments(**GIT))
    text = str(raised.value)
    assert "old-config, legacy" in text
    advice = "\n".join(raised.value.recommendations)
    assert "az k8s-configuration delete -g rg1 -c cluster1 -t connectedClusters -n legacy --yes" in advice
    assert [c[0] for c in clients.extensions.calls] == ["LIST"] and flux.calls == []


def test_failed_install_leaves_no_configuration(cmd, clients):
    clients.extensions.extensions = []
    clients.extensions.install_error = http_error(200, "ExtensionOperationFailed", "Helm installation failed")
    flux = FakeFluxClient()
    with pytest.raises(AzureResponseError) as raised:
        flux_create(cmd, flux, **arguments(**GIT))
    assert "Helm installation failed" in str(raised.value)
    assert "No Flux configuration was created" in str(raised.value)
    assert flux.calls == []


@pytest.mark.parametrize("state,fragment", [("Failed", "is in state Failed: chart failed"),
                                            ("Creating", "is still Creating")])  # fmt: skip
def test_unhealthy_extension_is_reported(state, fragment, cmd, clients, monkeypatch):
    from azext_k8s_flux.operations import flux_extension as helpers

    monkeypatch.setattr(helpers, "INSTALL_WAIT_SECONDS", 0)  # an install that outlasts the wait
    extension = flux_extension(state)
    extension["properties"]["errorInfo"] = {"code": "InstallFailed", "message": "chart failed"}
    clients.extensions.extensions = [extension]
    flux = FakeFluxClient()
    with pytest.raises(ValidationError, match=fragment):
        flux_create(cmd, flux, **arguments(**GIT))
    assert flux.calls == []


def test_missing_cluster_is_named(cmd, clients, monkeypatch):
    from azext_k8s_flux import _client_factory

    message = ("The Resource 'Microsoft.ContainerService/managedClusters/cluster1' under resource group 'rg1' "
               "was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix")  # fmt: skip
    extensions = FakeExtensionsClient(error=http_error(404, "ResourceNotFound", message))
    monkeypatch.setattr(_client_factory, "cf_extensions", lambda *_: extensions)
    flux = FakeFluxClient()
    with pytest.raises(ResourceNotFoundError, match="Cluster managedClusters 'cluster1' in resource group 'rg1' was"):
        flux_create(cmd, flux, **arguments(**GIT, cluster_type="managedClusters"))
    assert flux.calls == []
