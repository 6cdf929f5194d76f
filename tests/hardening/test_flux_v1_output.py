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


def test_protected_setting_values_are_never_shown():
    """ARM does not return them today; if it ever did, show and list must still print names only."""
    from types import SimpleNamespace

    from azext_k8s_flux import _sdk
    from azext_k8s_flux.operations import source_control

    models = _sdk.source_control_models()
    config = models.SourceControlConfiguration(
        repository_url="https://github.com/contoso/gitops",
        configuration_protected_settings={"sshPrivateKey": "LS0tLS1CRUdJTi1zZWNyZXQ="},
    )
    client = SimpleNamespace(get=lambda *args: config, list=lambda *args: [config])
    cluster = {"resource_group_name": "rg", "cluster_name": "c1", "cluster_type": "connectedClusters"}
    shown = source_control.source_control_show(client, name="cfg", **cluster)
    (listed,) = source_control.source_control_list(client, **cluster)
    for resource in (shown, listed):
        assert resource["configurationProtectedSettings"] == {"sshPrivateKey": ""}
        assert "LS0tLS1CRUdJTi1zZWNyZXQ=" not in str(resource)


def test_not_found_points_flux_v2_users_at_the_flux_commands(cli, new_cluster):
    cluster = new_cluster("connectedClusters")
    shown = cli(f"k8s-configuration show {cluster.args} -n cluster-config", expect=3)
    assert "Flux v1 configuration 'cluster-config' of connectedClusters" in shown.stderr
    assert f"az k8s-configuration flux show {cluster.args} -n cluster-config" in shown.stderr
    deleted = cli(f"k8s-configuration delete {cluster.args} -n cluster-config --yes", expect=3)
    assert "nothing was deleted" in deleted.stderr
    assert f"az k8s-configuration flux delete {cluster.args} -n cluster-config" in deleted.stderr
