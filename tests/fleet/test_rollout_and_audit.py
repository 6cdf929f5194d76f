"""The rollout watch's loop (pacing, exit codes, progress) and the extension audit's window, with Resource Graph
replaced by a fake that answers the given polls in turn."""

from types import SimpleNamespace

import pytest

from azext_k8s_flux import _exit_codes
from azext_k8s_flux.fleet import audit, common, rollout

SUB = "11111111-2222-3333-4444-555555555555"
SHA = "4f1bdad0c1e2a3b4c5d6e7f8091a2b3c4d5e6f70"
OLD = "0123456789abcdef0123456789abcdef01234567"


def _row(cluster, commit, state="Compliant", failure=None):
    statuses = [{"kind": "Kustomization", "name": "apps", "statusConditions": [
        {"type": "Ready", "status": "False" if failure else "True", "reason": "BuildFailed" if failure else "",
         "message": failure or "Applied"}]}]
    return {"id": f"/subscriptions/{SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/"
                  f"{cluster}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/cluster-config",
            "name": "cluster-config", "resourceGroup": "rg", "subscriptionId": SUB,
            "properties": {"complianceState": state, "provisioningState": "Succeeded",
                           "sourceSyncedCommitId": f"main/{commit}", "statuses": statuses}}


class FakeGraph:
    def __init__(self, polls, pause=0.0):
        self.polls, self.pause_each, self.pause, self.queries = list(polls), pause, 0.0, 0

    def rows(self, query):
        self.queries += 1
        self.pause = self.pause_each
        return self.polls.pop(0) if len(self.polls) > 1 else self.polls[0]


@pytest.fixture
def world(monkeypatch, capsys):
    state = SimpleNamespace(now=0.0, sleeps=[], exit=None, tty=False)

    def sleep(seconds):
        state.sleeps.append(seconds)
        state.now += seconds

    monkeypatch.setattr(rollout.time, "monotonic", lambda: state.now)
    monkeypatch.setattr(rollout.time, "sleep", sleep)
    monkeypatch.setattr("azext_k8s_flux.operations.wait._shows_progress", lambda cmd: state.tty)
    monkeypatch.setattr(_exit_codes, "exit_after_output", lambda ctx, code: setattr(state, "exit", code))

    def watch(polls, pause=0.0, **options):
        graph = FakeGraph(polls, pause)
        monkeypatch.setattr(common, "fleet_graph", lambda cmd, scope: graph)
        result = rollout.flux_wait_rollout(SimpleNamespace(cli_ctx=None), f"main/{SHA[:8]}", subscriptions=[SUB],
                                           **options)  # fmt: skip
        return result, graph, capsys.readouterr().err

    state.watch = watch
    return state


def test_watch_ends_when_every_configuration_is_at_the_commit(world):
    polls = [[_row("a", OLD), _row("b", OLD)], [_row("a", SHA), _row("b", OLD)], [_row("a", SHA), _row("b", SHA)]]
    result, graph, _ = world.watch(polls, interval=10)
    assert (result["reached"], result["total"], result["percentage"]) == (2, 2, 100.0)
    assert graph.queries == 3 and world.sleeps == [10, 10] and world.exit is None


def test_percentage_lets_the_watch_end_early(world):
    polls = [[_row("a", SHA), _row("b", OLD), _row("c", OLD), _row("d", SHA)]]
    result, graph, _ = world.watch(polls, percentage=50)
    assert result["reached"] == 2 and graph.queries == 1 and world.exit is None


def test_a_failure_at_the_commit_exits_4_and_names_the_cluster(world, caplog):
    polls = [[_row("a", SHA), _row("edge-9", SHA, "Non-Compliant", "path ./apps not found"), _row("c", OLD)]]
    result, _, _ = world.watch(polls)
    assert world.exit == _exit_codes.NOT_COMPLIANT
    assert [row["cluster"] for row in result["failed"]] == ["edge-9"]
    assert "connectedClusters 'edge-9'" in caplog.text and "path ./apps not found" in caplog.text


def test_a_failure_at_an_older_commit_is_not_the_rollouts_failure(world):
    polls = [[_row("a", OLD, "Non-Compliant", "old breakage")], [_row("a", SHA)]]
    result, _, _ = world.watch(polls, interval=5)
    assert world.exit is None and result["reached"] == 1


def test_timeout_exits_5_with_where_it_stood(world, caplog):
    result, graph, _ = world.watch([[_row("a", SHA), _row("b", OLD)]], timeout=60, interval=20)
    assert world.exit == _exit_codes.TIMED_OUT and result["percentage"] == 50.0
    assert graph.queries == 4 and sum(world.sleeps) == 60
    assert "1 of 2 configurations at main/4f1bdad0 (50%)" in caplog.text


def test_resource_graph_pause_longer_than_the_interval_wins(world):
    world.watch([[_row("a", OLD)], [_row("a", SHA)]], pause=45, interval=10)
    assert world.sleeps == [45]


def test_progress_only_on_a_terminal_and_once_per_change(world):
    polls = [[_row("a", OLD)], [_row("a", OLD)], [_row("a", SHA)]]
    _, _, quiet = world.watch(polls, interval=1)
    assert quiet == ""
    world.tty = True
    _, _, shown = world.watch(polls, interval=1)
    assert shown.splitlines() == ["  0 of 1 configurations at main/4f1bdad0 (0%), 0 failed",
                                  "  1 of 1 configurations at main/4f1bdad0 (100%), 0 failed"]


def test_no_configuration_in_scope_is_a_not_found_error(world):
    from azure.cli.core.azclierror import ResourceNotFoundError

    with pytest.raises(ResourceNotFoundError, match="No Flux configuration to watch"):
        world.watch([[]])


PUBLISHED = ["1.20.4", "1.21.0", "1.22.2", "1.22.3", "1.23.0", "1.24.0", "1.24.1"]


@pytest.mark.parametrize("installed, supported, path", [
    ("1.24.1", True, []),
    ("1.22.3", True, []),
    ("1.21.0", False, ["1.24.1"]),
    ("1.20.4", False, ["1.22.3", "1.24.1"]),
    ("1.8.2", False, ["1.22.3", "1.24.1"]),
])
def test_support_window_and_upgrade_path_come_from_the_published_versions(installed, supported, path):
    assert audit.support_of(installed, PUBLISHED) == {"supported": supported, "latestVersion": "1.24.1",
                                                      "upgradePath": path}


def test_window_moves_with_the_catalogue_not_a_hard_coded_list():
    assert audit.support_of("1.22.3", PUBLISHED + ["1.25.0"])["supported"] is False
    assert audit.support_of("1.20.4", ["1.19.0", "1.20.4", "1.21.0"]) == {
        "supported": True, "latestVersion": "1.21.0", "upgradePath": []}


def test_unknown_catalogue_leaves_support_unknown():
    assert audit.support_of("1.20.4", None)["supported"] is None


def test_verify_with_arm_drops_a_failure_arm_no_longer_reports(world, monkeypatch):
    from azext_k8s_flux.fleet import rows, verify

    reread = []

    def fresh_from_arm(cli_ctx, failed):
        reread.extend(row["cluster"] for row in failed)
        return [rows.configuration_row(_row(row["cluster"], SHA)) for row in failed]

    monkeypatch.setattr(verify, "reread_configurations", fresh_from_arm)
    polls = [[_row("a", SHA), _row("stale", SHA, "Non-Compliant", "fixed since")]]
    result, graph, _ = world.watch(polls, verify_with_arm=True)
    assert reread == ["stale"] and world.exit is None
    assert (result["reached"], result["failed"]) == (2, []) and graph.queries == 1
