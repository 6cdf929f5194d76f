"""Microsoft's published Resource Graph queries for Arc/AKS GitOps, run against a known world.

The queries are re-typed here as test data (the portal and Grafana send them as written, including
Windows line ends); each names its source. Expected rows follow from graph_helpers.WORLD.
"""

from __future__ import annotations

import pytest
from graph_helpers import REPO, SECOND_SUBSCRIPTION, WORLD, in_process, query_rows

from arm_emulator.resourcegraph.service import Service
from arm_emulator.testing import SUBSCRIPTION_ID

# MicrosoftDocs/azure-management-docs, articles/azure-arc/includes/azure-arc-enabled-kubernetes.md
# (the Arc-enabled Kubernetes section of "Azure Resource Graph sample queries").
ARC_LIST = ("Resources\n| project id, subscriptionId, location, type, properties.agentVersion, "
            "properties.kubernetesVersion, properties.distribution, properties.infrastructure, "
            "properties.totalNodeCount, properties.totalCoreCount\n"
            "| where type =~ 'Microsoft.Kubernetes/connectedClusters'")
ARC_WITH_MONITOR = ("KubernetesConfigurationResources\n| where type == 'microsoft.kubernetesconfiguration/extensions'\n"
                    "| where properties.ExtensionType  == 'microsoft.azuremonitor.containers'\n"
                    "| parse id with connectedClusterId '/providers/Microsoft.KubernetesConfiguration/Extensions' *\n"
                    "| project connectedClusterId")
ARC_WITHOUT_MONITOR = ("Resources\n| where type =~ 'Microsoft.Kubernetes/connectedClusters' | extend connectedClusterId"
                       " = tolower(id) | project connectedClusterId\n| join kind = leftouter\n"
                       "  (KubernetesConfigurationResources\n"
                       "  | where type == 'microsoft.kubernetesconfiguration/extensions'\n"
                       "  | where properties.ExtensionType  == 'microsoft.azuremonitor.containers'\n"
                       "  | parse tolower(id) with connectedClusterId '/providers/microsoft.kubernetesconfiguration/"
                       "extensions' *\n  | project connectedClusterId\n)  on connectedClusterId\n"
                       "| where connectedClusterId1 == ''\n| project connectedClusterId")
WITH_FLUX = ("resources\n| where type =~ 'Microsoft.Kubernetes/connectedClusters' or type =~ "
             "'Microsoft.ContainerService/managedClusters' | extend clusterId = tolower(id) | project clusterId\n"
             "| join\n( kubernetesconfigurationresources\n"
             "| where type == 'microsoft.kubernetesconfiguration/fluxconfigurations'\n"
             "| parse tolower(id) with clusterId '/providers/microsoft.kubernetesconfiguration/fluxconfigurations' *\n"
             "| project clusterId\n) on clusterId\n| project clusterId")
NON_COMPLIANT = ("kubernetesconfigurationresources\n"
                 "| where type == 'microsoft.kubernetesconfiguration/fluxconfigurations'\n"
                 "| where properties.complianceState == 'Non-Compliant'\n| project id")

# MicrosoftDocs/azure-management-docs, articles/azure-arc/kubernetes/monitor-gitops-flux-2.md (alert queries).
EXTENSION_FAILURES = ("kubernetesconfigurationresources\n"
                      '| where type == "microsoft.kubernetesconfiguration/extensions"\n'
                      "| extend provisioningState = tostring(properties.ProvisioningState)\n"
                      '| where provisioningState == "Failed"\n| summarize count() by provisioningState')
COMPLIANCE_FAILURES = ("kubernetesconfigurationresources\n"
                       '| where type == "microsoft.kubernetesconfiguration/fluxconfigurations"\n'
                       "| extend complianceState=tostring(properties.complianceState)\n"
                       '| where complianceState == "Non-Compliant"\n| summarize count() by complianceState')

