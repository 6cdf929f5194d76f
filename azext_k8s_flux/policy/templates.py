"""The deployment templates the definitions run: the microsoft.flux extension, and the configuration (which
carries the extension too, with dependsOn, so that a configuration is never deployed before its extension).

Both address the evaluated cluster through `[field('name')]` and `[field('type')]`, passed as the deployment's
parameters, for AKS and Arc clusters alike.
"""

from azext_k8s_flux import _sdk
from azext_k8s_flux.policy.aliases import EXTENSION_TYPE, FLUX_TYPE

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
_IS_ARC = "contains(toLower(parameters('clusterResourceType')), 'connectedclusters')"
_VARIABLES = {
    "clusterType": f"[if({_IS_ARC}, 'Microsoft.Kubernetes/connectedClusters', "
                   "'Microsoft.ContainerService/managedClusters')]",
    "clusterId": "[resourceId(variables('clusterType'), parameters('clusterName'))]",
}  # fmt: skip
# An extension resource's scope as ARM templates write it: provider/type/name of the resource it extends.
_SCOPE = "[concat(variables('clusterType'), '/', parameters('clusterName'))]"
CLUSTER_PARAMETERS = {"clusterName": {"type": "string"}, "clusterResourceType": {"type": "string"}}
CLUSTER_VALUES = {"clusterName": {"value": "[field('name')]"}, "clusterResourceType": {"value": "[field('type')]"}}


def extension_resource(name, properties):
    """microsoft.flux as installed (`properties` with its parameters in place): Arc clusters give the extension a
    system-assigned identity, as the k8s-extension command does; AKS assigns its own."""
    return {
        "type": EXTENSION_TYPE, "apiVersion": _sdk.EXTENSIONS_API_VERSION, "name": name,
        "scope": _SCOPE,
        "identity": f"[if({_IS_ARC}, createObject('type', 'SystemAssigned'), json('null'))]",
        "properties": properties,
    }  # fmt: skip


def configuration_resource(name, properties, extension_name):
    return {
        "type": FLUX_TYPE, "apiVersion": _sdk.FLUX_CONFIGURATIONS_API_VERSION, "name": name,
        "scope": _SCOPE,
        "dependsOn": [f"[extensionResourceId(variables('clusterId'), '{EXTENSION_TYPE}', '{extension_name}')]"],
        "properties": properties,
    }  # fmt: skip


def template(resources, parameters=None):
    return {"$schema": SCHEMA, "contentVersion": "1.0.0.0",
            "parameters": {**CLUSTER_PARAMETERS, **(parameters or {})},
            "variables": dict(_VARIABLES), "resources": resources}  # fmt: skip


def deployment(resources, parameters=None, values=None):
    """`details.deployment` of a DeployIfNotExists rule."""
    return {"properties": {"mode": "incremental", "template": template(resources, parameters),
                           "parameters": {**CLUSTER_VALUES, **(values or {})}}}  # fmt: skip
