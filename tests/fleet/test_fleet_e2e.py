"""The fleet commands against the emulator's Resource Graph, over a small fleet built through ARM in a resource group
of its own (so counts are exact whatever else the session created), checked against ARM reads."""

import json
import uuid


def _arm_states(fleet):
    """(cluster, configuration) -> complianceState, read through ARM."""
    states = {}
    for cluster in fleet["clusters"]:
        for config in cluster.list("fluxConfigurations"):
            states[(cluster.name, config["name"])] = config["properties"]["complianceState"]
    return states


def _graph_requests(emulator):
    return [r for r in emulator.requests() if r["path"].startswith("/providers/Microsoft.ResourceGraph")]


def test_status_counts_are_exact_and_agree_with_arm(cli, fleet, emulator):
    emulator.clear_requests()
    result = cli(f"k8s-configuration flux status -g {fleet['group']} -o json").json
    rows = {(row["cluster"], row["configuration"]): row["complianceState"] for row in result["configurations"]}
    assert rows == _arm_states(fleet)
    assert result["total"] == 5
    assert {(s["complianceState"], s["count"]) for s in result["summary"]} == {("Compliant", 4), ("Non-Compliant", 1)}
    assert len(_graph_requests(emulator)) == 1


def test_status_names_the_failing_object_and_filters_by_compliance(cli, fleet):
    result = cli(f"k8s-configuration flux status -g {fleet['group']} --compliance Non-Compliant -o json").json
    [row] = result["configurations"]
    assert row["cluster"] == fleet["clusters"][1].name
    assert "infra" in row["message"] and "simulated failure" in row["message"]


def test_commit_filters_split_the_fleet(cli, fleet):
    rows = cli(f"k8s-configuration flux status -g {fleet['group']} -n {fleet['name']} -o json").json["configurations"]
    commit = next(row["sourceSyncedCommitId"] for row in rows if row["sourceSyncedCommitId"])
    sha = commit.rpartition("/")[2][:10]
    synced = cli(f"k8s-configuration flux status -g {fleet['group']} -n {fleet['name']} --synced-to {sha}").json
    not_synced = cli(f"k8s-configuration flux status -g {fleet['group']} -n {fleet['name']} "
                     f"--not-synced-to {commit}").json  # fmt: skip
    assert synced["total"] + not_synced["total"] == 4
    assert synced["total"] == sum(1 for row in rows if row["sourceSyncedCommitId"] == commit)


def test_fail_on_noncompliant_exits_4_after_printing(cli, fleet):
    failing = cli(f"k8s-configuration flux status -g {fleet['group']} --fail-on-noncompliant -o json", expect=4)
    assert failing.json["total"] == 5 and "1 of 5 Flux configurations are not compliant" in failing.stderr
    cli(f"k8s-configuration flux status -g {fleet['group']} -n other --fail-on-noncompliant -o none", expect=0)


def test_verify_with_arm_rereads_only_the_flagged_rows(cli, fleet, emulator):
    emulator.clear_requests()
    result = cli(f"k8s-configuration flux status -g {fleet['group']} --verify-with-arm -o json").json
    verified = [row for row in result["configurations"] if row.get("verifiedWithArm")]
    assert [row["cluster"] for row in verified] == [fleet["clusters"][1].name]
    gets = [r for r in emulator.requests(kind="arm") if r["method"] == "GET" and "fluxConfigurations" in r["path"]]
    assert len(gets) == 1 and len(_graph_requests(emulator)) == 1


def test_missing_lists_the_clusters_without_the_configuration(cli, fleet):
    result = cli(f"k8s-configuration flux status -g {fleet['group']} -n {fleet['name']} --missing -o json").json
    assert [row["cluster"] for row in result] == [fleet["clusters"][4].name]


def test_table_has_one_row_per_configuration_and_the_summary(cli, fleet):
    result = cli(f"k8s-configuration flux status -g {fleet['group']} -o table")
    assert len([line for line in result.stdout.splitlines() if fleet["group"] in line]) == 5
    assert "5 configurations:" in result.stderr and "Non-Compliant" in result.stderr


def test_empty_scope_says_there_is_no_cluster(cli, arm):
    group = f"empty-{uuid.uuid4().hex[:8]}"
    arm.ensure_resource_group(group)
    result = cli(f"k8s-configuration flux status -g {group} -o json")
    assert result.json["total"] == 0 and "No Kubernetes cluster in subscription" in result.stderr


def test_scope_with_clusters_but_no_match_says_so(cli, fleet):
    result = cli(f"k8s-configuration flux status -g {fleet['group']} -n nothing-by-this-name -o json")
    assert result.json["total"] == 0 and "None of the 5 clusters has a Flux configuration" in result.stderr


