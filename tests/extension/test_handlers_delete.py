"""k8s-extension delete/show/list: refusals, forceDelete, errors reported as what they are, masked output."""

import pytest
from azure.cli.core.azclierror import (
    AzureInternalError,
    ForbiddenError,
    NoTTYError,
    ResourceNotFoundError,
    ValidationError,
)

from azext_k8s_flux.operations import extension as ops
from tests.extension.fakes import http_error
from tests.extension.handler_helpers import CLUSTER, delete, flux_body

# --- delete -------------------------------------------------------------------------------------------------


def test_delete_flux_is_refused_while_flux_configurations_exist(fakes):
    fakes.extensions.store["flux"] = flux_body()
    fakes.flux.names = ["app1", "infra"]
    with pytest.raises(ValidationError) as raised:
        delete(fakes, yes=True)
    advice = "\n".join(raised.value.recommendations)
    assert "app1, infra" in str(raised.value) and "--force" in advice
    assert "az k8s-configuration flux delete -g rg1 -c cluster1 -t connectedClusters -n app1 --yes" in advice
    assert fakes.extensions.methods() == ["get"]


def test_delete_flux_with_force_sends_force_delete(fakes):
    fakes.extensions.store["flux"] = flux_body()
    fakes.flux.names = ["app1"]
    delete(fakes, yes=True, force=True)
    assert fakes.extensions.calls[-1][0] == "begin_delete"
    assert fakes.extensions.calls[-1][2]["force_delete"] is True
    assert fakes.flux.calls == []


def test_delete_without_force_sends_no_force_delete(fakes):
    fakes.extensions.store["flux"] = flux_body()
    delete(fakes, yes=True)
    assert fakes.extensions.calls[-1][2]["force_delete"] is None
    assert fakes.extensions.methods() == ["get", "begin_delete"]


def test_delete_of_another_type_does_not_look_at_flux_configurations(fakes):
    fakes.extensions.store["mon"] = {"name": "mon", "properties": {"extensionType": "vendor.thing"}}
    fakes.flux.names = ["app1"]
    delete(fakes, name="mon", yes=True)
    assert fakes.flux.calls == [] and fakes.extensions.methods() == ["get", "begin_delete"]


def test_delete_without_yes_and_terminal_fails_fast(fakes):
    fakes.extensions.store["flux"] = flux_body()
    with pytest.raises(NoTTYError) as raised:
        delete(fakes)
    assert "--yes" in raised.value.recommendations[0]
    assert "begin_delete" not in fakes.extensions.methods()


def test_delete_of_a_missing_extension_is_not_found(fakes):
    with pytest.raises(ResourceNotFoundError, match="not found"):
        delete(fakes, yes=True)


@pytest.mark.parametrize(
    "status, error_type",
    [(403, ForbiddenError), (500, AzureInternalError), (503, AzureInternalError), (404, ResourceNotFoundError)],
)
def test_delete_reports_failures_as_what_they_are(fakes, status, error_type):
    fakes.extensions.store["flux"] = flux_body()
    fakes.extensions.fail["begin_delete"] = http_error(status)
    with pytest.raises(error_type):
        delete(fakes, yes=True)


@pytest.mark.parametrize("status, error_type", [(403, ForbiddenError), (500, AzureInternalError)])
def test_delete_reports_a_failed_read_as_what_it_is(fakes, status, error_type):
    fakes.extensions.fail["get"] = http_error(status)
    with pytest.raises(error_type):
        delete(fakes, yes=True)


# --- show / list --------------------------------------------------------------------------------------------


def test_show_and_list_mask_protected_values(fakes):
    fakes.extensions.store["flux"] = flux_body(configurationProtectedSettings={"token": "leaked-by-server"})
    shown = ops.extension_show(fakes.cmd, fakes.extensions, cluster_type="managedClusters", name="flux", **CLUSTER)
    listed = ops.extension_list(fakes.cmd, fakes.extensions, cluster_type="managedClusters", **CLUSTER)
    assert shown["configurationProtectedSettings"] == {"token": ""}
    assert "leaked-by-server" not in str(listed)
    assert fakes.extensions.calls[0][1] == ("rg1", "Microsoft.ContainerService", "managedClusters", "cluster1", "flux")


def test_table_rows(fakes):
    from azext_k8s_flux._format import extension_list_table

    fakes.extensions.store["flux"] = flux_body(currentVersion="1.17.2")
    listed = ops.extension_list(fakes.cmd, fakes.extensions, cluster_type="managedClusters", **CLUSTER)
    assert [dict(row) for row in extension_list_table(listed)] == [
        {
            "Name": "flux",
            "ExtensionType": "microsoft.flux",
            "Version": "1.17.2",
            "ProvisioningState": "Succeeded",
            "ReleaseTrain": "Stable",
            "AutoUpgrade": True,
        }
    ]
