"""Templates and calls shared by the deployment tests (our own small templates, in the shapes ARM accepts)."""

from __future__ import annotations

from typing import Any

from emu_helpers import Arm

from arm_emulator.testing import RESOURCE_GROUP, SUBSCRIPTION_ID

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
API = "2025-04-01"
EXT = "Microsoft.KubernetesConfiguration/extensions"
FLUX = "Microsoft.KubernetesConfiguration/fluxConfigurations"
CLUSTER_SCOPE = "[concat('Microsoft.Kubernetes/connectedClusters/', parameters('clusterName'))]"
FLUX_EXTENSION_ID = ("[extensionResourceId(resourceId('Microsoft.Kubernetes/connectedClusters', "
                     "parameters('clusterName')), 'Microsoft.KubernetesConfiguration/extensions', 'flux')]")


def deployment_path(name: str, rg: str = RESOURCE_GROUP) -> str:
    return f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{rg}/providers/Microsoft.Resources/deployments/{name}"


def template(resources: list[dict[str, Any]], parameters: dict[str, Any] | None = None,
             outputs: dict[str, Any] | None = None, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"$schema": SCHEMA, "contentVersion": "1.0.0.0",
            "parameters": {"clusterName": {"type": "string"}, **(parameters or {})},
            "variables": variables or {}, "resources": resources, "outputs": outputs or {}}


def flux_extension(**settings: str) -> dict[str, Any]:
    return {"type": EXT, "apiVersion": "2024-11-01", "name": "flux", "scope": CLUSTER_SCOPE,
            "properties": {"extensionType": "microsoft.flux", "autoUpgradeMinorVersion": True,
                           "configurationSettings": settings}}


def flux_configuration(name: str = "apps", depends: tuple[str, ...] = (FLUX_EXTENSION_ID,), **props: Any
                       ) -> dict[str, Any]:
    body = {"scope": "cluster", "namespace": "apps", "sourceKind": "GitRepository",
            "gitRepository": {"url": "https://github.com/contoso/fleet-config", "repositoryRef": {"branch": "main"}},
            "kustomizations": {"infra": {"path": "./infra"}, "apps": {"path": "./apps", "dependsOn": ["infra"]}}}
    body.update(props)
    return {"type": FLUX, "apiVersion": "2024-11-01", "name": name, "scope": CLUSTER_SCOPE,
            "dependsOn": list(depends), "properties": body}


def deploy(arm: Arm, name: str, tmpl: dict[str, Any], params: dict[str, Any] | None = None, rg: str = RESOURCE_GROUP):
    body = {"properties": {"mode": "Incremental", "template": tmpl,
                           "parameters": {k: {"value": v} for k, v in (params or {}).items()}}}
    return arm.put(deployment_path(name, rg), API, body)


def finished(arm: Arm, name: str, rg: str = RESOURCE_GROUP) -> dict[str, Any]:
    return arm.wait(deployment_path(name, rg), API,
                    lambda b: b.get("properties", {}).get("provisioningState") in ("Succeeded", "Failed"))


def operations(arm: Arm, name: str) -> list[dict[str, Any]]:
    path = f"/subscriptions/{SUBSCRIPTION_ID}/resourcegroups/{RESOURCE_GROUP}/deployments/{name}/operations"
    return arm.get(path, API).json()["value"]
