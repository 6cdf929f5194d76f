"""`az k8s-configuration list|show|delete|create` against the emulator."""

import pytest

from tests.v1.helpers import CLUSTER_CONFIG, SCC, last_seq, requests_under, seed_v1


def test_list_as_a_table_with_real_az(az, arc):
    result = az(f"k8s-configuration list {arc.args} -o table")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Name", "RepositoryUrl", "OperatorNamespace", "Scope", "ComplianceState",
                                "ProvisioningState"]
    assert lines[2].split() == ["cluster-config", "git@github.com:contoso/gitops", "cluster-config", "cluster",
                                "Pending", "Succeeded"]
    assert lines[3].split()[:4] == ["team-a", "https://github.com/contoso/team-a", "team-a", "namespace"]


@pytest.mark.parametrize("cluster_type", ["managedClusters", "provisionedClusters", "appliances"])
def test_list_and_show_on_every_cluster_type(cli, new_cluster, cluster_type):
    cluster = new_cluster(cluster_type)
    seed_v1(cluster, **{"cluster-config": CLUSTER_CONFIG})
    listed = cli(f"k8s-configuration list {cluster.args}").json
    assert [item["name"] for item in listed] == ["cluster-config"]
    shown = cli(f"k8s-configuration show {cluster.args} -n cluster-config").json
    assert shown["repositoryUrl"] == "git@github.com:contoso/gitops"
    assert shown["complianceStatus"]["complianceState"] == "Pending"
    assert shown["type"] == "Microsoft.KubernetesConfiguration/sourceControlConfigurations"


def test_show_missing_is_not_found(cli, arc):
    result = cli(f"k8s-configuration show {arc.args} -n nope", expect=3)
    assert "Flux v1 configuration 'nope'" in result.stderr and "was not found" in result.stderr


def test_list_on_a_missing_cluster_is_not_found(cli, arm):
    result = cli("k8s-configuration list -g tests-rg -c missing-cluster -t connectedClusters", expect=3)
    assert "connectedClusters 'missing-cluster' in resource group 'tests-rg' was not found" in result.stderr


def test_delete_with_yes(cli, arc, emulator):
    since = last_seq(emulator)
    assert cli(f"k8s-configuration delete {arc.args} -n team-a --yes").stdout == ""
    assert requests_under(emulator, arc, since) == [
        ("DELETE", f"/providers/Microsoft.KubernetesConfiguration/{SCC}/team-a", 200)
    ]
    assert [item["name"] for item in arc.list(SCC)] == ["cluster-config"]


def test_delete_does_not_prompt_and_says_what_keeps_running(cli, arc, emulator):
    # As the official command: no prompt and no --yes needed, so pipelines written for it run unchanged.
    since = last_seq(emulator)
    result = cli(f"k8s-configuration delete {arc.args} -n team-a")
    assert "keep running" in result.stderr and "no longer sync" in result.stderr
    assert "az k8s-configuration flux create" in result.stderr
    assert requests_under(emulator, arc, since) == [
        ("DELETE", f"/providers/Microsoft.KubernetesConfiguration/{SCC}/team-a", 200)
    ]
    assert [item["name"] for item in arc.list(SCC)] == ["cluster-config"]


def test_delete_missing_is_not_found(cli, arc):
    result = cli(f"k8s-configuration delete {arc.args} -n nope --yes", expect=3)
    assert "Flux v1 configuration 'nope' was not found" in result.stderr and "nothing was deleted" in result.stderr


def test_server_error_is_reported_as_one(cli, arc, faults):
    faults.set_fault("error", count=1, method="GET", path=arc.path(SCC), status=501)
    result = cli(f"k8s-configuration list {arc.args}", expect=1)
    assert "Azure failed while handling connectedClusters" in result.stderr
    assert "HTTP 501" in result.stderr


def test_create_is_refused_before_any_request(az, arc, emulator):
    since = last_seq(emulator)
    result = az(
        f"k8s-configuration create {arc.args} -n new-config -u git@github.com:contoso/gitops --scope cluster "
        "--operator-instance-name new-config --operator-namespace new-config --operator-params=--git-readonly "
        "--enable-helm-operator --helm-operator-chart-version 1.2.0 --ssh-private-key-file ./key",
        expect=1,
    )
    assert "new Flux v1 configurations (sourceControlConfigurations) cannot be created" in result.stderr
    assert "az k8s-configuration flux create" in result.stderr and "az k8s-configuration flux migrate" in result.stderr
    assert "Traceback" not in result.stderr
    assert requests_under(emulator, arc, since) == []
