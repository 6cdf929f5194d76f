"""A commit pushed to a repository URL reaches every configuration following it, each after its own bounded
delay; some fail when told to; ARG answers follow. Commit ids read `<branch>/<sha>` as ARG stores them."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest
from emu_helpers import Arm
from graph_helpers import GRAPH_API, GRAPH_PATH, REPO, in_process, query_rows, write_seed

from arm_emulator import agent
from arm_emulator.fleet.push import push
from arm_emulator.resourcegraph.service import Service
from arm_emulator.testing import SUBSCRIPTION_ID, start_emulator

SHA = "4f1bdad4c0ffee00aa11bb22cc33dd44ee55ff66"
FLUX = "kubernetesconfigurationresources | where type == 'microsoft.kubernetesconfiguration/fluxconfigurations'"
STATES = FLUX + (" | project id, name, state = tostring(properties.complianceState), "
                 "commit = tostring(properties.sourceSyncedCommitId)")


def _flux(name, ref, suspend=False):
    return {"name": name, "properties": {"namespace": name, "sourceKind": "GitRepository", "suspend": suspend,
                                         "gitRepository": {"url": REPO, "repositoryRef": ref},
                                         "kustomizations": {"base": {"path": "./base"}}}}


# 30 fleet clusters follow REPO/main; one hand-written cluster holds configurations that must not move.
WORLD = {"fleet": {"seed": 3, "clusters": 30, "configurations": [{"name": "platform", "url": REPO + ".git"}]},
         "subscriptions": [{"id": SUBSCRIPTION_ID, "resourceGroups": [{"name": "rg-pinned", "clusters": [
             {"name": "arc-pinned", "type": "connectedClusters", "fluxConfigurations": [
                 _flux("on-commit", {"commit": "0123456789abcdef0123456789abcdef01234567"}),
                 _flux("on-release", {"branch": "release"}),
                 _flux("paused", {"branch": "main"}, suspend=True)]}]}]}]}


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def fleet(tmp_path):
    clock = Clock()
    ctx = in_process(tmp_path, WORLD, clock=clock)
    service = Service()

    def states():
        return {r["id"]: (r["state"], r["commit"]) for r in query_rows(service, ctx, STATES)}

    return ctx, clock, states


def _at(states, commit):
    return sum(1 for _, synced in states.values() if synced == commit)


def test_each_configuration_gets_the_commit_after_its_own_bounded_delay(fleet):
    ctx, clock, states = fleet
    before = states()
    result = push(ctx, REPO, "main", SHA, max_delay=10)
    assert (result["configurations"], result["revision"], result["failing"]) == (30, f"main/{SHA}", [])
    assert states() == before  # nothing moves before its agent runs
    counts = []
    for elapsed in (0.0, 2.5, 5.0, 7.5, 10.0):
        clock.now = 1_000_000.0 + elapsed
        agent.settle(ctx)
        counts.append(_at(states(), f"main/{SHA}"))
    assert counts == sorted(counts) and 0 < counts[2] < 30 and counts[-1] == 30
    after = states()
    assert Counter(state for state, commit in after.values() if commit == f"main/{SHA}") == Counter({"Compliant": 30})
    untouched = {i: v for i, v in after.items() if "/arc-pinned/" in i}
    assert untouched == {i: v for i, v in before.items() if "/arc-pinned/" in i}


def test_told_to_fail_some_report_a_failed_kustomization_at_that_commit_then_recover(fleet):
    ctx, clock, states = fleet
    result = push(ctx, REPO, "main", SHA, fail=3, message="image policy denied the deployment", max_delay=0)
    agent.settle(ctx)
    after = states()
    failed = sorted(i for i, (state, commit) in after.items() if state == "Non-Compliant")
    assert failed == result["failing"] and len(failed) == 3
    assert all(after[i][1] == f"main/{SHA}" for i in failed)  # the source synced; applying it failed
    config = ctx.store.get(failed[0]).body["properties"]
    kustomization = config["statuses"][-1]
    assert kustomization["complianceState"] == "Non-Compliant"
    expected = f"image policy denied the deployment (revision main/{SHA})"
    assert kustomization["statusConditions"][0]["message"] == expected
    push(ctx, REPO, "main", "a" * 40, max_delay=0)
    agent.settle(ctx)
    assert Counter(s for s, c in states().values() if c == "main/" + "a" * 40) == Counter({"Compliant": 30})


def test_failing_clusters_can_be_named(fleet):
    ctx, _, states = fleet
    first, second = sorted(i.split("/")[8] for i in states() if "/arc-pinned/" not in i)[:2]
    result = push(ctx, REPO, "main", SHA, fail=[first, second.upper()], max_delay=0)
    agent.settle(ctx)
    assert [i.split("/")[8] for i in result["failing"]] == [first, second]
    assert sorted(i.split("/")[8] for i, (s, _) in states().items() if s == "Non-Compliant") == [first, second]
    with pytest.raises(ValueError, match="on cluster.s.: arc-9999"):
        push(ctx, REPO, "main", SHA, fail=["arc-9999"])


def test_kalypso_style_rollout_queries_count_followers_and_synced_ones(fleet):
    """The queries of microsoft/kalypso's wait-for-deployment.sh: followers of a repository and branch, and
    those in a compliance state (total_records is what the script reads)."""
    ctx, _, _ = fleet
    service = Service()
    followers = (FLUX + f" | where properties.gitRepository.url == '{REPO}.git'"
                 " | where properties.gitRepository.repositoryRef.branch == 'main'")
    push(ctx, REPO, "main", SHA, fail=2, max_delay=0)
    agent.settle(ctx)

    def total(query):
        return service.query(ctx, {"query": query})[0]["totalRecords"]

    synced = followers + f" | where properties.sourceSyncedCommitId == 'main/{SHA}'"
    assert total(followers) == 30
    assert total(synced + " | where properties.complianceState == 'Compliant'") == 28
    assert total(synced + " | where properties.complianceState == 'Non-Compliant'") == 2


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"commit": "not-a-sha"}, "is not a Git SHA"),
    ({"commit": SHA, "max_delay": -1}, "max_delay must be >= 0"),
    ({"commit": SHA, "fail": "some"}, "'fail' must be a count"),
    ({"commit": SHA, "url": ""}, "a repository 'url' and a 'branch' are required"),
])
def test_bad_pushes_are_refused(fleet, kwargs, message):
    ctx, _, _ = fleet
    arguments = {"url": REPO, "branch": "main", **kwargs}
    with pytest.raises(ValueError, match=message):
        push(ctx, arguments.pop("url"), arguments.pop("branch"), arguments.pop("commit"), **arguments)


def test_push_through_the_helper_the_admin_api_and_the_command_line(tmp_path):
    seed = write_seed(tmp_path, {"fleet": {"clusters": 6, "configurations": [{"name": "platform", "url": REPO}]}})
    with start_emulator(tmp_path / "state", seed=seed, agent_delay=0) as emu:
        arm = Arm(emu)

        def commits():
            answer = arm.call("POST", GRAPH_PATH, GRAPH_API, {"query": STATES}).json()
            return Counter((r["state"], r["commit"]) for r in answer["data"])

        assert emu.push(REPO, commit=SHA, max_delay=0)["configurations"] == 6
        assert commits() == Counter({("Compliant", f"main/{SHA}"): 6})

        done = subprocess.run([sys.executable, "-m", "arm_emulator", "push", "--state-dir", str(emu.state_dir),
                               "--url", REPO + "/", "--commit", "b" * 40, "--fail", "1", "--max-delay", "0"],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["revision"] == "main/" + "b" * 40
        assert commits() == Counter({("Compliant", "main/" + "b" * 40): 5, ("Non-Compliant", "main/" + "b" * 40): 1})

        refused = subprocess.run([sys.executable, "-m", "arm_emulator", "push", "--state-dir", str(emu.state_dir),
                                  "--url", REPO, "--commit", "xyz"], capture_output=True, text=True, timeout=60)
        assert refused.returncode == 1 and "is not a Git SHA" in refused.stderr and "Traceback" not in refused.stderr
        bad = arm.session.post(emu.url + "/_emulator/push", json={"url": REPO, "colour": "red"}, timeout=30)
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "InvalidPush"
        nobody = emu.push("https://github.com/contoso/unknown", commit=SHA)
        assert nobody["configurations"] == 0


def test_with_a_lag_resource_graph_trails_arm(fleet):
    """`serve --arg-lag S`: answers come from a snapshot at most S seconds old, as ARG trails ARM."""
    ctx, clock, _ = fleet
    lagging = Service(lag=30)

    def commits():
        return Counter(r["commit"] for r in query_rows(lagging, ctx, STATES) if "/arc-pinned/" not in r["id"])

    before = commits()
    push(ctx, REPO, "main", SHA, max_delay=0)
    agent.settle(ctx)
    clock.now += 29
    assert commits() == before  # ARM already has the commit; the snapshot does not
    assert ctx.store.get(next(r.key for r in ctx.store.under("/subscriptions", "fluxConfiguration")
                              if "/arc-pinned/" not in r.key)).body["properties"]["sourceSyncedCommitId"] == (
        f"main/{SHA}")
    clock.now += 1
    assert commits() == Counter({f"main/{SHA}": 30})
