"""The command sequences of the official k8s-extension test suites, run against the emulator with the
outcomes they assert:

- the Python scenario test (azext_k8s_extension/tests/latest/test_k8s_extension_scenario.py): a generic
  extension created with --release-train, --version, --configuration-settings, --no-wait and
  --auto-upgrade false; list, show (name, releaseTrain, version, resourceGroup, extensionType), delete
  with --force -y, list again;
- the Pester suites (testing/test/extensions/public/*.Tests.ps1) for extension types that need no
  type-specific code: Flux, Dapr, OpenServiceMesh, AzureDefender, AzurePolicy. They run with
  `core.disable_confirm_prompt=true` (their Bootstrap sets it) and delete with --force without --yes.

Cluster, extension names and versions here are our own."""

import pytest


@pytest.fixture
def pipeline(monkeypatch):
    """The Pester suites' environment: `az config set core.disable_confirm_prompt=true`."""
    monkeypatch.setenv("AZURE_CORE_DISABLE_CONFIRM_PROMPT", "true")


def _types(extensions):
    return [extension["extensionType"] for extension in extensions]


def test_python_scenario_generic_extension_lifecycle(az, new_cluster):
    cluster = new_cluster("connectedClusters")
    created = az(f"k8s-extension create {cluster.args} -n sidecars --extension-type microsoft.dapr "
                 "--release-train stable --version 1.6.0 --configuration-settings skipExistingDaprCheck=true "
                 "--no-wait --auto-upgrade false")
    assert created.stdout.strip() == ""  # --no-wait prints nothing

    assert "microsoft.dapr" in _types(az(f"k8s-extension list {cluster.args}").json)
    shown = az(f"k8s-extension show {cluster.args} -n sidecars").json
    assert (shown["name"], shown["releaseTrain"], shown["version"], shown["resourceGroup"],
            shown["extensionType"]) == ("sidecars", "stable", "1.6.0", cluster.resource_group, "microsoft.dapr")
    assert shown["autoUpgradeMinorVersion"] is False
    assert shown["configurationSettings"] == {"skipExistingDaprCheck": "true"}

    az(f"k8s-extension delete {cluster.args} -n sidecars --force -y")
    assert "microsoft.dapr" not in _types(az(f"k8s-extension list {cluster.args}").json)


@pytest.mark.parametrize("extension_type, name, options, auto_upgrade", [
    ("microsoft.flux", "flux", "", True),
    ("microsoft.dapr", "dapr", "--configuration-settings skipExistingDaprCheck=true", True),
    ("microsoft.openservicemesh", "osm", "--release-train pilot --version 1.2.3 --auto-upgrade false", False),
    ("microsoft.azuredefender.kubernetes", "defender", "", True),
    ("microsoft.policyinsights", "policy", "", True),
])  # fmt: skip
def test_pester_lifecycle(cli, new_cluster, pipeline, extension_type, name, options, auto_upgrade):
    cluster = new_cluster("connectedClusters")
    assert cli(f"k8s-extension create {cluster.args} -n {name} --extension-type {extension_type} {options} "
               "--no-wait").stdout.strip() == ""

    shown = cli(f"k8s-extension show {cluster.args} -n {name}").json
    assert shown["provisioningState"] == "Succeeded"
    assert shown["autoUpgradeMinorVersion"] is auto_upgrade
    assert shown["identity"]["principalId"]  # AzurePolicy: the system-assigned identity of an Arc extension
    assert extension_type in _types(cli(f"k8s-extension list {cluster.args}").json)

    cli(f"k8s-extension delete {cluster.args} -n {name} --force")  # no --yes: the pipeline's setting answers
    gone = cli(f"k8s-extension show {cluster.args} -n {name}", expect=3)
    assert gone.stdout == ""
    after = cli(f"k8s-extension list {cluster.args}")
    assert after.stdout.strip() and extension_type not in _types(after.json)


def test_marketplace_plan_and_upgrade_mode_reach_the_service(az, new_cluster, arm):
    """Not in the official suites (1.8.x options): what is sent is what the service stores and shows."""
    cluster = new_cluster("managedClusters")
    created = az(f"k8s-extension create {cluster.args} -n cache --extension-type fabrikam.edgecache "
                 "--plan-name standard-2026 --plan-product edge-cache --plan-publisher fabrikam "
                 "--version 2.4.1 --auto-upgrade-mode none").json
    assert created["plan"] == {"name": "standard-2026", "product": "edge-cache", "publisher": "fabrikam",
                               "promotionCode": None, "version": None}  # fmt: skip
    assert created["autoUpgradeMode"] == "none" and created["version"] == "2.4.1"

    updated = az(f"k8s-extension update {cluster.args} -n cache --auto-upgrade-mode patch").json
    assert updated["autoUpgradeMode"] == "patch" and updated["version"] == "2.4.1"
    _, body = cluster.get("extensions", "cache")
    assert body["plan"]["publisher"] == "fabrikam" and body["properties"]["autoUpgradeMode"] == "patch"

    refused = az(f"k8s-extension update {cluster.args} -n cache --auto-upgrade-mode none "
                 "--auto-upgrade-minor-version false", expect=None)
    assert refused.exit_code != 0 and "--auto-upgrade-mode" in refused.stderr
    partial = az(f"k8s-extension create {cluster.args} -n cache2 --extension-type fabrikam.edgecache "
                 "--plan-name standard-2026", expect=None)
    assert partial.exit_code != 0 and "missing: --plan-product, --plan-publisher" in partial.stderr
    assert [item["name"] for item in cluster.list("extensions")] == ["cache"]


def test_deprecated_official_spellings_work_end_to_end(az, new_cluster, tmp_path):
    cluster = new_cluster("connectedClusters")
    protected = tmp_path / "protected.json"
    protected.write_text('{"relay.connection": "not-a-real-value"}')
    result = az(f"k8s-extension create {cluster.args} -n relay --extension-type contoso.relay "
                f"--config-settings mode=edge --configuration-protected-settings-file {protected}")
    assert result.json["configurationSettings"] == {"mode": "edge"}
    assert list(result.json["configurationProtectedSettings"]) == ["relay.connection"]
    assert result.stderr.count("has been deprecated") == 2
    assert "not-a-real-value" not in result.output
