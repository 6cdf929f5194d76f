"""A small fleet built through ARM in a resource group of its own, shared by the fleet tests of a module."""

import uuid

import pytest

CLUSTERS = (("connectedClusters", "1.24.1"), ("connectedClusters", "1.22.2"), ("connectedClusters", "1.20.4"),
            ("managedClusters", "1.24.1"), ("managedClusters", None))


def _put(cluster, resource_type, name, body):
    status, response = cluster.put(resource_type, name, body)
    assert status in (200, 201), response
    assert cluster.get(resource_type, name)[0] == 200  # the emulator finishes the operation on a read


def _configuration(path):
    return {"properties": {"scope": "cluster", "namespace": "cluster-config", "sourceKind": "GitRepository",
                           "gitRepository": {"url": "https://github.com/contoso/fleet-e2e",
                                             "repositoryRef": {"branch": "main"}},
                           "kustomizations": {"infra": {"path": path}}}}


@pytest.fixture(scope="module")
def fleet(arm):
    """5 clusters; microsoft.flux at the versions above (none on the last); configuration `name` on the first four,
    the second failing; a second configuration `other` on the first."""
    group, name = f"fleet-{uuid.uuid4().hex[:8]}", f"cfg{uuid.uuid4().hex[:8]}"
    arm.ensure_resource_group(group)
    clusters = [arm.create_cluster(group, kind, name=f"{kind[:3]}{i}-{uuid.uuid4().hex[:6]}")
                for i, (kind, _) in enumerate(CLUSTERS)]
    for cluster, (_, version) in zip(clusters, CLUSTERS, strict=True):
        if version:
            _put(cluster, "extensions", "flux", {"properties": {
                "extensionType": "microsoft.flux", "version": version, "autoUpgradeMinorVersion": False}})
    for index, cluster in enumerate(clusters[:4]):
        _put(cluster, "fluxConfigurations", name, _configuration("./infra/fail" if index == 1 else "./infra"))
    _put(clusters[0], "fluxConfigurations", "other", _configuration("./infra"))
    return {"group": group, "name": name, "clusters": clusters}