# Azure/fluxv2-grafana-dashboards, dashboards/GitOps Flux - Application Deployments Dashboard.json; Grafana
# replaces $ResourceGroups by the quoted names chosen.
_GROUPS = "'rg-east', 'rg-other'"
_CLUSTER_OF_ID = ('| parse id with * "ManagedClusters/" aksClusterName "/" * \r\n'
                  '| parse id with * "ConnectedClusters/" arcClusterName "/" *\r\n'
                  "| extend clusterName = iff(isempty(aksClusterName), arcClusterName, aksClusterName)\r\n"
                  '| extend clusterType = iff(isempty(aksClusterName), "Microsoft.Kubernetes/connectedClusters", '
                  '"Microsoft.ContainerService/managedClusters")\r\n')
GRAFANA_EXTENSIONS = ("kubernetesconfigurationresources\r\n"
                      '| where type == "microsoft.kubernetesconfiguration/extensions"'
                      f"\r\n| extend ResourceGroup=tostring(resourceGroup)\r\n| where ResourceGroup in~ ({_GROUPS})\r\n"
                      '| where properties.ExtensionType =~ "microsoft.flux"\r\n' + _CLUSTER_OF_ID +
                      "| extend provisioningState = tostring(properties.ProvisioningState)\r\n"
                      '| extend statuses = iff(provisioningState == "Failed", properties["Statuses"][0]["Message"], '
                      'iff(provisioningState == "Succeeded", "Successfully installed the extension", '
                      'iff(provisioningState == "Deleting", "Deleting the extension","Creating the extension")))\r\n'
                      "| project SubscriptionID=tostring(subscriptionId), ResourceGroup, ClusterType=clusterType, "
                      "ClusterName=tostring(clusterName), Version=tostring(properties.Version), "
                      "ProvisioningState=provisioningState, StatusMsg =tostring(statuses)")
GRAFANA_CONFIGURATIONS = ("kubernetesconfigurationresources\r\n"
                          '| where type == "microsoft.kubernetesconfiguration/fluxconfigurations"\r\n'
                          "| extend ResourceGroup=tostring(resourceGroup)\r\n"
                          f"| where ResourceGroup in~ ({_GROUPS})\r\n" + _CLUSTER_OF_ID +
                          '| extend url = iff(properties.sourceKind =~ "GitRepository", '
                          'tostring(properties.gitRepository.url), iff(properties.sourceKind =~ "AzureBlob", '
                          "tostring(properties.azureBlob.url), tostring(properties.bucket.url)))\r\n"
                          "| project SubscriptionID=tostring(subscriptionId), ResourceGroup=tostring(resourceGroup), "
                          "ClusterName=tostring(clusterName), ClusterType=clusterType, Configuration=tostring(name), "
                          "SourceKind=tostring(properties.sourceKind), RepositoryURL=url, "
                          "SourceLastSyncCommit=tostring(properties.sourceSyncedCommitId), "
                          "ComplianceState=tostring(properties.complianceState)\r\n"
                          "| order by ResourceGroup, ClusterName")
GRAFANA_EXTENSION_COUNT = ('kubernetesconfigurationresources\r\n| where type == '
                           '"microsoft.kubernetesconfiguration/extensions"\r\n'
                           "| extend ResourceGroup=tostring(resourceGroup)\r\n"
                           f"| where ResourceGroup in~ ({_GROUPS})\r\n"
                           '| where properties.ExtensionType =~ "microsoft.flux"\r\n'
                           "| extend provisioningState = tostring(properties.ProvisioningState)\r\n"
                           "| summarize Count=count() by provisioningState")
GRAFANA_COMPLIANCE_COUNT = ('kubernetesconfigurationresources\r\n| where type == '
                            '"microsoft.kubernetesconfiguration/fluxconfigurations"\r\n'
                            "| extend ResourceGroup=tostring(resourceGroup)\r\n"
                            f"| where ResourceGroup in~ ({_GROUPS})\r\n"
                            '| extend complianceState=iff(isnull(properties.complianceState), "Pending", '
                            "tostring(properties.complianceState))\r\n| summarize Count=count() by complianceState")


def _cluster(name: str, sub: str = SUBSCRIPTION_ID, rg: str = "rg-East", kind: str = "Microsoft.Kubernetes/"
             "connectedClusters") -> str:
    return f"/subscriptions/{sub}/resourceGroups/{rg}/providers/{kind}/{name}"


