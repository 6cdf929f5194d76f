"""The helpers `az k8s-configuration flux` uses to install microsoft.flux on first use."""

import pytest
from azure.cli.core.azclierror import ValidationError

from azext_k8s_flux import _sdk
from azext_k8s_flux._cluster import CLUSTER_TYPES, cluster_ref
from azext_k8s_flux.operations.flux_extension import (
    check_no_flux_v1,
    find_flux_extension,
    flux_v1_refusal,
    list_flux_v1_configurations,
)
from azext_k8s_flux.payloads.extension import build_flux_extension_install

CLUSTER = cluster_ref("rg1", "cluster1", "connectedClusters")


@pytest.mark.parametrize("cluster_type", CLUSTER_TYPES)
def test_flux_install_body_golden(golden, cluster_type):
    body = _sdk.as_dict(build_flux_extension_install(cluster_ref("rg1", "cluster1", cluster_type)))
    assert body["properties"]["autoUpgradeMinorVersion"] is True
    assert ("identity" in body) == (cluster_type != "managedClusters")
    golden(f"extension/flux-install-{cluster_type}", body)


def test_find_flux_extension_matches_the_type_whatever_the_name(fakes):
    fakes.extensions.store = {
        "monitor": {"name": "monitor", "properties": {"extensionType": "microsoft.azuremonitor.containers"}},
        "gitops": {"name": "gitops", "properties": {"extensionType": "Microsoft.Flux"}},
    }
    assert find_flux_extension(fakes.extensions, CLUSTER).name == "gitops"
    assert fakes.extensions.methods() == ["list"]


def test_find_flux_extension_returns_none_when_absent(fakes):
    assert find_flux_extension(fakes.extensions, CLUSTER) is None


def test_list_flux_v1_configurations_and_refusal(fakes):
    fakes.v1.names = ["a", "b"]
    assert [config.name for config in list_flux_v1_configurations(fakes.cmd.cli_ctx, CLUSTER)] == ["a", "b"]
    with pytest.raises(ValidationError) as raised:
        check_no_flux_v1(fakes.cmd.cli_ctx, CLUSTER)
    command = "  az k8s-configuration delete -g rg1 -c cluster1 -t connectedClusters -n b --yes"
    assert command in raised.value.recommendations
    assert fakes.v1.calls[0] == ("list", CLUSTER.sdk_args())


def test_no_flux_v1_configurations_no_error(fakes):
    check_no_flux_v1(fakes.cmd.cli_ctx, CLUSTER)
    assert fakes.v1.calls == [("list", CLUSTER.sdk_args())]  # it did look, and found none


def test_refusal_text_names_each_configuration():
    message = str(flux_v1_refusal(CLUSTER, ["one"]))
    assert "Flux v1 configurations still exist on connectedClusters 'cluster1'" in message and "one" in message

