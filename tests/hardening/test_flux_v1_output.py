"""`az k8s-configuration list|show` print each property once, at the top level."""

from tests.v1.helpers import CLUSTER_CONFIG, seed_v1


def test_show_and_list_do_not_repeat_the_properties_under_a_properties_key(cli, new_cluster):
    cluster = new_cluster("connectedClusters")
    seed_v1(cluster, **{"cluster-config": CLUSTER_CONFIG})
    shown = cli(f"k8s-configuration show {cluster.args} -n cluster-config").json
    (listed,) = cli(f"k8s-configuration list {cluster.args}").json
    for resource in (shown, listed):
        assert "properties" not in resource
        assert resource["repositoryUrl"] == "git@github.com:contoso/gitops"
        assert resource["operatorScope"] == "cluster"
        assert resource["name"] == "cluster-config"
