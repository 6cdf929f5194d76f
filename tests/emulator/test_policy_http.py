"""Azure Policy over HTTP: definitions, set definitions, assignments with a managed identity, role
assignments, policy states and remediations, in the shapes of the REST specs' examples."""

from __future__ import annotations

import pytest
from emu_helpers import Arm
from policy_http_helpers import (
    AUTHZ_API,
    CONTRIBUTOR,
    EAST,
    READER,
    REPO,
    ROLE_API,
    SUB,
    WEST,
    assign,
    cluster_path,
    flux_definition,
    grant,
    put_definitions,
    query_states,
    remediate,
    remediation_deployments,
    rg_path,
    seed_file,
    sub_path,
    summarize,
)

from arm_emulator.testing import start_emulator

FLUX_API = "2024-11-01"


@pytest.fixture
def arm(tmp_path):
    with start_emulator(tmp_path / "state", seed=seed_file(tmp_path), operation_delay=0.2,
                        extra_args=["--policy-evaluation-delay", "1"]) as emulator:
        yield Arm(emulator)


def config_path(group: str, cluster: str, name: str = "edge-baseline") -> str:
    return f"{cluster_path(group, cluster)}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/{name}"


def test_definitions_are_stored_listed_and_replaced(arm):
    path = sub_path("/providers/Microsoft.Authorization/policyDefinitions/edge-flux-config")
    created = arm.put(path, AUTHZ_API, {"properties": flux_definition()})
    assert created.status_code == 201
    body = created.json()
    assert body["id"] == path and body["name"] == "edge-flux-config"
    assert body["type"] == "Microsoft.Authorization/policyDefinitions"
    assert body["properties"]["policyType"] == "Custom" and body["properties"]["mode"] == "Indexed"
    assert body["properties"]["policyRule"] == flux_definition()["policyRule"]
    assert arm.put(path, AUTHZ_API, {"properties": flux_definition()}).status_code == 201  # the RP's only code
    listed = arm.get(sub_path("/providers/Microsoft.Authorization/policyDefinitions"), AUTHZ_API).json()
    assert [d["name"] for d in listed["value"]] == ["edge-flux-config"]
    # no built-in definitions are modelled: the tenant list is empty and a built-in GET is a 404
    assert arm.get("/providers/Microsoft.Authorization/policyDefinitions", AUTHZ_API).json()["value"] == []
    missing = arm.get("/providers/Microsoft.Authorization/policyDefinitions/edge-flux-config", AUTHZ_API)
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "PolicyDefinitionNotFound")
    assert arm.delete(path, AUTHZ_API).status_code == 200
    assert arm.delete(path, AUTHZ_API).status_code == 204
    assert arm.get(path, AUTHZ_API).status_code == 404


def test_a_definition_the_engine_cannot_evaluate_is_refused(arm):
    bad = flux_definition()
    bad["policyRule"]["if"] = {"field": "type", "resembles": "Microsoft.Kubernetes/connectedClusters"}
    answer = arm.put(sub_path("/providers/Microsoft.Authorization/policyDefinitions/odd"), AUTHZ_API,
                     {"properties": bad})
    assert answer.status_code == 400
    assert "resembles" in answer.json()["error"]["message"]


def test_set_definition_members_must_exist(arm):
    flux_id, ext_id, set_id = put_definitions(arm)
    shown = arm.get(set_id, AUTHZ_API).json()
    assert [m["policyDefinitionReferenceId"] for m in shown["properties"]["policyDefinitions"]] == \
        ["fluxExtension", "fluxConfiguration"]
    unknown = sub_path("/providers/Microsoft.Authorization/policyDefinitions/not-there")
    body = {"properties": {"policyDefinitions": [{"policyDefinitionId": unknown}]}}
    answer = arm.put(sub_path("/providers/Microsoft.Authorization/policySetDefinitions/broken"), AUTHZ_API, body)
    assert answer.status_code == 404
    assert answer.json()["error"] == {"code": "PolicyDefinitionNotFound",
                                      "message": "The policy definition 'not-there' could not be found."}
    body = {"properties": {"policyDefinitions": [{"policyDefinitionId": flux_id,
                                                  "parameters": {"colour": {"value": "blue"}}}]}}
    answer = arm.put(sub_path("/providers/Microsoft.Authorization/policySetDefinitions/broken"), AUTHZ_API, body)
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "UndefinedPolicyParameter")


