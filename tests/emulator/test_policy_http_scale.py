"""The at-scale act over HTTP: 50 clusters in two resource groups, an initiative assigned to one of them,
both members remediated; exactly that group's 25 clusters get microsoft.flux and the configuration."""

from __future__ import annotations

import pytest
from emu_helpers import Arm
from policy_http_helpers import (
    EAST,
    REPO,
    WEST,
    assign,
    cluster_path,
    grant,
    put_definitions,
    remediate,
    remediation_deployments,
    rg_path,
    seed_file,
    summarize,
)

from arm_emulator.testing import start_emulator

API = "2024-11-01"
PER_GROUP = 25


@pytest.fixture
def arm(tmp_path):
    with start_emulator(tmp_path / "state", seed=seed_file(tmp_path, east=PER_GROUP, west=PER_GROUP),
                        operation_delay=0.1, extra_args=["--policy-evaluation-delay", "3600"]) as emulator:
        yield Arm(emulator)


def config(group: str, cluster: str, kind: str, name: str) -> str:
    return f"{cluster_path(group, cluster)}/providers/Microsoft.KubernetesConfiguration/{kind}/{name}"


def test_fifty_clusters_only_the_assigned_group_is_remediated(arm):
    _, _, set_id = put_definitions(arm)
    assignment = assign(arm, EAST, "fleet", set_id, {"repositoryUrl": REPO, "multiTenancyEnforce": "true"},
                        identity={"type": "SystemAssigned"}, location="eastus").json()
    assert grant(arm, rg_path(EAST), assignment["identity"]["principalId"]).status_code == 201
    before = summarize(arm, rg_path(EAST))["value"][0]["results"]
    assert before["nonCompliantResources"] == PER_GROUP and before["nonCompliantPolicies"] == 2
    for reference in ("fluxExtension", "fluxConfiguration"):
        done = remediate(arm, rg_path(EAST), f"fix-{reference}", assignment["id"], reference=reference)
        assert done["properties"]["deploymentStatus"] == {"totalDeployments": PER_GROUP,
                                                         "successfulDeployments": PER_GROUP, "failedDeployments": 0}
        assert len(remediation_deployments(arm, rg_path(EAST), f"fix-{reference}")) == PER_GROUP
    east = [f"edge-{i:02d}" for i in range(PER_GROUP)]
    for name in east:
        ext = arm.get(config(EAST, name, "extensions", "flux"), API).json()["properties"]
        assert ext["configurationSettings"] == {"multiTenancy.enforce": "true"}
        flux = arm.get(config(EAST, name, "fluxConfigurations", "edge-baseline"), API).json()["properties"]
        assert flux["gitRepository"]["url"] == REPO
    for name in (f"aks-{i:02d}" for i in range(PER_GROUP)):
        assert arm.get(config(WEST, name, "extensions", "flux"), API).status_code == 404
        assert arm.get(config(WEST, name, "fluxConfigurations", "edge-baseline"), API).status_code == 404
    after = summarize(arm, rg_path(EAST))["value"][0]["results"]
    assert after["resourceDetails"] == [{"complianceState": "compliant", "count": PER_GROUP},
                                        {"complianceState": "noncompliant", "count": 0}]
    assert summarize(arm, rg_path(WEST))["value"][0]["results"]["resourceDetails"] == [
        {"complianceState": "compliant", "count": 0}, {"complianceState": "noncompliant", "count": 0}]
