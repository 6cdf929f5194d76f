"""Handlers against fake SDK operation groups: request sequence, golden payloads, refusals before writes."""

import pytest
from azure.cli.core.azclierror import (
    AzureInternalError,
    ForbiddenError,
    InvalidArgumentValueError,
    NoTTYError,
    ResourceNotFoundError,
    ValidationError,
)

from azext_k8s_flux._cluster import CLUSTER_TYPES
from azext_k8s_flux.operations import extension as ops
from tests.extension.fakes import http_error

CLUSTER = {"resource_group_name": "rg1", "cluster_name": "cluster1"}


def flux_body(**properties):
    body = {
        "name": "flux",
        "properties": {
            "extensionType": "microsoft.flux",
            "autoUpgradeMinorVersion": True,
            "releaseTrain": "Stable",
            "scope": {"cluster": {"releaseNamespace": "flux-system"}},
            "configurationSettings": {"multiTenancy.enforce": "false", "helm-controller.detectDrift": "true"},
            "provisioningState": "Succeeded",
        },
    }
    body["properties"].update(properties)
    return body


def request_of(call):
    method, args, options = call
    options = dict(options)
    return {"method": method, "args": list(args), "body": options.pop("body", None), "options": options}


def create(fakes, cluster_type="connectedClusters", name="flux", extension_type="microsoft.flux", **kwargs):
    return ops.extension_create(
        fakes.cmd, fakes.extensions, cluster_type=cluster_type, name=name, extension_type=extension_type,
        **CLUSTER, **kwargs
    )


def update(fakes, cluster_type="connectedClusters", name="flux", **kwargs):
    return ops.extension_update(fakes.cmd, fakes.extensions, cluster_type=cluster_type, name=name, **CLUSTER, **kwargs)


def delete(fakes, cluster_type="connectedClusters", name="flux", **kwargs):
    return ops.extension_delete(fakes.cmd, fakes.extensions, cluster_type=cluster_type, name=name, **CLUSTER, **kwargs)


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
    assert result["properties"]["extensionType"] == "microsoft.flux"
    assert "identity" not in result  # AKS: no system-assigned identity requested


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
    assert "az k8s-configuration delete -g rg1 -c cluster1 -t connectedClusters -n old-config --yes" in message
    assert "az k8s-configuration delete -g rg1 -c cluster1 -t connectedClusters -n legacy --yes" in message
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


# --- update -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cluster_type", CLUSTER_TYPES)
def test_update_flux_golden_on_every_cluster_type(fakes, golden, cluster_type):
    fakes.extensions.store["flux"] = flux_body()
    update(
        fakes,
        cluster_type=cluster_type,
        configuration_settings={
            "multiTenancy.enforce": "FALSE",  # unchanged once canonical: not sent
            "kustomize-controller.resources.limits.memory": "2Gi",
        },
        remove_settings=["helm-controller.detectDrift"],
        version="1.17.2",
    )
    assert fakes.extensions.methods() == ["get", "begin_update"]
    golden(f"extension/update-flux-{cluster_type}", request_of(fakes.extensions.calls[1]))


def test_update_with_nothing_changed_sends_no_patch(fakes, warnings_log):
    fakes.extensions.store["flux"] = flux_body()
    result = update(fakes, configuration_settings={"multiTenancy.enforce": "False"}, release_train="stable")
    assert fakes.extensions.methods() == ["get"]
    assert result["name"] == "flux"
    assert any("Nothing to change" in line for line in warnings_log())


def test_update_auto_upgrade_on_unpins_the_version(fakes):
    fakes.extensions.store["flux"] = flux_body(autoUpgradeMinorVersion=False, version="1.17.2")
    update(fakes, auto_upgrade_minor_version=True)
    assert fakes.extensions.calls[1][2]["body"] == {"properties": {"autoUpgradeMinorVersion": True, "version": None}}


def test_update_release_train_preview_is_sent_canonical(fakes):
    fakes.extensions.store["flux"] = flux_body()
    update(fakes, release_train="PREVIEW")
    assert fakes.extensions.calls[1][2]["body"] == {"properties": {"releaseTrain": "Preview"}}


