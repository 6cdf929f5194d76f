"""A generated fleet of 1,000 clusters and 10,000 Flux configurations in an emulator of its own, with the real `az`:
status costs exactly ceil(10,000 / 1,000) Resource Graph requests and its counts agree with ARM; a pushed commit is
watched to 100% with progress; a cluster failing at the commit makes the watch exit 4 naming it; the extension
audit names exactly the clusters outside the supported window."""

import os
from collections import Counter

import pytest
import yaml

from arm_emulator.connect import connect_az
from arm_emulator.testing import start_emulator
from tests.harness.arm import ArmClient
from tests.harness.runner import az_executable, run_az_subprocess
from tests.wait.test_wait_commands import _run_on_terminal

CLUSTERS, PER_CLUSTER = 1000, 10
REPOSITORY = "https://github.com/contoso/fleet-infra"
SEED = {"fleet": {
    "seed": 17, "clusters": CLUSTERS, "subscriptions": 2, "resourceGroups": 4,
    "fluxVersions": {"1.24.1": 5, "1.22.2": 3, "1.20.4": 2},
    "configurations": [{"name": "team", "count": PER_CLUSTER, "url": REPOSITORY, "nonCompliant": 3}],
}}


@pytest.fixture(scope="module")
def big(extension_wheel, tmp_path_factory):
    work = tmp_path_factory.mktemp("fleet-at-scale")
    (work / "seed.yaml").write_text(yaml.safe_dump(SEED))
    emulator = start_emulator(work / "emulator", seed=work / "seed.yaml", startup_timeout=600)
    env = {**os.environ, **connect_az(emulator.state_dir, az=az_executable(), env=dict(os.environ))}
    world = {"emulator": emulator, "env": env, "arm": ArmClient(emulator.url, emulator.ca_bundle),
             "az": lambda *args, expect=0: run_az_subprocess(az_executable(), env, *args, expect=expect)}
    yield world
    emulator.stop()


def _graph_requests(emulator):
    return [r for r in emulator.requests() if r["path"].startswith("/providers/Microsoft.ResourceGraph")]


def _arm_list(arm, path, api_version):
    """Every item of an ARM list, following nextLink."""
    status, body = arm.request("GET", path, api_version=api_version)
    assert status == 200, body
    items = body["value"]
    while body.get("nextLink"):
        status, body = arm.request("GET", body["nextLink"][len(arm.base_url):])
        assert status == 200, body
        items += body["value"]
    return items


def _clusters(arm):
    """Every cluster of the fleet, through ARM (one list per resource group and kind)."""
    clusters = []
    for sub in _arm_list(arm, "/subscriptions", "2022-12-01"):
        for group in _arm_list(arm, f"/subscriptions/{sub['subscriptionId']}/resourcegroups", "2021-04-01"):
            for provider, kind, version in (("Microsoft.Kubernetes", "connectedClusters", "2024-01-01"),
                                            ("Microsoft.ContainerService", "managedClusters", "2024-05-01")):
                path = f"{group['id']}/providers/{provider}/{kind}"
                clusters += [item["id"] for item in _arm_list(arm, path, version)]
    return clusters


