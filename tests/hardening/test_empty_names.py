"""Empty names (an unset variable in a pipeline) are refused before any request: an empty -n would turn a
GET or DELETE of one resource into a request on the whole collection, and an empty -g or -c addresses nothing."""

import pytest

from tests.v1.helpers import last_seq


@pytest.fixture
def cluster(new_cluster):
    return new_cluster("connectedClusters")


@pytest.mark.parametrize(
    "command, what",
    [
        ("k8s-extension show {args} -n ''", "extension"),
        ("k8s-extension delete {args} -n '' --yes", "extension"),
        ("k8s-extension create {args} -n ' ' --extension-type microsoft.flux", "extension"),
        ("k8s-extension update {args} -n '' --config multiTenancy.enforce=false", "extension"),
        ("k8s-configuration show {args} -n ''", "Flux v1 configuration"),
        ("k8s-configuration delete {args} -n '' --yes", "Flux v1 configuration"),
    ],
)
def test_empty_name_is_refused_before_any_request(cli, emulator, cluster, command, what):
    since = last_seq(emulator)
    result = cli(command.format(args=cluster.args), expect=1)
    assert f"-n/--name is empty: give the name of the {what}." in result.stderr
    assert [entry for entry in emulator.requests(kind="arm") if entry["seq"] > since] == []


@pytest.mark.parametrize(
    "command",
    [
        "k8s-extension create {cluster} -n flux --extension-type microsoft.flux",
        "k8s-extension list {cluster}",
        "k8s-configuration list {cluster}",
        "k8s-configuration flux migrate {cluster} --dry-run",
    ],
)
@pytest.mark.parametrize(
    ("cluster_options", "message"),
    [
        ("-g '' -c c1 -t connectedClusters", "-g/--resource-group is empty"),
        ("-g tests-rg -c '' -t connectedClusters", "-c/--cluster-name is empty: give the name of the cluster."),
    ],
)
def test_empty_cluster_options_are_refused_before_any_request(cli, emulator, arm, command, cluster_options, message):
    since = last_seq(emulator)
    result = cli(command.format(cluster=cluster_options), expect=1)
    assert message in result.stderr
    assert [entry for entry in emulator.requests(kind="arm") if entry["seq"] > since] == []
