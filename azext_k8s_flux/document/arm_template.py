"""`flux export --format arm`: a deployable ARM template of a configuration and the microsoft.flux extension it
needs, for `az deployment group create` (and the DeployIfNotExists policies built on it).

Shape (compared with Azure's built-in Flux policy templates): both resources are extension resources with
`scope` on the cluster, the cluster given by the clusterName and clusterType parameters and its provider derived
with if/equals; the configuration `dependsOn` the extension's id; each secret the configuration uses is a
`securestring` parameter (minLength 1, so an empty value is refused by ARM itself), base64-encoded by the template
where the API stores base64 (protected settings, certificates and keys). Nothing read-only, nothing secret.

The resource builders serve policy/templates.py too: a policy's deployment names the cluster through parameters
fed by [field('name')] and [field('type')] (its ClusterAddress) and puts parameters in the properties.
"""

from dataclasses import dataclass

from azext_k8s_flux import _sdk
from azext_k8s_flux._cluster import CLUSTER_RESOURCE_PROVIDERS
from azext_k8s_flux.document.references import place
from azext_k8s_flux.document.secrets_in_use import camel, secrets_in_use
from azext_k8s_flux.document.writable import source_kind, writable, writable_extension

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
CLUSTER_TYPES = ("managedClusters", "connectedClusters")  # the clusters microsoft.flux is offered on
EXTENSIONS = "Microsoft.KubernetesConfiguration/extensions"
CONFIGURATIONS = "Microsoft.KubernetesConfiguration/fluxConfigurations"
DEFAULT_EXTENSION = {"name": "flux", "properties": {"extensionType": "microsoft.flux", "autoUpgradeMinorVersion": True,
                                                    "releaseTrain": "Stable"}}  # fmt: skip


@dataclass(frozen=True)
class ClusterAddress:
    """How a template names the cluster it deploys to: its parameters, and the variables derived from them, which
    define clusterScope (an extension resource's scope: provider/type/name) and clusterId; is_arc is an expression
    that is true for an Azure Arc cluster."""

    parameters: dict
    variables: dict
    is_arc: str


def _by_name_and_type():
    """The export's: clusterName and clusterType (managedClusters or connectedClusters) given at deploy time."""
    managed, connected = CLUSTER_TYPES
    provider = "variables('clusterProvider')"
    return ClusterAddress(
        parameters={
            "clusterName": {"type": "string", "metadata": {"description": "Name of the cluster to deploy to."}},
            "clusterType": {"type": "string", "allowedValues": list(CLUSTER_TYPES),
                            "metadata": {"description": "managedClusters (AKS) or connectedClusters (Azure Arc)."}},
        },
        variables={
            "clusterProvider": f"[if(equals(parameters('clusterType'), '{managed}'), "
                               f"'{CLUSTER_RESOURCE_PROVIDERS[managed]}', '{CLUSTER_RESOURCE_PROVIDERS[connected]}')]",
            "clusterScope": f"[format('{{0}}/{{1}}/{{2}}', {provider}, parameters('clusterType'), "
                            "parameters('clusterName'))]",
            "clusterId": f"[resourceId(format('{{0}}/{{1}}', {provider}, parameters('clusterType')), "
                         "parameters('clusterName'))]",
        },
        is_arc=f"equals(parameters('clusterType'), '{connected}')",
    )  # fmt: skip


def _secret_parameters(secrets):
    params = {}
    for secret in secrets:
        spec = {"type": "securestring", "metadata": {"description": f"The value of {secret.field.flag}: "
                                                                    f"{secret.field.help}"}}  # fmt: skip
        if secret.required:
            spec["minLength"] = 1
        else:
            spec["defaultValue"] = ""
            spec["metadata"]["description"] += f" Give this or {camel(secret.alternative)}."
        params[secret.parameter] = spec
    return params


def literal(value):
    """`value` as a template literal: ARM reads a string that starts with '[' as an expression, so such a string
    is escaped as '[['."""
    if isinstance(value, str) and value.startswith("["):
        return "[" + value
    if isinstance(value, dict):
        return {k: literal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [literal(v) for v in value]
    return value


def stored_as_base64(field):
    """The API stores protected settings, certificates and keys base64-encoded: a template encodes them."""
    return bool(field.protected or field.file == "text")


def secret_value(secret):
    """The expression that places a secret parameter: base64 where the API stores base64, null when an
    interchangeable secret is left empty."""
    value = f"parameters('{secret.parameter}')"
    if stored_as_base64(secret.field):
        value = f"base64({value})"
    if not secret.required:
        value = f"if(empty(parameters('{secret.parameter}')), json('null'), {value})"
    return f"[{value}]"


def extension_resource(name, properties, address):
    """microsoft.flux with these (writable) properties, on the cluster `address` names."""
    return {
        "type": EXTENSIONS, "apiVersion": _sdk.EXTENSIONS_API_VERSION, "name": name,
        "scope": "[variables('clusterScope')]",
        # Azure Arc extensions run with a system-assigned identity; AKS extensions take none.
        "identity": f"[if({address.is_arc}, createObject('type', 'SystemAssigned'), json('null'))]",
        "properties": properties,
    }  # fmt: skip


def configuration_resource(name, body, secrets, extension_name):
    """The configuration with these (writable) properties, each secret placed as its parameter, deployed after
    the extension `extension_name`."""
    kind = source_kind(body)
    for secret in secrets:
        holder, key = place(secret.field, body, kind.property)
        holder[key] = secret_value(secret)
    return {"type": CONFIGURATIONS, "apiVersion": _sdk.FLUX_CONFIGURATIONS_API_VERSION, "name": name,
            "scope": "[variables('clusterScope')]",
            "dependsOn": [f"[extensionResourceId(variables('clusterId'), '{EXTENSIONS}', '{extension_name}')]"],
            "properties": body}  # fmt: skip


def template(address, resources, parameters=None):
    return {"$schema": SCHEMA, "contentVersion": "1.0.0.0",
            "parameters": {**address.parameters, **(parameters or {})},
            "variables": dict(address.variables), "resources": resources}  # fmt: skip


def arm_template(name, properties, extension=None):
    """The template (dict) of configuration `name` (API `properties`) and its microsoft.flux `extension` (API
    JSON of the installed one; None: a default install)."""
    extension = extension or DEFAULT_EXTENSION
    secrets = secrets_in_use(properties)
    address = _by_name_and_type()
    resources = [extension_resource(extension["name"], literal(writable_extension(extension)), address),
                 configuration_resource(name, literal(writable(properties)), secrets, extension["name"])]  # fmt: skip
    return template(address, resources, _secret_parameters(secrets))
