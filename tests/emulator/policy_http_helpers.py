"""Our own small DeployIfNotExists definitions and the ARM calls the Azure Policy tests make over HTTP."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from emu_helpers import Arm

SUB = "7d1c2a90-3e4f-4b5a-8c6d-0e1f2a3b4c5d"
EAST, WEST = "rg-fleet-east", "rg-fleet-west"
AUTHZ_API = "2025-11-01"
ROLE_API = "2022-04-01"
STATES_API = "2019-10-01"
REMEDIATION_API = "2021-10-01"
CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c"
READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
REPO = "https://example.org/platform/edge-manifests"
CLUSTER_TYPES = ["Microsoft.Kubernetes/connectedClusters", "Microsoft.ContainerService/managedClusters"]
FLUX_TYPE = "Microsoft.KubernetesConfiguration/fluxConfigurations"
EXT_TYPE = "Microsoft.KubernetesConfiguration/extensions"


def seed_file(tmp_path: Path, east: int = 3, west: int = 2) -> Path:
    """Connected clusters in the east group, AKS clusters in the west one."""
    groups = [{"name": EAST, "location": "eastus",
               "clusters": [{"name": f"edge-{i:02d}", "type": "connectedClusters"} for i in range(east)]},
              {"name": WEST, "location": "westeurope",
               "clusters": [{"name": f"aks-{i:02d}", "type": "managedClusters"} for i in range(west)]}]
    path = tmp_path / "policy-seed.json"
    path.write_text(json.dumps({"subscriptions": [{"id": SUB, "resourceGroups": groups}]}), encoding="utf-8")
    return path


def _dine(details_type: str, name: str, condition: dict, resource: dict, parameters: dict) -> dict[str, Any]:
    template = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                "contentVersion": "1.0.0.0",
                "parameters": {"clusterType": {"type": "string"}, "clusterName": {"type": "string"},
                               **{p: {"type": "string"} for p in parameters}},
                "resources": [{**resource, "name": name,
                               "scope": "[concat(parameters('clusterType'), '/', parameters('clusterName'))]"}]}
    values = {"clusterType": {"value": "[field('type')]"}, "clusterName": {"value": "[field('name')]"},
              **{p: {"value": f"[parameters('{p}')]"} for p in parameters}}
    return {"mode": "Indexed", "displayName": f"Deploy {name} to Kubernetes clusters",
            "parameters": {**{p: {"type": "String", **spec} for p, spec in parameters.items()},
                           "effect": {"type": "String", "allowedValues": ["DeployIfNotExists", "Disabled"],
                                      "defaultValue": "DeployIfNotExists"}},
            "policyRule": {"if": {"field": "type", "in": CLUSTER_TYPES},
                           "then": {"effect": "[parameters('effect')]", "details": {
                               "type": details_type, "name": name, "existenceCondition": condition,
                               "roleDefinitionIds": [f"/providers/Microsoft.Authorization/roleDefinitions/"
                                                     f"{CONTRIBUTOR}"],
                               "deployment": {"properties": {"mode": "incremental", "template": template,
                                                             "parameters": values}}}}}}


def flux_definition() -> dict[str, Any]:
    condition = {"allOf": [{"field": f"{FLUX_TYPE}/gitRepository.url", "equals": "[parameters('repositoryUrl')]"},
                           {"field": f"{FLUX_TYPE}/provisioningState", "notEquals": "Failed"}]}
    resource = {"type": FLUX_TYPE, "apiVersion": "2024-11-01", "properties": {
        "scope": "cluster", "namespace": "edge-system", "sourceKind": "GitRepository",
        "gitRepository": {"url": "[parameters('repositoryUrl')]",
                          "repositoryRef": {"branch": "[parameters('branch')]"}},
        "kustomizations": {"infra": {"path": "./infra", "prune": True},
                           "apps": {"path": "./apps", "dependsOn": ["infra"], "prune": True}}}}
    return _dine(FLUX_TYPE, "edge-baseline", condition, resource,
                 {"repositoryUrl": {}, "branch": {"defaultValue": "main"}})


def extension_definition() -> dict[str, Any]:
    condition = {"field": f"{EXT_TYPE}/extensionType", "equals": "microsoft.flux"}
    resource = {"type": EXT_TYPE, "apiVersion": "2024-11-01", "properties": {
        "extensionType": "microsoft.flux", "autoUpgradeMinorVersion": True,
        "configurationSettings": {"multiTenancy.enforce": "[parameters('multiTenancyEnforce')]"}}}
    return _dine(EXT_TYPE, "flux", condition, resource,
                 {"multiTenancyEnforce": {"defaultValue": "false", "allowedValues": ["true", "false"]}})


def set_definition(flux_id: str, ext_id: str) -> dict[str, Any]:
    return {"displayName": "Flux on every cluster", "parameters": {
                "repositoryUrl": {"type": "String"}, "multiTenancyEnforce": {"type": "String",
                                                                             "defaultValue": "false"}},
            "policyDefinitions": [
                {"policyDefinitionId": ext_id, "policyDefinitionReferenceId": "fluxExtension",
                 "parameters": {"multiTenancyEnforce": {"value": "[parameters('multiTenancyEnforce')]"}}},
                {"policyDefinitionId": flux_id, "policyDefinitionReferenceId": "fluxConfiguration",
                 "parameters": {"repositoryUrl": {"value": "[parameters('repositoryUrl')]"}}}]}


def sub_path(tail: str = "") -> str:
    return f"/subscriptions/{SUB}{tail}"


def rg_path(group: str, tail: str = "") -> str:
    return f"/subscriptions/{SUB}/resourceGroups/{group}{tail}"


def cluster_path(group: str, name: str) -> str:
    provider = "Microsoft.Kubernetes/connectedClusters" if group == EAST else \
        "Microsoft.ContainerService/managedClusters"
    return rg_path(group, f"/providers/{provider}/{name}")


def put_definitions(arm: Arm) -> tuple[str, str, str]:
    """The two definitions and the set; their ids."""
    ids = []
    for kind, name, body in (("policyDefinitions", "edge-flux-config", flux_definition()),
                             ("policyDefinitions", "edge-flux-extension", extension_definition())):
        answer = arm.put(sub_path(f"/providers/Microsoft.Authorization/{kind}/{name}"), AUTHZ_API,
                         {"properties": body})
        assert answer.status_code == 201, answer.text
        ids.append(answer.json()["id"])
    answer = arm.put(sub_path("/providers/Microsoft.Authorization/policySetDefinitions/edge-flux"), AUTHZ_API,
                     {"properties": set_definition(ids[0], ids[1])})
    assert answer.status_code == 201, answer.text
    return ids[0], ids[1], answer.json()["id"]


def assign(arm: Arm, group: str, name: str, definition_id: str, parameters: dict, **extra: Any):
    body = {"properties": {"policyDefinitionId": definition_id,
                           "parameters": {k: {"value": v} for k, v in parameters.items()}}, **extra}
    return arm.put(rg_path(group, f"/providers/Microsoft.Authorization/policyAssignments/{name}"), AUTHZ_API, body)


def grant(arm: Arm, scope: str, principal: str, role: str = CONTRIBUTOR, name: str = "") -> Any:
    import uuid

    body = {"properties": {"roleDefinitionId": sub_path(f"/providers/Microsoft.Authorization/roleDefinitions/{role}"),
                           "principalId": principal, "principalType": "ServicePrincipal"}}
    return arm.put(f"{scope}/providers/Microsoft.Authorization/roleAssignments/{name or uuid.uuid4()}", ROLE_API,
                   body)


def remediate(arm: Arm, scope: str, name: str, assignment_id: str, reference: str | None = None,
              mode: str | None = None) -> dict[str, Any]:
    """Create the remediation and wait until it has ended; its final body."""
    props: dict[str, Any] = {"policyAssignmentId": assignment_id}
    if reference:
        props["policyDefinitionReferenceId"] = reference
    if mode:
        props["resourceDiscoveryMode"] = mode
    path = f"{scope}/providers/Microsoft.PolicyInsights/remediations/{name}"
    created = arm.put(path, REMEDIATION_API, {"properties": props})
    assert created.status_code == 201, created.text
    assert created.json()["properties"]["provisioningState"] == "Accepted"
    return arm.wait(path, REMEDIATION_API, lambda b: b["properties"]["provisioningState"] in ("Succeeded", "Failed"),
                    timeout=30)


def remediation_deployments(arm: Arm, scope: str, name: str) -> list[dict[str, Any]]:
    path = f"{scope}/providers/Microsoft.PolicyInsights/remediations/{name}/listDeployments"
    return arm.call("POST", path, REMEDIATION_API).json()["value"]


def query_states(arm: Arm, scope: str, **options: str) -> dict[str, Any]:
    path = f"{scope}/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults"
    return arm.call("POST", path, STATES_API, **options).json()


def summarize(arm: Arm, scope: str, **options: str) -> dict[str, Any]:
    path = f"{scope}/providers/Microsoft.PolicyInsights/policyStates/latest/summarize"
    return arm.call("POST", path, STATES_API, **options).json()
