"""End to end with the real `az policy ...` and `az role ...` commands: a DeployIfNotExists initiative
assigned to one resource group with a managed identity and Contributor, remediated, summarized; a new
cluster deployed to after the evaluation delay; an identity without the role refused."""

from __future__ import annotations

import json
import os
import time

import pytest
from policy_http_helpers import REPO, extension_definition, flux_definition

from arm_emulator.connect import connect_az
from arm_emulator.testing import start_emulator
from tests.harness.arm import ArmClient
from tests.harness.runner import az_executable, run_az_subprocess

pytestmark = pytest.mark.az_login
EAST, WEST, DENIED = "rg-policy-east", "rg-policy-west", "rg-policy-denied"
FLUX_API = "2024-11-01"


@pytest.fixture(scope="module")
def world(extension_wheel, tmp_path_factory):
    emulator = start_emulator(tmp_path_factory.mktemp("policy") / "emulator", operation_delay=0.2,
                              extra_args=["--policy-evaluation-delay", "1"])
    env = {**os.environ, **connect_az(emulator.state_dir, az=az_executable(), env=dict(os.environ))}
    arm = ArmClient(emulator.url, emulator.ca_bundle)
    clusters = {}
    for group, kind, count in ((EAST, "connectedClusters", 4), (WEST, "managedClusters", 3),
                               (DENIED, "connectedClusters", 1)):
        arm.ensure_resource_group(group)
        clusters[group] = [arm.create_cluster(group, kind, name=f"{group[10:]}-{i:02d}") for i in range(count)]
    yield emulator, env, arm, clusters
    emulator.stop()


def az_in(env):
    def run(*args, expect=0):
        return run_az_subprocess(az_executable(), env, *args, expect=expect)
    return run


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def wait_remediation(arm, group, name):
    path = (f"/subscriptions/{arm.subscription}/resourceGroups/{group}/providers/Microsoft.PolicyInsights/"
            f"remediations/{name}")
    for _ in range(300):
        status, body = arm.request("GET", path, api_version="2021-10-01")
        if body["properties"]["provisioningState"] in ("Succeeded", "Failed"):
            return body
        time.sleep(0.1)
    raise AssertionError(f"remediation {name} did not end: {body}")


def define(az, tmp_path):
    for name, definition in (("edge-flux-config", flux_definition()), ("edge-flux-extension", extension_definition())):
        created = az("policy", "definition", "create", "-n", name, "--mode", "Indexed",
                     "--rules", write(tmp_path, f"{name}-rules.json", definition["policyRule"]),
                     "--params", write(tmp_path, f"{name}-params.json", definition["parameters"]), "-o", "json")
        assert created.json["policyType"] == "Custom"
    sub = az("account", "show", "--query", "id", "-o", "tsv").stdout.strip()
    members = [{"policyDefinitionId": f"/subscriptions/{sub}/providers/Microsoft.Authorization/policyDefinitions/"
                                      "edge-flux-extension", "policyDefinitionReferenceId": "fluxExtension",
                "parameters": {"multiTenancyEnforce": {"value": "[parameters('multiTenancyEnforce')]"}}},
               {"policyDefinitionId": f"/subscriptions/{sub}/providers/Microsoft.Authorization/policyDefinitions/"
                                      "edge-flux-config", "policyDefinitionReferenceId": "fluxConfiguration",
                "parameters": {"repositoryUrl": {"value": "[parameters('repositoryUrl')]"}}}]
    params = {"repositoryUrl": {"type": "String"}, "multiTenancyEnforce": {"type": "String", "defaultValue": "false"}}
    created = az("policy", "set-definition", "create", "-n", "edge-flux", "--definitions",
                 write(tmp_path, "members.json", members), "--params", write(tmp_path, "set-params.json", params),
                 "-o", "json").json
    assert [m["policyDefinitionReferenceId"] for m in created["policyDefinitions"]] == \
        ["fluxExtension", "fluxConfiguration"]
    return sub