def test_status_of_ten_thousand_configurations_costs_ten_requests_and_agrees_with_arm(big):
    subs = [s["subscriptionId"] for s in _arm_list(big["arm"], "/subscriptions", "2022-12-01")]
    big["emulator"].clear_requests()
    result = big["az"]("k8s-configuration", "flux", "status", "--subscriptions", *subs, "-o", "json").json
    assert len(_graph_requests(big["emulator"])) == -(-CLUSTERS * PER_CLUSTER // 1000) == 10
    assert result["total"] == CLUSTERS * PER_CLUSTER
    from_arm = Counter()
    for cluster in _clusters(big["arm"]):
        for config in _arm_list(big["arm"], f"{cluster}/providers/Microsoft.KubernetesConfiguration/"
                                            "fluxConfigurations", "2025-04-01"):  # fmt: skip
            from_arm[config["properties"]["complianceState"]] += 1
    by_state = Counter()
    for entry in result["summary"]:  # compliance x commit
        by_state[entry["complianceState"]] += entry["count"]
    assert by_state == from_arm
    assert from_arm["Non-Compliant"] == 3 * PER_CLUSTER


def test_a_pushed_commit_is_watched_to_one_hundred_percent_with_progress(big):
    pushed = big["emulator"].push(REPOSITORY, max_delay=4)
    args = ["k8s-configuration", "flux", "wait-rollout", "-n", "team-01", "--url", REPOSITORY, "--commit",
            pushed["revision"],
            "--interval", "1", "--timeout", "120"]
    code, stdout, terminal = _run_on_terminal(big["env"], args)
    assert code == 0, terminal
    lines = [line.strip() for line in terminal.splitlines() if "configurations at" in line]
    reached = [int(line.split(" of ")[0]) for line in lines]
    assert reached == sorted(reached) and reached[-1] == 500  # team-01 on this subscription's half of the fleet
    assert lines[-1].endswith("(100%), 0 failed")


def test_a_cluster_failing_at_the_commit_ends_the_watch_with_4_naming_it(big):
    pushed = big["emulator"].push(REPOSITORY, fail=["arc-0007"], max_delay=0)
    result = big["az"]("k8s-configuration", "flux", "wait-rollout", "-n", "team-03", "--commit",
                       pushed["commit"][:12], "--interval", "1", "--timeout", "60", expect=4)
    assert "'arc-0007'" in result.stderr and "simulated failure" in result.stderr
    assert [row["cluster"] for row in result.json["failed"]] == ["arc-0007"]


def test_the_extension_audit_names_the_clusters_outside_the_window(big):
    result = big["az"]("k8s-extension", "status", "--outside-window", "-o", "json").json
    from_arm = set()
    for cluster in _clusters(big["arm"]):
        if not cluster.startswith(f"/subscriptions/{big['arm'].subscription}/"):
            continue
        [flux] = _arm_list(big["arm"], f"{cluster}/providers/Microsoft.KubernetesConfiguration/extensions",
                           "2025-03-01")  # fmt: skip
        if flux["properties"]["version"] == "1.20.4":
            from_arm.add(cluster.rsplit("/", 1)[1])
    assert {row["cluster"] for row in result["extensions"]} == from_arm and from_arm
    assert {tuple(row["upgradePath"]) for row in result["extensions"]} == {("1.22.2", "1.24.1")}


@pytest.fixture(scope="module")
def many_subscriptions(extension_wheel, tmp_path_factory):
    work = tmp_path_factory.mktemp("fleet-subscriptions")
    seed = {"fleet": {"seed": 3, "clusters": 1001, "subscriptions": 1001, "resourceGroups": 1,
                      "configurations": [{"name": "cluster-config", "url": REPOSITORY}]}}
    (work / "seed.yaml").write_text(yaml.safe_dump(seed))
    emulator = start_emulator(work / "emulator", seed=work / "seed.yaml", startup_timeout=600)
    env = {**os.environ, **connect_az(emulator.state_dir, az=az_executable(), env=dict(os.environ))}
    yield emulator, env
    emulator.stop()


def test_more_than_a_thousand_subscriptions_are_queried_in_chunks_of_a_thousand(many_subscriptions):
    emulator, env = many_subscriptions
    arm = ArmClient(emulator.url, emulator.ca_bundle)
    subs = [s["subscriptionId"] for s in _arm_list(arm, "/subscriptions", "2022-12-01")]
    assert len(subs) == 1001
    emulator.clear_requests()
    result = run_az_subprocess(az_executable(), env, "k8s-configuration", "flux", "status", "--subscriptions", *subs,
                               "-o", "json")  # fmt: skip
    assert result.json["total"] == 1001
    bodies = [r for r in emulator.requests() if r["path"].startswith("/providers/Microsoft.ResourceGraph")]
    assert [r["status"] for r in bodies] == [200, 200]
