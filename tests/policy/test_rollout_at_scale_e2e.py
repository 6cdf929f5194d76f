"""From one cluster to a resource group of them, end to end with the real `az`: a configuration made by hand on one
cluster, `flux policy generate`, the printed `az policy` commands, an assignment with a managed identity and
Contributor, remediation; then a cluster created later, and a configuration deleted on one cluster."""

import shlex
import time

import pytest

from tests.harness.arm import ArmClient
from tests.harness.own_emulator import own_emulator
from tests.harness.runner import az_executable, run_az_subprocess

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")

GOLDEN, EAST, WEST = "rg-golden", "rg-fleet-east", "rg-fleet-west"
PER_GROUP = 25
CONFIG = "cluster-config"
KUSTOMIZATIONS = {"infra": {"path": "./infrastructure", "dependsOn": []},
                  "apps": {"path": "./apps/production", "dependsOn": ["infra"]}}


@pytest.fixture(scope="module")
def world(extension_wheel, tmp_path_factory):
    emulator, env = own_emulator(tmp_path_factory, "rollout", "--policy-evaluation-delay", "1")
    arm = ArmClient(emulator.url, emulator.ca_bundle)
    clusters = {}
    for group in (GOLDEN, EAST, WEST):
        arm.ensure_resource_group(group)
    clusters[GOLDEN] = [arm.create_cluster(GOLDEN, "connectedClusters", name="golden")]
    for group in (EAST, WEST):
        clusters[group] = [arm.create_cluster(group, kind, name=f"{group[9:]}-{i:02d}")
                           for i, kind in enumerate(["connectedClusters", "managedClusters"] * (PER_GROUP // 2)
                                                    + ["connectedClusters"])]  # fmt: skip
    yield arm, clusters, lambda *args, expect=0: run_az_subprocess(az_executable(), env, *args, expect=expect)
    emulator.stop()


def _until(check, what, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.25)
    raise AssertionError(f"not within {seconds} s: {what}")


def _remediate(az, name, reference):
    az("policy", "remediation", "create", "-n", name, "-g", EAST, "--policy-assignment", "flux-east",
       "--definition-reference-id", reference, "-o", "none")
    _until(lambda: az("policy", "remediation", "show", "-n", name, "-g", EAST, "--query", "provisioningState",
                      "-o", "tsv").stdout.strip() in ("Succeeded", "Failed"), f"remediation {name} ends")
    shown = az("policy", "remediation", "show", "-n", name, "-g", EAST, "-o", "json").json
    assert shown["provisioningState"] == "Succeeded", shown
    return shown["deploymentStatus"]


def _has_rollout(cluster):
    status, config = cluster.get("fluxConfigurations", CONFIG)
    if status != 200:
        return False
    kustomizations = {name: {"path": k["path"], "dependsOn": k.get("dependsOn") or []}
                      for name, k in config["properties"]["kustomizations"].items()}
    return kustomizations == KUSTOMIZATIONS


def _flux_settings(cluster):
    extensions = [e for e in cluster.list("extensions") if e["properties"]["extensionType"] == "microsoft.flux"]
    return [e["properties"]["configurationSettings"] for e in extensions]


def test_one_cluster_configuration_rolled_out_to_a_resource_group(world, tmp_path):
    arm, clusters, az = world
    golden = clusters[GOLDEN][0]
    az("k8s-extension", "create", *shlex.split(golden.args), "-n", "flux", "--extension-type", "microsoft.flux",
       "--configuration-settings", "multiTenancy.enforce=false", "-o", "none")
    az("k8s-configuration", "flux", "create", *shlex.split(golden.args), "-n", CONFIG, "--namespace", CONFIG,
       "--scope", "cluster", "-u", "https://github.com/contoso/fleet-config", "--branch", "main",
       "-k", "name=infra", "path=./infrastructure", "-k", "name=apps", "path=./apps/production", "depends_on=infra",
       "-o", "none")

    printed = az("k8s-configuration", "flux", "policy", "generate", *shlex.split(golden.args), "-n", CONFIG,
                 "--output-dir", str(tmp_path), "-o", "json").json
    for command in printed["commands"]:
        az(*shlex.split(command)[1:], "-o", "none")
    initiative = shlex.split(printed["commands"][-1])[shlex.split(printed["commands"][-1]).index("--name") + 1]

    group_id = f"/subscriptions/{arm.subscription}/resourceGroups/{EAST}"
    assignment = az("policy", "assignment", "create", "-n", "flux-east", "-g", EAST, "--policy-set-definition",
                    initiative, "--mi-system-assigned", "--role", "Contributor", "--identity-scope", group_id,
                    "--location", "eastus", "-o", "json").json
    assert assignment["identity"]["type"] == "SystemAssigned"
    roles = az("role", "assignment", "list", "--scope", group_id, "--query", "[].roleDefinitionName", "-o",
               "json").json
    assert roles == ["Contributor"]

    summary = az("policy", "state", "summarize", "-g", EAST, "-o", "json").json
    assert summary["results"]["nonCompliantResources"] == PER_GROUP
    for reference in ("flux-extension", "flux-configuration"):
        counts = _remediate(az, f"fix-{reference}", reference)
        assert counts == {"totalDeployments": PER_GROUP, "successfulDeployments": PER_GROUP,
                          "failedDeployments": 0}, (reference, counts)

    assert all(_has_rollout(c) for c in clusters[EAST])
    assert all(_flux_settings(c) == [{"multiTenancy.enforce": "false"}] for c in clusters[EAST])
    assert not any(c.list("fluxConfigurations") or c.list("extensions") for c in clusters[WEST])
    az("policy", "state", "trigger-scan", "-g", EAST)
    summary = az("policy", "state", "summarize", "-g", EAST, "-o", "json").json
    assert summary["results"]["nonCompliantResources"] == 0
    counts = {d["complianceState"]: d["count"] for d in summary["results"]["resourceDetails"]}
    assert counts.get("compliant") == PER_GROUP and not counts.get("noncompliant"), counts

    # A cluster created later in the group gets both after the evaluation delay, with no remediation task.
    late = arm.create_cluster(EAST, "managedClusters", name="east-late")
    _until(lambda: _has_rollout(late), "the late cluster gets the configuration")
    assert _flux_settings(late) == [{"multiTenancy.enforce": "false"}]

    # A configuration deleted by hand: non-compliant at the next evaluation, restored by the next remediation.
    drifted = clusters[EAST][3]
    az("k8s-configuration", "flux", "delete", *shlex.split(drifted.args), "-n", CONFIG, "--yes")
    az("policy", "state", "trigger-scan", "-g", EAST)
    states = az("policy", "state", "list", "-g", EAST, "--filter", "complianceState eq 'NonCompliant'",
                "--query", "[].resourceId", "-o", "json").json
    assert [s.lower() for s in states] == [drifted.path().lower()]
    assert _remediate(az, "fix-drift", "flux-configuration")["successfulDeployments"] == 1
    assert _has_rollout(drifted)
    assert not any(c.list("fluxConfigurations") for c in clusters[WEST])