def test_update_release_train_while_pinned_warns(fakes, warnings_log):
    fakes.extensions.store["flux"] = flux_body(autoUpgradeMinorVersion=False, version="1.17.2")
    update(fakes, release_train="Preview")
    assert any("takes effect only with minor-version auto-upgrade on" in line for line in warnings_log())


def test_update_checks_flux_settings_after_reading_the_type(fakes):
    fakes.extensions.store["flux"] = flux_body()
    with pytest.raises(InvalidArgumentValueError, match="multiTenancy.enforce"):
        update(fakes, configuration_settings={"multiTenancy.enforce": "maybe"})
    assert fakes.extensions.methods() == ["get"]


def test_update_other_types_get_no_flux_rules(fakes):
    fakes.extensions.store["mon"] = {"name": "mon", "properties": {"extensionType": "vendor.thing"}}
    update(fakes, name="mon", configuration_settings={"multiTenancy.enforce": "maybe"}, release_train="pilot")
    assert fakes.extensions.calls[1][2]["body"] == {
        "properties": {"releaseTrain": "pilot", "configurationSettings": {"multiTenancy.enforce": "maybe"}}
    }


def test_update_protected_settings_without_a_terminal_fails_fast_and_names_yes(fakes):
    fakes.extensions.store["flux"] = flux_body()
    with pytest.raises(NoTTYError) as raised:
        update(fakes, configuration_protected_settings={"workloadIdentity.azureClientId": GUID_SECRET})
    assert "--yes" in str(raised.value) and GUID_SECRET not in str(raised.value)
    assert fakes.extensions.methods() == ["get"]


GUID_SECRET = "00000000-1111-2222-3333-444444444444"


def test_update_protected_settings_with_yes_sends_them_without_body_logging(fakes):
    fakes.extensions.store["flux"] = flux_body()
    result = update(fakes, configuration_protected_settings={"workloadIdentity.azureClientId": GUID_SECRET}, yes=True)
    method, _, options = fakes.extensions.calls[1]
    assert method == "begin_update" and options["logging_enable"] is False
    assert options["body"] == {"properties": {"configurationProtectedSettings": {
        "workloadIdentity.azureClientId": GUID_SECRET}}}
    assert GUID_SECRET not in str(result)


def test_update_remove_protected_setting_asks_too(fakes):
    fakes.extensions.store["flux"] = flux_body()
    with pytest.raises(NoTTYError):
        update(fakes, remove_protected_settings=["token"])


def test_update_removing_an_absent_setting_is_warned_and_skipped(fakes, warnings_log):
    fakes.extensions.store["flux"] = flux_body()
    update(fakes, remove_settings=["notThere"])
    assert fakes.extensions.methods() == ["get"]
    assert any("'notThere' is not set" in line for line in warnings_log())


def test_update_of_a_missing_extension_is_not_found(fakes):
    with pytest.raises(ResourceNotFoundError, match="extension 'flux'"):
        update(fakes, configuration_settings={"multiTenancy.enforce": "false"})


def test_update_version_with_auto_upgrade_true_is_refused_before_any_request(fakes):
    with pytest.raises(Exception, match="needs minor-version auto-upgrade off"):
        update(fakes, version="1.17.2", auto_upgrade_minor_version=True)
    assert fakes.extensions.calls == []


# --- delete -------------------------------------------------------------------------------------------------


def test_delete_flux_is_refused_while_flux_configurations_exist(fakes):
    fakes.extensions.store["flux"] = flux_body()
    fakes.flux.names = ["app1", "infra"]
    with pytest.raises(ValidationError) as raised:
        delete(fakes, yes=True)
    message = str(raised.value)
    assert "app1, infra" in message and "--force" in message
    assert "az k8s-configuration flux delete -g rg1 -c cluster1 -t connectedClusters -n app1 --yes" in message
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
    with pytest.raises(NoTTYError, match="--yes"):
        delete(fakes)
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
    assert shown["properties"]["configurationProtectedSettings"] == {"token": ""}
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