def test_initiative_rolls_out_to_exactly_one_group_and_follows_new_clusters(world, tmp_path):
    emulator, env, arm, clusters = world
    az = az_in(env)
    sub = define(az, tmp_path)
    scope = f"/subscriptions/{sub}/resourceGroups/{EAST}"
    values = json.dumps({"repositoryUrl": {"value": REPO}, "multiTenancyEnforce": {"value": "true"}})
    assert emulator.admin.health()["settings"]["policy_evaluation_delay"] == 1
    start = max((e["seq"] for e in emulator.requests(kind="arm")), default=0)
    assignment = az("policy", "assignment", "create", "-n", "edge-flux", "-g", EAST, "--policy-set-definition",
                    "edge-flux", "--params", values, "--mi-system-assigned", "--role", "Contributor",
                    "--identity-scope", scope, "--location", "eastus", "-o", "json").json
    principal = assignment["identity"]["principalId"]
    sent = [(e["method"], e["path"].split("/providers/Microsoft.Authorization/")[-1].split("/")[0], e["status"])
            for e in emulator.requests(kind="arm") if e["seq"] > start]
    # the built-in set is looked up first (none: 404), then the subscription's; one PUT each, one role lookup
    assert sent == [("GET", "policySetDefinitions", 404), ("GET", "policySetDefinitions", 200),
                    ("PUT", "policyAssignments", 201), ("GET", "roleDefinitions", 200),
                    ("PUT", "roleAssignments", 201)]
    roles = az("role", "assignment", "list", "--scope", scope, "-o", "json").json
    assert [(r["principalId"], r["roleDefinitionName"]) for r in roles] == [(principal, "Contributor")]
    assert roles[0]["principalName"]  # the identity is known to Microsoft Graph's getByIds
    table = az("role", "assignment", "list", "--scope", scope, "-o", "table").stdout
    assert roles[0]["principalName"] in table and "Contributor" in table

    summary = az("policy", "state", "summarize", "-g", EAST, "-o", "json").json
    assert summary["results"]["nonCompliantResources"] == 4
    for reference in ("fluxExtension", "fluxConfiguration"):
        az("policy", "remediation", "create", "-n", f"fix-{reference}", "-g", EAST, "--policy-assignment",
           "edge-flux", "--definition-reference-id", reference, "-o", "json")
        assert wait_remediation(arm, EAST, f"fix-{reference}")["properties"]["provisioningState"] == "Succeeded"
    deployments = az("policy", "remediation", "deployment", "list", "-n", "fix-fluxConfiguration", "-g", EAST,
                     "-o", "json").json
    assert sorted(d["remediatedResourceId"].rsplit("/", 1)[-1] for d in deployments) == \
        [c.name for c in clusters[EAST]]
    assert {d["status"] for d in deployments} == {"Succeeded"}

    for cluster in clusters[EAST]:
        assert cluster.get("fluxConfigurations", "edge-baseline")[1]["properties"]["gitRepository"]["url"] == REPO
        flux = cluster.get("extensions", "flux")[1]["properties"]
        assert flux["configurationSettings"] == {"multiTenancy.enforce": "true"}
    for cluster in clusters[WEST]:
        assert cluster.get("fluxConfigurations", "edge-baseline")[0] == 404
        assert cluster.get("extensions", "flux")[0] == 404

    az("policy", "state", "trigger-scan", "-g", EAST)
    summary = az("policy", "state", "summarize", "-g", EAST, "-o", "json").json
    assert summary["results"]["nonCompliantResources"] == 0
    assert summary["results"]["resourceDetails"][0] == {"complianceState": "compliant", "count": 4}

    late = arm.create_cluster(EAST, "connectedClusters", name="east-late")
    for _ in range(200):  # the assignment deploys to it on its next evaluation (--policy-evaluation-delay 1)
        if late.get("fluxConfigurations", "edge-baseline")[0] == 200:
            break
        time.sleep(0.1)
    assert late.get("fluxConfigurations", "edge-baseline")[1]["properties"]["gitRepository"]["url"] == REPO


def test_assignment_without_the_role_fails_its_remediation_with_the_reason(world, tmp_path):
    emulator, env, arm, clusters = world
    az = az_in(env)
    listed = az("policy", "definition", "list", "--query", "[].name", "-o", "json").json
    if "edge-flux-config" not in listed:
        define(az, tmp_path)
    assignment = az("policy", "assignment", "create", "-n", "edge-denied", "-g", DENIED, "--policy",
                    "edge-flux-config", "--params", json.dumps({"repositoryUrl": {"value": REPO}}),
                    "--mi-system-assigned", "--location", "eastus", "-o", "json").json
    assert assignment["identity"]["type"] == "SystemAssigned"
    az("policy", "remediation", "create", "-n", "fix-denied", "-g", DENIED, "--policy-assignment", "edge-denied")
    assert wait_remediation(arm, DENIED, "fix-denied")["properties"]["provisioningState"] == "Failed"
    shown = az("policy", "remediation", "show", "-n", "fix-denied", "-g", DENIED, "-o", "json").json
    assert shown["deploymentStatus"] == {"totalDeployments": 1, "successfulDeployments": 0, "failedDeployments": 1}
    [entry] = az("policy", "remediation", "deployment", "list", "-n", "fix-denied", "-g", DENIED, "-o", "json").json
    assert entry["status"] == "Failed" and entry["error"]["code"] == "AuthorizationFailed"
    assert assignment["identity"]["principalId"] in entry["error"]["message"]
    states = az("policy", "state", "list", "-g", DENIED, "--filter", "complianceState eq 'NonCompliant'",
                "-o", "json").json
    assert [s["resourceId"].rsplit("/", 1)[-1] for s in states] == [clusters[DENIED][0].name]


