"""--auto-upgrade-mode (extensions API 2025-03-01 autoUpgradeMode) and the Marketplace --plan-* options:
golden PUT/PATCH bodies, and the refusals the official k8s-extension makes (before any request)."""

import pytest
from azure.cli.core.azclierror import ArgumentUsageError, MutuallyExclusiveArgumentError

from tests.extension.handler_helpers import create, flux_body, request_of, update

PLAN = {"plan_name": "standard-2026", "plan_product": "edge-cache", "plan_publisher": "fabrikam"}


def test_create_with_a_marketplace_plan_golden(fakes, golden):
    create(fakes, cluster_type="managedClusters", name="cache", extension_type="fabrikam.edgecache", **PLAN)
    assert fakes.extensions.methods() == ["begin_create"]
    body = request_of(fakes.extensions.calls[0])["body"]
    assert body["plan"] == {"name": "standard-2026", "product": "edge-cache", "publisher": "fabrikam"}
    golden("extension/create-marketplace-plan-managedClusters", request_of(fakes.extensions.calls[0]))


@pytest.mark.parametrize("left_out", sorted(PLAN))
def test_a_plan_needs_all_three_parts(fakes, left_out):
    given = {key: value for key, value in PLAN.items() if key != left_out}
    with pytest.raises(ArgumentUsageError) as raised:
        create(fakes, name="cache", extension_type="fabrikam.edgecache", **given)
    missing = "--" + left_out.replace("_", "-")
    assert f"missing: {missing}." in str(raised.value)
    assert fakes.extensions.calls == []


def test_create_pinned_flux_with_upgrade_mode_none_golden(fakes, golden):
    create(fakes, version="1.17.2", auto_upgrade_mode="none")
    body = request_of(fakes.extensions.calls[0])["body"]["properties"]
    assert body["autoUpgradeMode"] == "none" and body["version"] == "1.17.2"
    assert "autoUpgradeMinorVersion" not in body  # the mode supersedes the flag: only one is sent
    golden("extension/create-flux-upgrade-mode-none-connectedClusters", request_of(fakes.extensions.calls[0]))


@pytest.mark.parametrize("mode", ["none", "patch", "compatible"])
def test_create_generic_with_each_upgrade_mode(fakes, mode):
    create(fakes, name="cache", extension_type="fabrikam.edgecache", auto_upgrade_mode=mode)
    properties = request_of(fakes.extensions.calls[0])["body"]["properties"]
    assert properties["autoUpgradeMode"] == mode and "autoUpgradeMinorVersion" not in properties


@pytest.mark.parametrize("flag", [True, False])
@pytest.mark.parametrize("handler", ["create", "update"])
def test_upgrade_mode_and_the_minor_version_flag_are_mutually_exclusive(fakes, flag, handler):
    fakes.extensions.store["flux"] = flux_body()
    call = create if handler == "create" else update
    with pytest.raises(MutuallyExclusiveArgumentError, match="--auto-upgrade-minor-version"):
        call(fakes, auto_upgrade_mode="patch", auto_upgrade_minor_version=flag)
    assert [method for method in fakes.extensions.methods() if method.startswith("begin")] == []


def test_a_pinned_version_with_mode_compatible_is_warned_about(fakes, warnings_log):
    create(fakes, version="1.17.2", auto_upgrade_mode="compatible")
    assert any("past --version 1.17.2" in line for line in warnings_log())


def test_update_upgrade_mode_golden(fakes, golden):
    fakes.extensions.store["flux"] = flux_body(version="1.16.3", autoUpgradeMinorVersion=False)
    update(fakes, auto_upgrade_mode="patch")
    assert fakes.extensions.methods() == ["get", "begin_update"]
    assert request_of(fakes.extensions.calls[1])["body"] == {"properties": {"autoUpgradeMode": "patch"}}
    golden("extension/update-upgrade-mode-patch", request_of(fakes.extensions.calls[1]))


def test_update_to_the_current_upgrade_mode_sends_nothing(fakes, warnings_log):
    fakes.extensions.store["flux"] = flux_body(autoUpgradeMode="Patch")
    update(fakes, auto_upgrade_mode="patch")
    assert fakes.extensions.methods() == ["get"]
    assert any("Nothing to change" in line for line in warnings_log())


def test_update_pins_a_version_with_upgrade_mode_none(fakes):
    fakes.extensions.store["flux"] = flux_body()
    update(fakes, version="1.17.2", auto_upgrade_mode="none")
    assert request_of(fakes.extensions.calls[1])["body"] == {
        "properties": {"autoUpgradeMode": "none", "version": "1.17.2"}
    }