def test_assignment_checks_identity_location_and_parameters(arm):
    flux_id, _, _ = put_definitions(arm)
    no_location = assign(arm, EAST, "edge", flux_id, {"repositoryUrl": REPO}, identity={"type": "SystemAssigned"})
    assert (no_location.status_code, no_location.json()["error"]["code"]) == (400, "LocationRequired")
    no_identity = assign(arm, EAST, "edge", flux_id, {"repositoryUrl": REPO})
    assert no_identity.status_code == 400
    assert no_identity.json()["error"] == {"code": "ResourceIdentityRequired", "message": (
        "The policy assignment 'edge' request is invalid. Policy assignments must include a resource identity when "
        "assigning 'DeployIfNotExists' policy definitions.")}
    audit_only = assign(arm, WEST, "edge-off", flux_id, {"repositoryUrl": REPO, "effect": "Disabled"})
    assert audit_only.status_code == 201  # a disabled rule deploys nothing: no identity needed
    unknown = assign(arm, EAST, "edge", flux_id, {"repositoryUrl": REPO, "colour": "blue"})
    assert unknown.status_code == 400
    assert unknown.json()["error"] == {"code": "UndefinedPolicyParameter", "message": (
        "The policy assignment 'edge' has the parameter(s) 'colour' which are not defined in the policy "
        "definition 'edge-flux-config'.")}
    missing = assign(arm, EAST, "edge", flux_id, {})
    assert (missing.status_code, missing.json()["error"]["code"]) == (400, "MissingPolicyParameter")
    disallowed = assign(arm, EAST, "edge", flux_id, {"repositoryUrl": REPO, "effect": "Audit"})
    assert (disallowed.status_code, disallowed.json()["error"]["code"]) == (400, "PolicyParameterValueNotAllowed")
    nowhere = assign(arm, EAST, "edge", sub_path("/providers/Microsoft.Authorization/policyDefinitions/gone"), {})
    assert (nowhere.status_code, nowhere.json()["error"]["code"]) == (404, "PolicyDefinitionNotFound")
    created = assign(arm, EAST, "edge", flux_id, {"repositoryUrl": REPO}, identity={"type": "SystemAssigned"},
                     location="eastus")
    assert created.status_code == 201
    body = created.json()
    assert body["identity"]["type"] == "SystemAssigned" and len(body["identity"]["principalId"]) == 36
    assert body["properties"]["scope"] == rg_path(EAST) and body["location"] == "eastus"
    again = assign(arm, EAST, "edge", flux_id, {"repositoryUrl": REPO}, identity={"type": "SystemAssigned"},
                   location="eastus")
    assert again.status_code == 201
    assert again.json()["identity"]["principalId"] == body["identity"]["principalId"]
    listed = arm.get(sub_path("/providers/Microsoft.Authorization/policyAssignments"), AUTHZ_API).json()["value"]
    assert [a["name"] for a in listed] == ["edge-off", "edge"]
    at_exact = arm.get(sub_path("/providers/Microsoft.Authorization/policyAssignments"), AUTHZ_API,
                       **{"$filter": "atScope()"}).json()["value"]
    assert at_exact == []  # both are at resource groups below the subscription
    at_west = arm.get(rg_path(WEST, "/providers/Microsoft.Authorization/policyAssignments"), AUTHZ_API).json()
    assert [a["name"] for a in at_west["value"]] == ["edge-off"]


def test_role_definitions_and_assignments(arm):
    found = arm.get(sub_path("/providers/Microsoft.Authorization/roleDefinitions"), ROLE_API,
                    **{"$filter": "roleName eq 'Contributor'"}).json()["value"]
    assert [(r["name"], r["properties"]["roleName"]) for r in found] == [(CONTRIBUTOR, "Contributor")]
    assert found[0]["id"] == sub_path(f"/providers/Microsoft.Authorization/roleDefinitions/{CONTRIBUTOR}")
    principal = "3b9c1f00-1111-4222-8333-444455556666"
    created = grant(arm, rg_path(EAST), principal, name="6f1e0c1a-9d1b-4a55-8a1e-2f3c4d5e6f70")
    assert created.status_code == 201
    props = created.json()["properties"]
    assert props["scope"] == rg_path(EAST) and props["principalId"] == principal
    duplicate = grant(arm, rg_path(EAST), principal)
    assert (duplicate.status_code, duplicate.json()["error"]["code"]) == (409, "RoleAssignmentExists")
    unknown_role = grant(arm, rg_path(EAST), principal, role="00000000-0000-4000-8000-000000000bad")
    assert (unknown_role.status_code, unknown_role.json()["error"]["code"]) == (400, "RoleDefinitionDoesNotExist")
    listed = arm.get(sub_path("/providers/Microsoft.Authorization/roleAssignments"), ROLE_API,
                     **{"$filter": f"principalId eq '{principal}'"}).json()["value"]
    assert [r["name"] for r in listed] == ["6f1e0c1a-9d1b-4a55-8a1e-2f3c4d5e6f70"]
    west = arm.get(rg_path(WEST, "/providers/Microsoft.Authorization/roleAssignments"), ROLE_API).json()["value"]
    assert west == []


