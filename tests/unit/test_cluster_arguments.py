"""The shared cluster options, as az parses them."""


def test_cluster_type_is_case_insensitive(cli, new_cluster, emulator):
    cluster = new_cluster("connectedClusters")
    emulator.clear_requests()
    assert cli(f"k8s-extension list -g {cluster.resource_group} -c {cluster.name} -t CONNECTEDCLUSTERS").json == []
    (request,) = emulator.requests(kind="arm")
    assert f"/Microsoft.Kubernetes/connectedClusters/{cluster.name}/" in request["path"]


def test_unknown_cluster_type_lists_the_accepted_ones(cli):
    result = cli("k8s-extension list -g rg -c c -t kubernetesClusters", expect=2)
    for accepted in ("managedClusters", "connectedClusters", "provisionedClusters", "appliances"):
        assert accepted in result.stderr


def test_missing_cluster_is_named_in_every_group(cli, arm):
    for command in ("k8s-extension list", "k8s-configuration list", "k8s-configuration flux list"):
        result = cli(f"{command} -g tests-rg -c no-such-cluster -t managedClusters", expect=3)
        assert "Cluster managedClusters 'no-such-cluster' in resource group 'tests-rg' was not found" in result.stderr
