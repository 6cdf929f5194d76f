"""The seed file's `fleet:` section: many clusters, deterministic for a seed number, with the spread asked for."""

from __future__ import annotations

from collections import Counter

import pytest
from graph_helpers import REPO, in_process, query_rows, write_seed

from arm_emulator.resourcegraph.service import Service
from arm_emulator.seed import SeedError, apply_seed, load_seed_file

SPEC = {"seed": 7, "clusters": 60, "subscriptions": 3, "resourceGroups": 2,
        "clusterTypes": {"connectedClusters": 2, "managedClusters": 1, "provisionedClusters": 1},
        "fluxVersions": {"1.24.1": 3, "1.23.0": 2, "1.20.4": 1},
        "failedExtensions": 4,
        "configurations": [{"name": "infra", "url": REPO, "nonCompliant": 5},
                           {"name": "apps", "count": 3, "url": "https://github.com/contoso/apps", "branch": "release"}]}
FLUX_ROWS = ("kubernetesconfigurationresources | where type == 'microsoft.kubernetesconfiguration/fluxconfigurations' "
             "| project id, name, resourceGroup, subscriptionId, state = tostring(properties.complianceState), "
             "commit = tostring(properties.sourceSyncedCommitId), url = tostring(properties.gitRepository.url)")
EXTENSION_ROWS = ("kubernetesconfigurationresources | where type == 'microsoft.kubernetesconfiguration/extensions' "
                  "| project id, version = tostring(properties.Version), "
                  "state = tostring(properties.ProvisioningState)")
CLUSTER_ROWS = "resources | project id, type, resourceGroup, subscriptionId"


def world(tmp_path, spec=SPEC):
    tmp_path.mkdir(parents=True, exist_ok=True)
    ctx = in_process(tmp_path, {"fleet": spec})
    service = Service()
    return {name: query_rows(service, ctx, q) for name, q in
            (("clusters", CLUSTER_ROWS), ("extensions", EXTENSION_ROWS), ("flux", FLUX_ROWS))}


@pytest.fixture(scope="module")
def fleet(tmp_path_factory):
    return world(tmp_path_factory.mktemp("fleet"))


def test_clusters_spread_over_subscriptions_resource_groups_and_types(fleet):
    clusters = fleet["clusters"]
    assert len(clusters) == 60
    assert Counter(c["subscriptionId"] for c in clusters) == Counter({
        "00000000-0000-4000-8000-000000000001": 20, "00000000-0000-4000-8000-00000000f001": 20,
        "00000000-0000-4000-8000-00000000f002": 20})
    assert {c["resourceGroup"] for c in clusters} == {"fleet-rg-01", "fleet-rg-02"}
    assert {c["type"] for c in clusters} == {"microsoft.kubernetes/connectedclusters",
                                             "microsoft.containerservice/managedclusters",
                                             "microsoft.hybridcontainerservice/provisionedclusters"}


def test_every_cluster_has_flux_at_a_listed_version_and_some_installs_failed(fleet):
    extensions = fleet["extensions"]
    assert len(extensions) == 60
    states = Counter(e["state"] for e in extensions)
    assert states == Counter({"Succeeded": 56, "Failed": 4})
    assert {e["version"] for e in extensions if e["state"] == "Succeeded"} <= {"1.24.1", "1.23.0", "1.20.4"}
    assert len({e["version"] for e in extensions}) > 1


def test_configurations_on_every_working_cluster_synced_to_one_head_per_repository(fleet):
    flux = fleet["flux"]
    assert len(flux) == 56 * 4  # no configuration where microsoft.flux failed to install
    assert Counter(f["name"] for f in flux) == Counter({"infra": 56, "apps-01": 56, "apps-02": 56, "apps-03": 56})
    infra_commits = {f["commit"] for f in flux if f["name"] == "infra"}
    apps_commits = {f["commit"] for f in flux if f["name"] != "infra"}
    assert len(infra_commits) == len(apps_commits) == 1
    assert next(iter(infra_commits)).startswith("main/") and next(iter(apps_commits)).startswith("release/")
    assert Counter((f["name"], f["state"]) for f in flux if f["state"] != "Compliant") == Counter(
        {("infra", "Non-Compliant"): 5})


def test_the_same_seed_number_makes_the_same_fleet_and_another_one_differs(tmp_path, fleet):
    assert world(tmp_path / "again") == fleet
    other = world(tmp_path / "other", {**SPEC, "seed": 8})
    assert other["extensions"] != fleet["extensions"] or other["clusters"] != fleet["clusters"]


def test_a_seed_file_may_hold_only_a_fleet_and_unknown_fields_are_refused(tmp_path):
    path = write_seed(tmp_path, {"fleet": {"clusters": 2}})
    assert load_seed_file(path) == {"fleet": {"clusters": 2}}
    with pytest.raises(SeedError, match="unknown fleet field.*clusterCount"):
        in_process(tmp_path, {"fleet": {"clusterCount": 2}})


def test_a_fleet_beside_hand_written_subscriptions(tmp_path):
    ctx = in_process(tmp_path, {"subscriptions": [{"id": "00000000-0000-4000-8000-0000000000c1"}],
                                "fleet": {"clusters": 3}})
    subscriptions = {r.body["subscriptionId"] for r in ctx.store.children("/subscriptions")}
    assert subscriptions == {"00000000-0000-4000-8000-0000000000c1", "00000000-0000-4000-8000-000000000001"}
    assert not apply_seed(ctx, {"fleet": {"clusters": 3}})  # seeding happens once