def test_remediation_without_the_role_fails_with_the_reason(arm):
    flux_id, _, _ = put_definitions(arm)
    assignment = assign(arm, EAST, "edge", flux_id, {"repositoryUrl": REPO}, identity={"type": "SystemAssigned"},
                        location="eastus").json()
    principal = assignment["identity"]["principalId"]
    assert grant(arm, rg_path(EAST), principal, role=READER).status_code == 201  # reading is not deploying
    done = remediate(arm, rg_path(EAST), "no-role", assignment["id"])
    assert done["properties"]["provisioningState"] == "Failed"
    assert done["properties"]["deploymentStatus"] == {"totalDeployments": 3, "successfulDeployments": 0,
                                                     "failedDeployments": 3}
    entries = remediation_deployments(arm, rg_path(EAST), "no-role")
    assert {e["status"] for e in entries} == {"Failed"}
    assert {e["error"]["code"] for e in entries} == {"AuthorizationFailed"}
    assert f"The client '{principal}' with object id '{principal}' does not have authorization to perform " \
           "action 'Microsoft.Resources/deployments/write'" in entries[0]["error"]["message"]
    assert arm.get(config_path(EAST, "edge-00"), FLUX_API).status_code == 404


def test_remediation_deploys_to_exactly_the_assigned_group(arm):
    flux_id, _, _ = put_definitions(arm)
    assignment = assign(arm, EAST, "edge", flux_id, {"repositoryUrl": REPO}, identity={"type": "SystemAssigned"},
                        location="eastus").json()
    before = query_states(arm, rg_path(EAST), **{"$filter": "complianceState eq 'NonCompliant'"})
    assert before["@odata.count"] == 3
    assert {s["policyDefinitionAction"] for s in before["value"]} == {"deployifnotexists"}
    assert grant(arm, rg_path(EAST), assignment["identity"]["principalId"]).status_code == 201
    done = remediate(arm, rg_path(EAST), "roll-out", assignment["id"])
    assert done["properties"]["provisioningState"] == "Succeeded"
    assert done["properties"]["deploymentStatus"] == {"totalDeployments": 3, "successfulDeployments": 3,
                                                     "failedDeployments": 0}
    entries = remediation_deployments(arm, rg_path(EAST), "roll-out")
    assert sorted(e["remediatedResourceId"] for e in entries) == [cluster_path(EAST, f"edge-{i:02d}") for i in range(3)]
    assert all(e["deploymentId"].startswith(rg_path(EAST, "/providers/Microsoft.Resources/deployments/"))
               for e in entries)
    for i in range(3):
        config = arm.get(config_path(EAST, f"edge-{i:02d}"), FLUX_API).json()["properties"]
        assert config["gitRepository"]["url"] == REPO and sorted(config["kustomizations"]) == ["apps", "infra"]
    for i in range(2):
        assert arm.get(config_path(WEST, f"aks-{i:02d}"), FLUX_API).status_code == 404
    after = summarize(arm, rg_path(EAST))["value"][0]
    assert after["results"]["nonCompliantResources"] == 0
    assert after["results"]["resourceDetails"] == [{"complianceState": "compliant", "count": 3},
                                                   {"complianceState": "noncompliant", "count": 0}]
    assert [a["policyAssignmentId"] for a in after["policyAssignments"]] == [assignment["id"]]


