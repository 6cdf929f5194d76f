"""k8s-extension create against fake SDK groups: golden payloads on every cluster type, refusals before writes."""

import pytest
from azure.cli.core.azclierror import (
    ResourceNotFoundError,
    ValidationError,
)

from azext_k8s_flux._cluster import CLUSTER_TYPES
from tests.extension.fakes import http_error
from tests.extension.handler_helpers import create, request_of

# --- create -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cluster_type", CLUSTER_TYPES)
def test_create_flux_golden_on_every_cluster_type(fakes, golden, cluster_type):
    create(
        fakes,
        cluster_type=cluster_type,
        extension_type="Microsoft.Flux",
        release_train="preview",
        configuration_settings={"multiTenancy.enforce": "False", "source-controller.log-level": "DEBUG"},
    )
    assert fakes.extensions.methods() == ["begin_create"]
    assert len(fakes.v1.calls) == 1  # the Flux v1 pre-check: one LIST
    golden(f"extension/create-flux-{cluster_type}", request_of(fakes.extensions.calls[0]))


@pytest.mark.parametrize("cluster_type", CLUSTER_TYPES)
def test_create_pinned_flux_golden_on_every_cluster_type(fakes, golden, cluster_type):
    create(fakes, cluster_type=cluster_type, version="1.17.2")
    golden(f"extension/create-flux-pinned-{cluster_type}", request_of(fakes.extensions.calls[0]))


def test_create_generic_golden(fakes, golden):
    create(
        fakes, name="monitor", extension_type="microsoft.azuremonitor.containers", target_namespace="monitoring",
        configuration_settings={"anything": "Maybe"},
    )
    assert fakes.v1.calls == []  # no Flux v1 pre-check for other extension types
    golden("extension/create-generic-connectedClusters", request_of(fakes.extensions.calls[0]))


def test_create_returns_the_extension(fakes):
    result = create(fakes, cluster_type="managedClusters")
    assert result["extensionType"] == "microsoft.flux"
    assert result["identity"] is None  # AKS: no system-assigned identity requested


def test_create_with_protected_settings_switches_body_logging_off(fakes):
    create(fakes, extension_type="vendor.thing", configuration_protected_settings={"token": "s3cr3t"})
    assert fakes.extensions.calls[0][2]["logging_enable"] is False


def test_create_without_protected_settings_keeps_logging(fakes):
    create(fakes)
    assert "logging_enable" not in fakes.extensions.calls[0][2]


def test_create_no_wait_returns_nothing(fakes):
    assert create(fakes, no_wait=True) is None
    assert fakes.extensions.calls[0][2]["polling"] is False


def test_create_flux_is_refused_while_flux_v1_configurations_exist(fakes):
    fakes.v1.names = ["old-config", "legacy"]
    with pytest.raises(ValidationError) as raised:
        create(fakes)
    message = str(raised.value)
    assert "old-config, legacy" in message
    advice = "\n".join(raised.value.recommendations)
    assert "az k8s-configuration delete -g rg1 -c cluster1 -t connectedClusters -n old-config --yes" in advice
    assert "az k8s-configuration delete -g rg1 -c cluster1 -t connectedClusters -n legacy --yes" in advice
    assert fakes.extensions.calls == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {"scope": "namespace"},
        {"release_namespace": "other"},
        {"target_namespace": "team-a"},
        {"configuration_settings": {"multiTenancy.enforce": "maybe"}},
        {"version": "latest"},
    ],
)
def test_bad_flux_input_sends_no_request(fakes, kwargs):
    with pytest.raises(Exception) as raised:
        create(fakes, **kwargs)
    assert type(raised.value).__module__ == "azure.cli.core.azclierror"
    assert fakes.extensions.calls == [] and fakes.v1.calls == []


def test_create_reads_settings_files_with_booleans_as_true_false(fakes, tmp_path):
    path = tmp_path / "flux.yaml"
    path.write_text("multiTenancy.enforce: false\nimage-automation-controller.enabled: True\n")
    create(fakes, configuration_settings_file=str(path), configuration_settings={"useKubeletIdentity": "TRUE"})
    body = fakes.extensions.calls[0][2]["body"]
    assert body["properties"]["configurationSettings"] == {
        "multiTenancy.enforce": "false",
        "image-automation-controller.enabled": "true",
        "useKubeletIdentity": "true",
    }


def test_create_translates_a_missing_cluster(fakes):
    fakes.v1.fail = http_error(404, "ResourceNotFound", "The Resource 'Microsoft.Kubernetes/connectedClusters/x' ...")
    with pytest.raises(ResourceNotFoundError):
        create(fakes)


