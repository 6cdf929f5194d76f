"""The ARG tables: ARG's columns and casing quirks, scope, and live state.

Quirks as Microsoft's own queries read them: lower-case `type`; extension rows in PascalCase
(`properties.ExtensionType`, `ProvisioningState`, `Version`, `Statuses[0].Message` in the Flux Grafana
dashboard and the Azure Arc sample queries); fluxConfiguration rows in camelCase (`complianceState`,
`sourceSyncedCommitId` in the GitOps monitoring page).
"""

from __future__ import annotations

import pytest
from emu_helpers import EXT_API, FLUX_API, Arm
from graph_helpers import GRAPH_API, GRAPH_PATH, REPO, SECOND_SUBSCRIPTION, WORLD, in_process, query_rows

from arm_emulator.resourcegraph.service import Service
from arm_emulator.resourcegraph.tables import COLUMNS
from arm_emulator.testing import SUBSCRIPTION_ID

EXTENSIONS = "kubernetesconfigurationresources | where type == 'microsoft.kubernetesconfiguration/extensions'"
FLUX = "kubernetesconfigurationresources | where type == 'microsoft.kubernetesconfiguration/fluxconfigurations'"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return in_process(tmp_path_factory.mktemp("tables"), WORLD), Service()


def rows(world, query, subscriptions=None):
    ctx, service = world
    return query_rows(service, ctx, query, subscriptions)


def test_every_row_has_arg_columns_in_arg_order(world):
    for table in ("resources", "kubernetesconfigurationresources"):
        for row in rows(world, table):
            assert tuple(row) == COLUMNS


def test_cluster_rows_lower_case_type_resource_group_and_location_and_keep_the_id(world):
    [row] = rows(world, "resources | where name == 'arc-monitored'")
    assert row["type"] == "microsoft.kubernetes/connectedclusters"
    assert row["id"].endswith("/resourceGroups/rg-East/providers/Microsoft.Kubernetes/connectedClusters/arc-monitored")
    assert (row["resourceGroup"], row["location"], row["subscriptionId"]) == ("rg-east", "eastus", SUBSCRIPTION_ID)
    assert row["tags"] == {"team": "platform"} and row["identity"]["type"] == "SystemAssigned"
    assert row["properties"]["connectivityStatus"] == "Connected" and row["kind"] == "" and row["managedBy"] == ""


def test_extension_rows_are_pascal_case_but_user_setting_keys_stay_as_written(world):
    by_name = {r["id"].split("/")[8] + "/" + r["name"]: r for r in rows(world, EXTENSIONS)}
    flux = by_name["arc-monitored/flux"]["properties"]
    assert flux["ExtensionType"] == "microsoft.flux" and flux["ProvisioningState"] == "Succeeded"
    assert flux["Version"] == "1.15.1" and flux["Statuses"] == [] and flux["Scope"]["Cluster"]["ReleaseNamespace"]
    assert not any(key[0].islower() for key in flux)
    monitor = by_name["arc-monitored/azuremonitor-containers"]["properties"]
    assert monitor["ConfigurationSettings"] == {"logAnalytics.ID": "x"}
    # An auto-upgrading install has no requested version: ARG's Version is the installed one.
    assert monitor["Version"] and monitor["AutoUpgradeMinorVersion"] is True
    assert by_name["arc-other/flux"]["properties"]["Version"] == "1.14.2"
    assert by_name["arc-other/flux"]["type"] == "microsoft.kubernetesconfiguration/extensions"


def test_flux_configuration_rows_are_camel_case_with_the_agent_report(world):
    by_cluster = {r["id"].split("/")[8]: r for r in rows(world, FLUX)}
    failing = by_cluster["arc-monitored"]["properties"]
    assert failing["complianceState"] == "Non-Compliant"
    assert failing["sourceSyncedCommitId"].startswith("main/")
    assert failing["gitRepository"]["url"] == REPO
    assert [s["complianceState"] for s in failing["statuses"]] == ["Compliant", "Non-Compliant"]
    assert by_cluster["aks-east"]["properties"]["complianceState"] == "Compliant"
    assert by_cluster["aks-east"]["type"] == "microsoft.kubernetesconfiguration/fluxconfigurations"