def test_bad_inputs_are_clear_errors_before_any_request(cli, emulator):
    emulator.clear_requests()
    assert "is not a commit" in cli("k8s-configuration flux status --synced-to main/xyz", expect=1).stderr
    assert "takes subscription IDs" in cli("k8s-configuration flux status --subscriptions nope", expect=1).stderr
    assert "-n/--name" in cli("k8s-configuration flux status --missing", expect=1).stderr
    assert _graph_requests(emulator) == []


def test_extension_audit_names_the_clusters_outside_the_window(cli, fleet):
    result = cli(f"k8s-extension status -g {fleet['group']} -o json").json
    by_cluster = {row["cluster"]: row for row in result["extensions"]}
    names = [cluster.name for cluster in fleet["clusters"]]
    assert set(by_cluster) == set(names[:4])
    assert [by_cluster[n]["supported"] for n in names[:4]] == [True, True, False, True]
    assert by_cluster[names[2]]["upgradePath"] == ["1.22.2", "1.24.1"]  # 1.20.4 passes through 1.22.x
    outside = cli(f"k8s-extension status -g {fleet['group']} --outside-window -o json").json
    assert [row["cluster"] for row in outside["extensions"]] == [names[2]]
    assert {(s["version"], s["count"]) for s in result["summary"]} == {("1.24.1", 2), ("1.22.2", 1), ("1.20.4", 1)}


def test_rollout_watch_exits_4_naming_the_cluster_that_failed(cli, fleet):
    rows = cli(f"k8s-configuration flux status -g {fleet['group']} -n {fleet['name']} -o json").json["configurations"]
    commit = next(row["sourceSyncedCommitId"] for row in rows if row["complianceState"] == "Compliant")
    result = cli(f"k8s-configuration flux wait-rollout -g {fleet['group']} -n {fleet['name']} --commit {commit} "
                 "--timeout 5 --interval 1 -o json", expect=None)  # fmt: skip
    failed = fleet["clusters"][1].name
    assert result.exit_code == 4 and f"'{failed}'" in result.stderr
    assert [row["cluster"] for row in json.loads(result.stdout)["failed"]] == [failed]


def test_rollout_watch_ends_at_once_when_every_configuration_is_there(cli, fleet, emulator):
    rows = cli(f"k8s-configuration flux status -g {fleet['group']} -n other -o json").json["configurations"]
    emulator.clear_requests()
    result = cli(f"k8s-configuration flux wait-rollout -g {fleet['group']} -n other "
                 f"--commit {rows[0]['sourceSyncedCommitId']} -o json").json  # fmt: skip
    assert (result["reached"], result["total"], result["percentage"]) == (1, 1, 100.0)
    assert len(_graph_requests(emulator)) == 1


def test_unknown_subscription_and_management_group_are_resource_graphs_clear_refusals(cli):
    unknown = "0badf00d-0000-4000-8000-000000000000"
    result = cli(f"k8s-configuration flux status --subscriptions {unknown}", expect=1)
    assert "Resource Graph refused the query" in result.stderr and unknown in result.stderr
    assert "Traceback" not in result.stderr
    result = cli("k8s-extension status --management-groups nowhere", expect=1)
    assert "(ManagementGroupNotFound)" in result.stderr and "'nowhere'" in result.stderr


def test_url_keeps_the_configurations_that_follow_a_repository(cli, fleet):
    following = cli(f"k8s-configuration flux status -g {fleet['group']} -u https://github.com/contoso/fleet-e2e").json
    others = cli(f"k8s-configuration flux status -g {fleet['group']} -u https://github.com/contoso/elsewhere").json
    assert (following["total"], others["total"]) == (5, 0)


def test_extension_and_rollout_tables(cli, fleet):
    names = [cluster.name for cluster in fleet["clusters"]]
    table = cli(f"k8s-extension status -g {fleet['group']} -o table")
    row = next(line for line in table.stdout.splitlines() if names[2] in line)
    assert "1.20.4" in row and "no" in row.split() and "1.22.2 -> 1.24.1" in row
    assert "4 extensions:" in table.stderr
    rows = cli(f"k8s-configuration flux status -g {fleet['group']} -n other -o json").json["configurations"]
    rollout = cli(f"k8s-configuration flux wait-rollout -g {fleet['group']} -n other "
                  f"--commit {rows[0]['sourceSyncedCommitId']} -o table").stdout  # fmt: skip
    assert rollout.splitlines()[0].split() == ["Commit", "Reached", "Total", "Percentage", "Failed", "Waiting"]
    assert rollout.splitlines()[2].split()[1:] == ["1", "1", "100.0", "0", "0"]
