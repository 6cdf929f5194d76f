"""k8s-extension update: only what changed is patched; protected settings need confirmation."""

import pytest
from azure.cli.core.azclierror import (
    InvalidArgumentValueError,
    NoTTYError,
    ResourceNotFoundError,
)

from azext_k8s_flux._cluster import CLUSTER_TYPES
from tests.extension.handler_helpers import flux_body, request_of, update

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
    assert "--yes" in raised.value.recommendations[0] and GUID_SECRET not in str(raised.value)
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