def test_new_cluster_gets_the_configuration_and_a_deleted_one_is_restored(arm):
    flux_id, _, _ = put_definitions(arm)
    assignment = assign(arm, EAST, "edge", flux_id, {"repositoryUrl": REPO}, identity={"type": "SystemAssigned"},
                        location="eastus").json()
    grant(arm, rg_path(EAST), assignment["identity"]["principalId"])
    assert remediate(arm, rg_path(EAST), "first", assignment["id"])["properties"]["provisioningState"] == "Succeeded"
    new = cluster_path(EAST, "edge-09")
    assert arm.put(new, "2024-01-01", {"location": "eastus", "properties": {}}).status_code == 201
    shown = arm.wait(config_path(EAST, "edge-09"), FLUX_API, lambda b: "properties" in b, timeout=20)
    assert shown["properties"]["gitRepository"]["url"] == REPO
    assert arm.delete(config_path(EAST, "edge-01"), FLUX_API).status_code in (200, 202)
    arm.wait(config_path(EAST, "edge-01"), FLUX_API, lambda b: "error" in b)
    trigger = arm.call("POST", rg_path(EAST, "/providers/Microsoft.PolicyInsights/policyStates/latest/"
                                             "triggerEvaluation"), "2019-10-01")
    assert trigger.status_code == 202 and "Location" in trigger.headers
    assert arm.session.get(trigger.headers["Location"], timeout=10).status_code == 200
    bad = query_states(arm, rg_path(EAST), **{"$filter": "IsCompliant eq false"})["value"]
    assert [s["resourceId"] for s in bad] == [cluster_path(EAST, "edge-01")]
    # a cluster the assignment had seen before is not deployed to by itself: it waits for a remediation
    assert arm.get(config_path(EAST, "edge-01"), FLUX_API).status_code == 404
    again = remediate(arm, rg_path(EAST), "second", assignment["id"], mode="ReEvaluateCompliance")
    assert again["properties"]["deploymentStatus"]["totalDeployments"] == 1
    assert arm.get(config_path(EAST, "edge-01"), FLUX_API).json()["properties"]["gitRepository"]["url"] == REPO


def test_resource_graph_lists_the_policy_states(arm):
    flux_id, _, _ = put_definitions(arm)
    assignment = assign(arm, EAST, "edge", flux_id, {"repositoryUrl": REPO}, identity={"type": "SystemAssigned"},
                        location="eastus").json()
    query = ("policyresources | where type == 'microsoft.policyinsights/policystates' "
             "| extend state = tostring(properties.complianceState) "
             "| project resourceId = tostring(properties.resourceId), resourceGroup, state, "
             "assignment = tostring(properties.policyAssignmentId) | order by resourceId asc")
    answer = arm.call("POST", "/providers/Microsoft.ResourceGraph/resources", "2022-10-01",
                      {"query": query, "subscriptions": [SUB]})
    assert answer.status_code == 200, answer.text
    assert answer.json()["data"] == [{"resourceId": cluster_path(EAST, f"edge-{i:02d}"),
                                      "resourceGroup": EAST, "state": "NonCompliant",
                                      "assignment": assignment["id"]} for i in range(3)]


def test_initiative_remediation_needs_a_member_reference(arm):
    _, _, set_id = put_definitions(arm)
    assignment = assign(arm, EAST, "edge-set", set_id, {"repositoryUrl": REPO, "multiTenancyEnforce": "true"},
                        identity={"type": "SystemAssigned"}, location="eastus").json()
    grant(arm, rg_path(EAST), assignment["identity"]["principalId"])
    path = rg_path(EAST, "/providers/Microsoft.PolicyInsights/remediations/fix")
    missing = arm.put(path, "2021-10-01", {"properties": {"policyAssignmentId": assignment["id"]}})
    assert missing.status_code == 400
    assert "fluxExtension, fluxConfiguration" in missing.json()["error"]["message"]
    unknown = arm.put(path, "2021-10-01", {"properties": {"policyAssignmentId": assignment["id"],
                                                         "policyDefinitionReferenceId": "nope"}})
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (400, "InvalidPolicyDefinitionReferenceId")
    states = query_states(arm, rg_path(EAST))["value"]
    assert sorted({s["policyDefinitionReferenceId"] for s in states}) == ["fluxConfiguration", "fluxExtension"]
    assert {s["policySetDefinitionId"] for s in states} == {set_id}
    done = remediate(arm, rg_path(EAST), "fix-ext", assignment["id"], reference="fluxExtension")
    assert done["properties"]["provisioningState"] == "Succeeded"
    settings = arm.get(f"{cluster_path(EAST, 'edge-02')}/providers/Microsoft.KubernetesConfiguration/extensions/flux",
                       FLUX_API).json()["properties"]["configurationSettings"]
    assert settings == {"multiTenancy.enforce": "true"}  # the set's parameter reached its member
    summary = summarize(arm, rg_path(EAST))["value"][0]["policyAssignments"][0]
    by_member = {d["policyDefinitionReferenceId"]: d["results"]["nonCompliantResources"]
                 for d in summary["policyDefinitions"]}
    assert by_member == {"fluxExtension": 0, "fluxConfiguration": 3}
    listed = arm.get(rg_path(EAST, "/providers/Microsoft.PolicyInsights/remediations"), "2021-10-01").json()
    assert [r["name"] for r in listed["value"]] == ["fix-ext"]
    assert arm.delete(rg_path(EAST, "/providers/Microsoft.PolicyInsights/remediations/fix-ext"),
                      "2021-10-01").status_code == 200
    ended = arm.call("POST", rg_path(EAST, "/providers/Microsoft.PolicyInsights/remediations/fix-ext/cancel"),
                     "2021-10-01")
    assert (ended.status_code, ended.json()["error"]["code"]) == (404, "RemediationNotFound")


