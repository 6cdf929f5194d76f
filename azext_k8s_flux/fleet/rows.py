"""Resource Graph rows into the fleet's own rows (pure). ARG spells extension properties in PascalCase and
configuration properties in camelCase; reading every property case-insensitively accepts both, and survives ARG
fixing either."""

from azext_k8s_flux._cluster import CLUSTER_TYPES

_CLUSTER_TYPES_BY_LOWER = {kind.lower(): kind for kind in CLUSTER_TYPES}


def prop(properties, name, default=None):
    """`properties[name]`, whatever the casing of the key."""
    if not isinstance(properties, dict):
        return default
    if name in properties:
        return properties[name]
    lowered = name.lower()
    return next((value for key, value in properties.items() if key.lower() == lowered), default)


def cluster_of(resource_id):
    """(cluster id, cluster type, cluster name) of a cluster or of a resource inside a cluster's provider scope."""
    text = str(resource_id or "")
    cut = text.lower().find("/providers/microsoft.kubernetesconfiguration/")
    cluster_id = text if cut < 0 else text[:cut]
    segments = cluster_id.strip("/").split("/")
    kind = segments[-2] if len(segments) >= 2 else ""
    return cluster_id, _CLUSTER_TYPES_BY_LOWER.get(kind.lower(), kind), segments[-1] if segments else ""


def configuration_row(row):
    """One Flux configuration as the fleet commands show it."""
    from azext_k8s_flux.compliance import FAILED, evaluate
    from azext_k8s_flux.fleet.kql import PENDING

    # The fleet's own query projects the properties it needs as columns; a raw ARG row nests them.
    properties = _json(row["properties"]) if "properties" in row else row
    compliance = prop(properties, "complianceState") or PENDING  # tostring() of a missing value is ""
    _, cluster_type, cluster = cluster_of(row.get("id"))
    report = evaluate({"name": row.get("name"), "properties": _camel(properties)})
    return {
        "cluster": cluster,
        "clusterType": cluster_type,
        "resourceGroup": row.get("resourceGroup"),
        "subscriptionId": row.get("subscriptionId"),
        "configuration": row.get("name"),
        "complianceState": compliance,
        "provisioningState": prop(properties, "provisioningState") or None,
        "sourceSyncedCommitId": prop(properties, "sourceSyncedCommitId") or None,
        "sourceUpdatedAt": prop(properties, "sourceUpdatedAt") or None,
        "statusUpdatedAt": prop(properties, "statusUpdatedAt") or None,
        "message": _failure(report.summary, row.get("name")) if report.outcome == FAILED else None,
        "id": row.get("id"),
    }


def cluster_row(row):
    """One cluster (from `resources`)."""
    _, cluster_type, _ = cluster_of(row.get("id"))
    return {
        "cluster": row.get("name"),
        "clusterType": cluster_type,
        "resourceGroup": row.get("resourceGroup"),
        "subscriptionId": row.get("subscriptionId"),
        "location": row.get("location"),
        "id": row.get("id"),
    }


def extension_row(row):
    """One cluster extension; the failure message is that of its first status, as Azure's dashboards show it."""
    properties = _json(row.get("properties"))
    _, cluster_type, cluster = cluster_of(row.get("id"))
    statuses = prop(properties, "statuses") or []
    state = prop(properties, "provisioningState")
    message = prop(statuses[0], "message") if statuses and str(state).lower() == "failed" else None
    return {
        "cluster": cluster,
        "clusterType": cluster_type,
        "resourceGroup": row.get("resourceGroup"),
        "subscriptionId": row.get("subscriptionId"),
        "location": row.get("location"),
        "extension": row.get("name"),
        "extensionType": prop(properties, "extensionType"),
        "version": prop(properties, "version"),
        "provisioningState": state,
        "autoUpgradeMinorVersion": prop(properties, "autoUpgradeMinorVersion"),
        "releaseTrain": prop(properties, "releaseTrain"),
        "message": message,
        "id": row.get("id"),
    }


def _failure(summary, name):
    prefix = f"{name} is not compliant: "
    return summary[len(prefix):] if summary.startswith(prefix) else summary


def _camel(properties):
    """The keys compliance.evaluate reads, whatever their casing in the row."""
    keys = ("provisioningState", "complianceState", "suspend", "errorMessage", "sourceSyncedCommitId")
    return {**{key: prop(properties, key) for key in keys}, "statuses": _json(prop(properties, "statuses")) or []}


def _json(value):
    # Some ARG clients hand `properties` over as a JSON string; the SDK gives a dict.
    if isinstance(value, str):
        import json

        try:
            return json.loads(value)
        except ValueError:
            return {}
    return value or {}
