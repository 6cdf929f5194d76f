"""The evaluation cycle with a controlled clock (no server): a cluster created in a DeployIfNotExists
assignment's scope is deployed to at the first evaluation after --policy-evaluation-delay, not before;
a fault inside the engine leaves requests and the cycle working."""

from __future__ import annotations

import logging

from graph_helpers import in_process
from policy_http_helpers import EAST, REPO, SUB, flux_definition

from arm_emulator.core.addressing import parse
from arm_emulator.policystate import assignments, cycle, definitions, roles, scan
from arm_emulator.policystate.scopes import Scope
from arm_emulator.providers import clusters


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def world(tmp_path, clock):
    seed = {"subscriptions": [{"id": SUB, "resourceGroups": [
        {"name": EAST, "clusters": [{"name": "edge-00", "type": "connectedClusters"}]}]}]}
    ctx = in_process(tmp_path, seed, clock=clock)
    ctx.settings.policy_evaluation_delay = 60.0
    ctx.settings.operation_delay = 0.0
    sub, group = Scope(f"/subscriptions/{SUB}"), Scope(f"/subscriptions/{SUB}/resourceGroups/{EAST}")
    _, definition = definitions.put(ctx, definitions.DEFINITION, sub, "edge-flux-config",
                                    {"properties": flux_definition()})
    _, assignment = assignments.put(ctx, group, "edge", {
        "properties": {"policyDefinitionId": definition.id, "parameters": {"repositoryUrl": {"value": REPO}}},
        "identity": {"type": "SystemAssigned"}, "location": "eastus"})
    roles.put_assignment(ctx, group, "a7d6c5b4-0000-4000-8000-00000000f00d", {"properties": {
        "roleDefinitionId": roles.BUILT_IN_ROLES["Contributor"][0],
        "principalId": assignment.body["identity"]["principalId"]}})
    cycle.evaluate(ctx, assignment)
    return ctx, assignment


def add_cluster(ctx, name: str) -> str:
    path = f"/subscriptions/{SUB}/resourceGroups/{EAST}/providers/Microsoft.Kubernetes/connectedClusters/{name}"
    clusters.put(ctx, parse(path), {"location": "eastus", "properties": {}}, "Microsoft.Kubernetes")
    return path


def configuration(ctx, cluster: str):
    return ctx.store.get(f"{cluster}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/edge-baseline")


def test_a_new_cluster_is_deployed_to_after_the_evaluation_delay(tmp_path):
    clock = Clock()
    ctx, _ = world(tmp_path, clock)
    cycle.settle(ctx)  # the first cycle after start: the existing cluster was seen at assignment time
    existing = f"/subscriptions/{SUB}/resourceGroups/{EAST}/providers/Microsoft.Kubernetes/connectedClusters/edge-00"
    assert configuration(ctx, existing) is None
    late = add_cluster(ctx, "edge-late")
    clock.now += 59
    cycle.settle(ctx)
    assert configuration(ctx, late) is None
    clock.now += 1
    cycle.settle(ctx)
    assert configuration(ctx, late) is not None
    assert configuration(ctx, existing) is None  # existing resources wait for a remediation task


def test_a_fault_in_the_engine_is_logged_and_the_cycle_goes_on(tmp_path, monkeypatch, caplog):
    clock = Clock()
    ctx, assignment = world(tmp_path, clock)

    def broken(*_args):
        raise RuntimeError("engine fault")

    monkeypatch.setattr("arm_emulator.policystate.engine.evaluate", broken)
    add_cluster(ctx, "edge-late")
    clock.now += 61
    with caplog.at_level(logging.ERROR, logger="arm_emulator"):
        cycle.settle(ctx)
    assert scan.scan(ctx, assignment) == []
    assert "engine fault" in caplog.text


def test_do_not_enforce_leaves_new_clusters_to_remediation_tasks(tmp_path):
    clock = Clock()
    ctx, assignment = world(tmp_path, clock)
    assignment.body["properties"]["enforcementMode"] = "DoNotEnforce"
    with ctx.store.tx():
        ctx.store.put(assignment)
    cycle.settle(ctx)
    late = add_cluster(ctx, "edge-late")
    clock.now += 60
    cycle.settle(ctx)
    assert configuration(ctx, late) is None
    states = [s for s in scan.states(ctx, SUB) if s["resourceId"] == late]
    assert [s["complianceState"] for s in states] == ["NonCompliant"]