def test_scope_is_the_subscriptions_asked_for(world):
    assert {r["name"] for r in rows(world, "resources", [SECOND_SUBSCRIPTION])} == {"arc-other"}
    assert len(rows(world, "resources", [SUBSCRIPTION_ID])) == 3
    assert len(rows(world, "resources", [SUBSCRIPTION_ID, SECOND_SUBSCRIPTION])) == 4


def test_answers_follow_live_state(tmp_path):
    """A configuration created, then deleted, through ARM shows in (and leaves) ARG at once."""
    from arm_emulator.testing import start_emulator

    with start_emulator(tmp_path / "state", agent_delay=0) as emu:
        arm = Arm(emu)
        cluster = (f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/rg-gitops/providers/Microsoft.Kubernetes/"
                   "connectedClusters/arc-demo/providers/Microsoft.KubernetesConfiguration")

        def flux_rows():
            query = FLUX + " | project id, name, state = tostring(properties.complianceState)"
            answer = arm.call("POST", GRAPH_PATH, GRAPH_API, {"query": query})
            return answer.json()["data"]

        assert flux_rows() == []
        body = {"properties": {"namespace": "live", "sourceKind": "GitRepository",
                               "gitRepository": {"url": REPO, "repositoryRef": {"branch": "main"}},
                               "kustomizations": {"base": {"path": "./"}}}}
        assert arm.put(f"{cluster}/fluxConfigurations/live", FLUX_API, body).status_code in (200, 201)
        arm.wait(f"{cluster}/fluxConfigurations/live", FLUX_API,
                 lambda b: b.get("properties", {}).get("complianceState") == "Compliant")
        assert [(r["name"], r["state"]) for r in flux_rows()] == [("live", "Compliant")]
        arm.delete(f"{cluster}/fluxConfigurations/live", FLUX_API)
        arm.wait(f"{cluster}/fluxConfigurations/live", FLUX_API, lambda b: "error" in b)
        assert flux_rows() == []
        assert arm.get(f"{cluster}/extensions/flux", EXT_API).status_code == 200  # installed with the config


def test_statuses_expand_with_mv_expand(world):
    """The failing Kustomization of each configuration, as a rollout view finds it."""
    query = (FLUX + " | mv-expand status = properties.statuses"
             " | where tostring(status.complianceState) == 'Non-Compliant'"
             " | project id, object = tostring(status.name), reason = tostring(status.statusConditions[0].reason)")
    [row] = rows(world, query)
    assert row["id"].split("/")[8] == "arc-monitored"
    assert (row["object"], row["reason"]) == ("infra-base", "ReconciliationFailed")


def test_flux_v1_configurations_are_rows_too(tmp_path):
    seed = {"subscriptions": [{"id": SUBSCRIPTION_ID, "resourceGroups": [{"name": "rg-v1", "clusters": [
        {"name": "legacy", "type": "connectedClusters", "sourceControlConfigurations": [
            {"name": "old-config", "properties": {"repositoryUrl": REPO, "operatorType": "Flux"}}]}]}]}]}
    ctx = in_process(tmp_path, seed)
    [row] = query_rows(Service(), ctx, "kubernetesconfigurationresources | where type =~ "
                                       "'Microsoft.KubernetesConfiguration/sourceControlConfigurations'")
    assert row["type"] == "microsoft.kubernetesconfiguration/sourcecontrolconfigurations"
    assert row["name"] == "old-config" and row["properties"]["repositoryUrl"] == REPO
    assert row["properties"]["operatorType"] == "Flux"


def test_columns_differing_only_in_case_from_table_columns_keep_their_names_through_a_join(world):
    query = ("resources | project id, ResourceGroup = resourceGroup, Name = name"
             " | join kind=inner (resources | project ResourceGroup = resourceGroup, Type = type) on ResourceGroup"
             " | where Name == 'arc-other' | project id, Name, ResourceGroup, ResourceGroup1, Type")
    [row] = rows(world, query)
    assert list(row) == ["id", "Name", "ResourceGroup", "ResourceGroup1", "Type"]
    assert (row["Name"], row["ResourceGroup"], row["ResourceGroup1"]) == ("arc-other", "rg-other", "rg-other")
