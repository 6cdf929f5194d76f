"""`flux export --format arm`: a deployable ARM template of a configuration and the microsoft.flux extension it
needs, for `az deployment group create` (and the DeployIfNotExists policies built on it).

Shape (compared with Azure's built-in Flux policy templates): both resources are extension resources with
`scope` on the cluster, the cluster given by the clusterName and clusterType parameters and its provider derived
with if/equals; the configuration `dependsOn` the extension's id; each secret the configuration uses is a
`securestring` parameter (minLength 1, so an empty value is refused by ARM itself), base64-encoded by the template
where the API stores base64 (protected settings, certificates and keys). Nothing read-only, nothing secret.
"""

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


def _variables(extension_name):
    managed, connected = CLUSTER_TYPES
    return {
        "clusterProvider": f"[if(equals(parameters('clusterType'), '{managed}'), "
                           f"'{CLUSTER_RESOURCE_PROVIDERS[managed]}', '{CLUSTER_RESOURCE_PROVIDERS[connected]}')]",
        "clusterScope": "[format('{0}/{1}/{2}', variables('clusterProvider'), parameters('clusterType'), "
                        "parameters('clusterName'))]",
        "fluxExtensionId": "[extensionResourceId(resourceId(format('{0}/{1}', variables('clusterProvider'), "
                           f"parameters('clusterType')), parameters('clusterName')), '{EXTENSIONS}', "
                           f"'{extension_name}')]",
    }  # fmt: skip


def _parameters(secrets):
    params = {
        "clusterName": {"type": "string", "metadata": {"description": "Name of the cluster to deploy to."}},
        "clusterType": {"type": "string", "allowedValues": list(CLUSTER_TYPES),
                        "metadata": {"description": "managedClusters (AKS) or connectedClusters (Azure Arc)."}},
    }  # fmt: skip
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


def _secret_value(secret):
    """The expression that places a secret parameter: base64 where the API stores base64, null when an
    interchangeable secret is left empty."""
    value = f"parameters('{secret.parameter}')"
    if secret.field.protected or secret.field.file == "text":
        value = f"base64({value})"
    if not secret.required:
        value = f"if(empty(parameters('{secret.parameter}')), json('null'), {value})"
    return f"[{value}]"


def _extension_resource(extension):
    """microsoft.flux as installed: release train, version pin and settings (protected settings are left out)."""
    body = writable_extension(extension)
    return {
        "type": EXTENSIONS, "apiVersion": _sdk.EXTENSIONS_API_VERSION, "name": extension["name"],
        "scope": "[variables('clusterScope')]",
        # Azure Arc extensions run with a system-assigned identity; AKS extensions take none.
        "identity": "[if(equals(parameters('clusterType'), 'connectedClusters'), createObject('type', "
                    "'SystemAssigned'), json('null'))]",
        "properties": body,
    }  # fmt: skip


def _configuration_resource(name, properties, secrets):
    body = writable(properties)
    kind = source_kind(properties)
    for secret in secrets:
        holder, key = place(secret.field, body, kind.property)
        holder[key] = _secret_value(secret)
    return {"type": CONFIGURATIONS, "apiVersion": _sdk.FLUX_CONFIGURATIONS_API_VERSION, "name": name,
            "scope": "[variables('clusterScope')]", "dependsOn": ["[variables('fluxExtensionId')]"],
            "properties": body}  # fmt: skip


def arm_template(name, properties, extension=None):
    """The template (dict) of configuration `name` (API `properties`) and its microsoft.flux `extension` (API
    JSON of the installed one; None: a default install)."""
    extension = extension or DEFAULT_EXTENSION
    secrets = secrets_in_use(properties)
    return {
        "$schema": SCHEMA, "contentVersion": "1.0.0.0",
        "parameters": _parameters(secrets),
        "variables": _variables(extension["name"]),
        "resources": [_extension_resource(extension), _configuration_resource(name, properties, secrets)],
    }  # fmt: skip
