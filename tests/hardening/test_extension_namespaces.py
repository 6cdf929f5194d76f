"""--release-namespace and --target-namespace of a generic extension are Kubernetes namespace names: an
empty or invalid one is refused before any request instead of being dropped (which silently installed the
extension cluster-wide in a namespace named after it) or sent to fail on the cluster."""

import pytest

from tests.v1.helpers import last_seq


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("--target-namespace ''", "Invalid --target-namespace ''"),
        ("--scope namespace --target-namespace Team_A", "Invalid --target-namespace 'Team_A'"),
        ("--release-namespace ' '", "Invalid --release-namespace ' '"),
        ("--scope cluster --release-namespace monitoring.", "Invalid --release-namespace 'monitoring.'"),
    ],
)
def test_invalid_namespaces_are_refused_before_any_request(cli, emulator, new_cluster, options, message):
    cluster = new_cluster("connectedClusters")
    since = last_seq(emulator)
    result = cli(f"k8s-extension create {cluster.args} -n monitor --extension-type contoso.monitor {options}",
                 expect=1)
    assert message in result.stderr
    assert [entry for entry in emulator.requests(kind="arm") if entry["seq"] > since] == []


def test_a_valid_target_namespace_is_sent(cli, new_cluster):
    cluster = new_cluster("connectedClusters")
    cli(f"k8s-extension create {cluster.args} -n monitor --extension-type contoso.monitor --target-namespace team-a "
        "-o none")
    _, body = cluster.get("extensions", "monitor")
    assert body["properties"]["scope"] == {"namespace": {"targetNamespace": "team-a"}}
