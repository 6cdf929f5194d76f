"""The deployment templates the definitions run: the microsoft.flux extension, and the configuration (which
carries the extension too, with dependsOn, so that a configuration is never deployed before its extension).

The resources are the export's (document/arm_template.py); here the cluster is the evaluated one, its
`[field('name')]` and `[field('type')]` passed as the deployment's parameters, for AKS and Arc clusters alike.
"""

from azext_k8s_flux.document import arm_template
from azext_k8s_flux.document.arm_template import ClusterAddress

_IS_ARC = "contains(toLower(parameters('clusterResourceType')), 'connectedclusters')"
EVALUATED_CLUSTER = ClusterAddress(
    parameters={"clusterName": {"type": "string"}, "clusterResourceType": {"type": "string"}},
    variables={
        "clusterType": f"[if({_IS_ARC}, 'Microsoft.Kubernetes/connectedClusters', "
                       "'Microsoft.ContainerService/managedClusters')]",
        "clusterScope": "[concat(variables('clusterType'), '/', parameters('clusterName'))]",
        "clusterId": "[resourceId(variables('clusterType'), parameters('clusterName'))]",
    },
    is_arc=_IS_ARC,
)  # fmt: skip
CLUSTER_VALUES = {"clusterName": {"value": "[field('name')]"}, "clusterResourceType": {"value": "[field('type')]"}}


def extension_resource(name, properties):
    """microsoft.flux as installed (`properties` with its parameters in place)."""
    return arm_template.extension_resource(name, properties, EVALUATED_CLUSTER)


def configuration_resource(name, properties, secrets, extension_name):
    """The configuration (`properties` with its parameters in place, `secrets` placed as template parameters)."""
    return arm_template.configuration_resource(name, properties, secrets, extension_name)


def deployment(resources, parameters=None, values=None):
    """`details.deployment` of a DeployIfNotExists rule."""
    return {"properties": {"mode": "incremental",
                           "template": arm_template.template(EVALUATED_CLUSTER, resources, parameters),
                           "parameters": {**CLUSTER_VALUES, **(values or {})}}}  # fmt: skip