def test_az_reports_an_unknown_definition_and_a_missing_location(world, tmp_path):
    emulator, env, arm, clusters = world
    az = az_in(env)
    missing = az("policy", "assignment", "create", "-n", "ghost", "-g", WEST, "--policy",
                 f"/subscriptions/{arm.subscription}/providers/Microsoft.Authorization/policyDefinitions/ghost",
                 expect=3)  # az's exit code for a 404
    assert "PolicyDefinitionNotFound" in missing.stderr and "ghost" in missing.stderr
    listed = az("policy", "definition", "list", "--query", "[].name", "-o", "json").json
    if "edge-flux-config" not in listed:
        define(az, tmp_path)
    no_location = az("policy", "assignment", "create", "-n", "nowhere", "-g", WEST, "--policy", "edge-flux-config",
                     "--params", json.dumps({"repositoryUrl": {"value": REPO}}), "--mi-system-assigned", expect=1)
    assert "LocationRequired" in no_location.stderr
    assert "Traceback" not in no_location.stderr
    no_identity = az("policy", "assignment", "create", "-n", "nobody", "-g", WEST, "--policy", "edge-flux-config",
                     "--params", json.dumps({"repositoryUrl": {"value": REPO}}), expect=1)
    assert "ResourceIdentityRequired" in no_identity.stderr
    renamed = az("policy", "definition", "update", "-n", "edge-flux-config", "--display-name", "Edge baseline",
                 "-o", "json").json
    assert renamed["displayName"] == "Edge baseline"
    assert renamed["policyRule"] == flux_definition()["policyRule"]


def test_a_deleted_configuration_is_non_compliant_until_the_next_remediation(world, tmp_path):
    emulator, env, arm, clusters = world
    az = az_in(env)
    if "edge-flux-config" not in az("policy", "definition", "list", "--query", "[].name", "-o", "json").json:
        define(az, tmp_path)
    scope = f"/subscriptions/{arm.subscription}/resourceGroups/{WEST}"
    az("policy", "assignment", "create", "-n", "west-flux", "-g", WEST, "--policy", "edge-flux-config",
       "--params", json.dumps({"repositoryUrl": {"value": REPO}}), "--mi-system-assigned", "--role", "Contributor",
       "--identity-scope", scope, "--location", "westeurope")
    az("policy", "remediation", "create", "-n", "west-first", "-g", WEST, "--policy-assignment", "west-flux")
    assert wait_remediation(arm, WEST, "west-first")["properties"]["provisioningState"] == "Succeeded"
    drifted = clusters[WEST][1]
    status, _ = arm.request("DELETE", drifted.path("fluxConfigurations", "edge-baseline"), api_version=FLUX_API)
    assert status in (200, 202, 204)
    for _ in range(100):
        if drifted.get("fluxConfigurations", "edge-baseline")[0] == 404:
            break
        time.sleep(0.1)
    az("policy", "state", "trigger-scan", "-g", WEST)
    states = az("policy", "state", "list", "-g", WEST, "--filter", "complianceState eq 'NonCompliant'",
                "-o", "json").json
    assert [s["resourceId"].rsplit("/", 1)[-1] for s in states] == [drifted.name]
    assert drifted.get("fluxConfigurations", "edge-baseline")[0] == 404  # no automatic deployment for it
    az("policy", "remediation", "create", "-n", "west-again", "-g", WEST, "--policy-assignment", "west-flux",
       "--resource-discovery-mode", "ReEvaluateCompliance")
    done = wait_remediation(arm, WEST, "west-again")
    assert done["properties"]["deploymentStatus"]["totalDeployments"] == 1
    assert drifted.get("fluxConfigurations", "edge-baseline")[1]["properties"]["gitRepository"]["url"] == REPO
    summary = az("policy", "state", "summarize", "-g", WEST, "-o", "json").json
    assert summary["results"]["nonCompliantResources"] == 0