def test_a_running_remediation_can_be_canceled(arm):
    flux_id, _, _ = put_definitions(arm)
    assignment = assign(arm, EAST, "edge", flux_id, {"repositoryUrl": REPO}, identity={"type": "SystemAssigned"},
                        location="eastus").json()
    path = rg_path(EAST, "/providers/Microsoft.PolicyInsights/remediations/stop-me")
    assert arm.put(path, "2021-10-01", {"properties": {"policyAssignmentId": assignment["id"]}}).status_code == 201
    canceled = arm.call("POST", path + "/cancel", "2021-10-01")
    assert canceled.json()["properties"]["provisioningState"] == "Cancelling"
    assert arm.wait(path, "2021-10-01", lambda b: b["properties"]["provisioningState"] == "Canceled")[
        "properties"]["provisioningState"] == "Canceled"
    again = arm.call("POST", path + "/cancel", "2021-10-01")
    assert (again.status_code, again.json()["error"]["code"]) == (400, "InvalidCancelRemediationRequest")


def test_states_at_an_assignments_and_a_definitions_own_path(arm):
    flux_id, _, _ = put_definitions(arm)
    east = assign(arm, EAST, "edge", flux_id, {"repositoryUrl": REPO}, identity={"type": "SystemAssigned"},
                  location="eastus").json()
    west = assign(arm, WEST, "aks", flux_id, {"repositoryUrl": REPO}, identity={"type": "SystemAssigned"},
                  location="westeurope").json()
    by_assignment = query_states(arm, east["id"])
    assert by_assignment["@odata.count"] == 3
    assert {s["policyAssignmentName"] for s in by_assignment["value"]} == {"edge"}
    by_definition = query_states(arm, flux_id)["value"]
    assert sorted(s["policyAssignmentName"] for s in by_definition) == ["aks"] * 2 + ["edge"] * 3
    top = query_states(arm, sub_path(), **{"$top": "2", "$select": "resourceId, complianceState",
                                           "$orderby": "resourceId desc"})["value"]
    assert [set(s) - {"@odata.id", "@odata.context"} for s in top] == [{"resourceId", "complianceState"}] * 2
    assert [s["resourceId"] for s in top] == [cluster_path(WEST, "aks-01"), cluster_path(WEST, "aks-00")]
    assert summarize(arm, west["id"])["value"][0]["results"]["nonCompliantResources"] == 2
    bad = arm.call("POST", sub_path("/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults"),
                   "2019-10-01", **{"$filter": "complianceState gt 'A'"})
    assert (bad.status_code, bad.json()["error"]["code"]) == (400, "InvalidFilterParameter")
    gone = query_states(arm, sub_path("/providers/Microsoft.Authorization/policyAssignments/ghost"))
    assert gone["error"]["code"] == "PolicyAssignmentNotFound"


@pytest.mark.parametrize("fixture, parameters", [
    ("flux-extension", {}),
    ("flux-git-public", {"configurationName": "fleet-public", "repositoryUrl": REPO, "repositoryRefBranch": "main"}),
])
def test_built_in_flux_definitions_remediate_through_the_deployments(arm, fixture, parameters):
    """The engine's minimal fixtures of Azure's built-in Flux definitions, assigned and remediated over HTTP."""
    from policy_helpers import definition

    path = sub_path(f"/providers/Microsoft.Authorization/policyDefinitions/{fixture}")
    assert arm.put(path, AUTHZ_API, {"properties": definition(fixture)}).status_code == 201
    assignment = assign(arm, WEST, fixture, path, parameters, identity={"type": "SystemAssigned"},
                        location="westeurope").json()
    grant(arm, rg_path(WEST), assignment["identity"]["principalId"])
    done = remediate(arm, rg_path(WEST), f"fix-{fixture}", assignment["id"])
    assert done["properties"]["provisioningState"] == "Succeeded", remediation_deployments(
        arm, rg_path(WEST), f"fix-{fixture}")
    assert done["properties"]["deploymentStatus"]["successfulDeployments"] == 2
    assert summarize(arm, rg_path(WEST))["value"][0]["results"]["nonCompliantResources"] == 0