ARC_MONITORED = _cluster("arc-monitored")
ARC_PLAIN = _cluster("arc-plain")
AKS_EAST = _cluster("aks-east", kind="Microsoft.ContainerService/managedClusters")
ARC_OTHER = _cluster("arc-other", SECOND_SUBSCRIPTION, "rg-other")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    ctx, service = in_process(tmp_path_factory.mktemp("samples"), WORLD), Service()
    return lambda query: query_rows(service, ctx, query)


def test_list_arc_clusters_projects_dotted_properties_as_arg_names_them(run):
    rows = run(ARC_LIST)
    assert sorted(r["id"] for r in rows) == sorted([ARC_MONITORED, ARC_PLAIN, ARC_OTHER])
    assert set(rows[0]) == {"id", "subscriptionId", "location", "type", "properties_agentVersion",
                            "properties_kubernetesVersion", "properties_distribution", "properties_infrastructure",
                            "properties_totalNodeCount", "properties_totalCoreCount"}
    assert all(r["properties_totalNodeCount"] == 3 and r["type"] == "microsoft.kubernetes/connectedclusters"
               for r in rows)


def test_arc_clusters_with_azure_monitor(run):
    assert run(ARC_WITH_MONITOR) == [{"connectedClusterId": ARC_MONITORED}]


def test_arc_clusters_without_azure_monitor(run):
    assert sorted(r["connectedClusterId"] for r in run(ARC_WITHOUT_MONITOR)) == sorted(
        [ARC_PLAIN.lower(), ARC_OTHER.lower()])


def test_clusters_that_contain_a_flux_configuration(run):
    assert sorted(r["clusterId"] for r in run(WITH_FLUX)) == sorted(
        [ARC_MONITORED.lower(), AKS_EAST.lower(), ARC_OTHER.lower()])


def test_flux_configurations_in_a_non_compliant_state(run):
    assert run(NON_COMPLIANT) == [
        {"id": f"{ARC_MONITORED}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/infra"}]


def test_monitoring_page_alert_queries(run):
    assert run(EXTENSION_FAILURES) == [{"provisioningState": "Failed", "count_": 1}]
    assert run(COMPLIANCE_FAILURES) == [{"complianceState": "Non-Compliant", "count_": 1}]


def test_grafana_extension_deployment_state(run):
    rows = {r["ClusterName"]: r for r in run(GRAFANA_EXTENSIONS)}
    assert set(rows) == {"arc-monitored", "arc-plain", "aks-east", "arc-other"}
    assert rows["aks-east"]["ClusterType"] == "Microsoft.ContainerService/managedClusters"
    assert rows["arc-other"] == {"SubscriptionID": SECOND_SUBSCRIPTION, "ResourceGroup": "rg-other",
                                 "ClusterType": "Microsoft.Kubernetes/connectedClusters", "ClusterName": "arc-other",
                                 "Version": "1.14.2", "ProvisioningState": "Succeeded",
                                 "StatusMsg": "Successfully installed the extension"}
    assert rows["arc-plain"]["ProvisioningState"] == "Failed"
    assert "Failed to resolve the extension version" in rows["arc-plain"]["StatusMsg"]


def test_grafana_configuration_compliance_status(run):
    rows = run(GRAFANA_CONFIGURATIONS)
    # Kusto's `order by` is descending unless told otherwise.
    assert [(r["ResourceGroup"], r["ClusterName"], r["Configuration"], r["ComplianceState"]) for r in rows] == [
        ("rg-other", "arc-other", "apps", "Compliant"), ("rg-east", "arc-monitored", "infra", "Non-Compliant"),
        ("rg-east", "aks-east", "infra", "Compliant")]
    assert all(r["RepositoryURL"] == REPO and r["SourceKind"] == "GitRepository" for r in rows)
    assert all(r["SourceLastSyncCommit"].startswith("main/") for r in rows)


def test_grafana_counts_by_state(run):
    assert {r["provisioningState"]: r["Count"] for r in run(GRAFANA_EXTENSION_COUNT)} == {"Succeeded": 3, "Failed": 1}
    assert {r["complianceState"]: r["Count"] for r in run(GRAFANA_COMPLIANCE_COUNT)} == {
        "Compliant": 2, "Non-Compliant": 1}
