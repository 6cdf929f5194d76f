"""The Resource Graph queries the fleet commands send (pure: text in, text out; tests pin them as golden KQL).

ARG quirks they follow: `kubernetesconfigurationresources` may be queried alone but cannot start a join, so a
query that needs clusters starts from `resources`; extension rows spell their properties in PascalCase
(`properties.ExtensionType`), Flux configuration rows in camelCase (`properties.complianceState`). Every query
keeps `id` and orders by it: ARG pages stably only then.
"""

FLUX_CONFIGURATION_TYPE = "microsoft.kubernetesconfiguration/fluxconfigurations"
EXTENSION_TYPE = "microsoft.kubernetesconfiguration/extensions"
CLUSTER_RESOURCE_TYPES = (
    "microsoft.containerservice/managedclusters",
    "microsoft.kubernetes/connectedclusters",
    "microsoft.hybridcontainerservice/provisionedclusters",
    "microsoft.resourceconnector/appliances",
)
_CLUSTER_ID = ("substring(tolower(id), 0, indexof(tolower(id), "
               "'/providers/microsoft.kubernetesconfiguration/'))")  # fmt: skip
# A configuration the agent has not reported on yet has no complianceState: Azure's own dashboards call it Pending.
PENDING = "Pending"


def literal(value):
    """A KQL string literal."""
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def _one_of(column, values):
    values = list(values or ())
    if not values:
        return []
    if len(values) == 1:
        return [f"| where {column} =~ {literal(values[0])}"]
    return [f"| where {column} in~ ({', '.join(map(literal, values))})"]


# What a fleet row needs of a configuration; `statuses` (the bulk of a row) only where something is not Compliant.
_CONFIGURATION_COLUMNS = (
    "id", "name", "type", "resourceGroup", "subscriptionId", "location", "complianceState",
    "provisioningState = tostring(properties.provisioningState)",
    "sourceSyncedCommitId = tostring(properties.sourceSyncedCommitId)",
    "sourceUpdatedAt = tostring(properties.sourceUpdatedAt)",
    "statusUpdatedAt = tostring(properties.statusUpdatedAt)",
    "suspend = properties.suspend",
    "errorMessage = tostring(properties.errorMessage)",
    "statuses = iff(complianceState =~ 'Compliant', dynamic(null), properties.statuses)",
)


def flux_configurations(names=None, resource_groups=None, compliance_states=None, url=None):
    """One row per Flux configuration, with the properties the fleet shows; optionally filtered server-side (by
    name, resource group, compliance state and the Git repository the configurations follow)."""
    states = list(compliance_states or ())
    if any(state.lower() == PENDING.lower() for state in states):
        states.append("")
    lines = [
        "kubernetesconfigurationresources",
        f"| where type =~ {literal(FLUX_CONFIGURATION_TYPE)}",
        *_one_of("name", names),
        *_one_of("resourceGroup", resource_groups),
        *_one_of("tostring(properties.gitRepository.url)", [url] if url else None),
        "| extend complianceState = tostring(properties.complianceState)",
        *_one_of("complianceState", states),
        "| project " + ",\n    ".join(_CONFIGURATION_COLUMNS),
        "| order by id asc",
    ]
    return "\n".join(lines)


def clusters_without_configuration(name, resource_groups=None):
    """Clusters in scope with no Flux configuration called `name` (the join starts from `resources`)."""
    lines = [
        "resources",
        f"| where type in~ ({', '.join(map(literal, CLUSTER_RESOURCE_TYPES))})",
        *_one_of("resourceGroup", resource_groups),
        "| extend clusterId = tolower(id)",
        "| join kind=leftouter (kubernetesconfigurationresources",
        f"    | where type =~ {literal(FLUX_CONFIGURATION_TYPE)}",
        f"    | where name =~ {literal(name)}",
        f"    | extend clusterId = {_CLUSTER_ID}",
        "    | project clusterId, configurationId = id) on clusterId",
        "| where isempty(configurationId)",
        "| project id, name, type, resourceGroup, subscriptionId, location",
        "| order by id asc",
    ]
    return "\n".join(lines)


def cluster_count(resource_groups=None):
    """How many clusters the scope holds (asked only when a fleet query found nothing, to say why)."""
    lines = [
        "resources",
        f"| where type in~ ({', '.join(map(literal, CLUSTER_RESOURCE_TYPES))})",
        *_one_of("resourceGroup", resource_groups),
        "| summarize clusters = count()",
    ]
    return "\n".join(lines)


def extensions(extension_type, resource_groups=None):
    """One row per extension of `extension_type` on a cluster in scope, with the cluster's region (extension
    resources have none, and the version catalogue is per region). PascalCase properties, as ARG stores them."""
    lines = [
        "resources",
        f"| where type in~ ({', '.join(map(literal, CLUSTER_RESOURCE_TYPES))})",
        *_one_of("resourceGroup", resource_groups),
        "| project clusterId = tolower(id), clusterLocation = location",
        "| join kind=inner (kubernetesconfigurationresources",
        f"    | where type =~ {literal(EXTENSION_TYPE)}",
        f"    | where tostring(properties.ExtensionType) =~ {literal(extension_type)}",
        f"    | extend clusterId = {_CLUSTER_ID}) on clusterId",
        "| project id, name, type, resourceGroup, subscriptionId, location = clusterLocation, properties",
        "| order by id asc",
    ]
    return "\n".join(lines)
