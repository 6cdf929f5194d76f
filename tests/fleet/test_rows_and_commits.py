"""Resource Graph rows into fleet rows (both casings ARG uses), and commits as Flux reports them."""

import pytest
from azure.cli.core.azclierror import InvalidArgumentValueError

from azext_k8s_flux.fleet.commits import matches, parse_commit
from azext_k8s_flux.fleet.rows import cluster_of, configuration_row, extension_row

CLUSTER = "/subscriptions/0000/resourceGroups/rg-east/providers/Microsoft.Kubernetes/connectedClusters/edge-7"
SHA = "4f1bdad0c1e2a3b4c5d6e7f8091a2b3c4d5e6f70"


def _flux(properties, name="cluster-config"):
    return {"id": f"{CLUSTER}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/{name}", "name": name,
            "resourceGroup": "rg-east", "subscriptionId": "0000", "properties": properties}


def test_cluster_is_read_from_the_configuration_id():
    assert cluster_of(_flux({})["id"]) == (CLUSTER, "connectedClusters", "edge-7")


def test_failing_configuration_carries_the_failing_objects_message():
    row = configuration_row(_flux({
        "complianceState": "Non-Compliant", "provisioningState": "Succeeded", "sourceSyncedCommitId": f"main/{SHA}",
        "statusUpdatedAt": "2026-12-06T06:00:00Z",
        "statuses": [{"kind": "Kustomization", "name": "apps", "complianceState": "Non-Compliant",
                      "statusConditions": [{"type": "Ready", "status": "False", "reason": "BuildFailed",
                                            "message": "kustomization path not found"}]}]}))
    assert row["cluster"] == "edge-7" and row["clusterType"] == "connectedClusters"
    assert row["complianceState"] == "Non-Compliant"
    assert row["message"] == "Kustomization apps failed: kustomization path not found"
    assert row["sourceSyncedCommitId"] == f"main/{SHA}"


def test_configuration_without_a_reported_state_is_pending_and_has_no_message():
    row = configuration_row(_flux({"provisioningState": "Succeeded"}))
    assert (row["complianceState"], row["message"]) == ("Pending", None)


def test_configuration_properties_in_pascal_case_are_read_too():
    row = configuration_row(_flux({"ComplianceState": "Compliant", "SourceSyncedCommitId": f"main/{SHA}"}))
    assert (row["complianceState"], row["sourceSyncedCommitId"]) == ("Compliant", f"main/{SHA}")


@pytest.mark.parametrize("casing", [str, lambda key: key[0].upper() + key[1:]])
def test_extension_row_reads_either_casing(casing):
    properties = {"extensionType": "microsoft.flux", "version": "1.20.4", "provisioningState": "Failed",
                  "statuses": [{"code": "InstallationFailed", "message": "helm install timed out"}]}
    row = extension_row({"id": f"{CLUSTER}/providers/Microsoft.KubernetesConfiguration/extensions/flux",
                         "name": "flux", "location": "westeurope",
                         "properties": {casing(key): value for key, value in properties.items()}})
    assert (row["extensionType"], row["version"], row["provisioningState"]) == ("microsoft.flux", "1.20.4", "Failed")
    assert row["message"] == "helm install timed out"
    assert row["cluster"] == "edge-7" and row["location"] == "westeurope"


def test_properties_given_as_json_text_are_read():
    row = extension_row({"id": CLUSTER + "/providers/Microsoft.KubernetesConfiguration/extensions/flux",
                         "properties": '{"Version": "1.24.1", "ProvisioningState": "Succeeded"}'})
    assert (row["version"], row["message"]) == ("1.24.1", None)


@pytest.mark.parametrize("given, expected", [
    (f"main/{SHA}", ("main", SHA)),
    ("release/2.1/4F1BDAD", ("release/2.1", "4f1bdad")),
    (f"main@sha1:{SHA}", ("main", SHA)),
    ("4f1bdad0", (None, "4f1bdad0")),
])
def test_commits_are_parsed(given, expected):
    assert parse_commit(given) == expected


@pytest.mark.parametrize("given", ["main/", "/4f1bdad", "4f1b", "main/not-a-sha", "", "g" * 40])
def test_malformed_commits_are_refused_with_an_example(given):
    with pytest.raises(InvalidArgumentValueError, match="is not a commit: give a SHA"):
        parse_commit(given)


@pytest.mark.parametrize("reported, commit, expected", [
    (f"main/{SHA}", ("main", SHA), True),
    (f"main/{SHA}", (None, SHA[:8]), True),
    (f"main@sha1:{SHA}", ("main", SHA[:10]), True),
    (f"dev/{SHA}", ("main", SHA), False),
    (f"main/{SHA}", (None, "aaaaaaa"), False),
    (None, (None, SHA), False),
    (SHA, (None, SHA[:7]), True),
])
def test_reported_commits_match_by_branch_and_sha_prefix(reported, commit, expected):
    assert matches(reported, commit) is expected
