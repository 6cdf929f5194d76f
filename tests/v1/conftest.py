"""Fixtures of the Flux v1 tests."""

import pytest

from tests.v1.helpers import CLUSTER_CONFIG, TEAM_A, seed_v1


@pytest.fixture
def arc(new_cluster):
    """A connected cluster holding the two seeded v1 configurations, cluster-config and team-a."""
    cluster = new_cluster("connectedClusters")
    seed_v1(cluster, **{"cluster-config": CLUSTER_CONFIG, "team-a": TEAM_A})
    return cluster
