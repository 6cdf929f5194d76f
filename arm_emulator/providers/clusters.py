"""Parent clusters: managedClusters, connectedClusters, provisionedClusters and appliances.

Kept minimal but shaped like the real resources, since the CLI reads a few of their fields
(location, identity, connectivity). Writes are synchronous.
"""

from __future__ import annotations

from typing import Any

from ..core.addressing import CLUSTER_KINDS, Address
from ..core.armcore import require_registered, require_resource_group
from ..core.context import LOCATION, TENANT_ID, Context
from ..core.errors import ArmError
from ..core.timestamps import timestamp
from ..store import Resource
from .common import Outcome, principal_id


def cluster_kind(addr: Address, api_version: str) -> tuple[str, str]:
    """Canonical (namespace, type) of the cluster in the URL, or 404 InvalidResourceType."""
    kind = CLUSTER_KINDS.get(addr.cluster_type.lower())
    if kind is None or kind[0].lower() != addr.namespace.lower():
        raise ArmError(404, "InvalidResourceType",
                       f"The resource type '{addr.cluster_type}' could not be found in the namespace "
                       f"'{addr.namespace}' for api version '{api_version}'.")
    return kind


def collection_key(addr: Address) -> str:
    return f"{addr.rg_path}/providers/{addr.namespace}/{addr.cluster_type}"


def require_cluster(ctx: Context, addr: Address) -> Resource:
    """The parent cluster of a KubernetesConfiguration resource, with ARM's not-found texts."""
    require_resource_group(ctx, addr)
    cluster = ctx.store.get(addr.cluster_path)
    if cluster is None:
        raise ArmError(
            404, "ResourceNotFound",
            f"The Resource '{addr.namespace}/{addr.cluster_type}/{addr.cluster}' under resource group "
            f"'{addr.resource_group}' was not found. For more details please go to "
            "https://aka.ms/ARMResourceNotFoundFix",
        )
    return cluster


def default_properties(cluster_type: str, name: str, now: float) -> dict[str, Any]:
    if cluster_type == "managedClusters":
        return {"kubernetesVersion": "1.31.2", "dnsPrefix": name, "fqdn": f"{name.lower()}.hcp.emulator.invalid",
                "powerState": {"code": "Running"}, "agentPoolProfiles": [{"name": "nodepool1", "count": 3}]}
    if cluster_type == "connectedClusters":
        return {"agentPublicKeyCertificate": "", "kubernetesVersion": "1.31.2", "totalNodeCount": 3,
                "agentVersion": "1.21.10", "distribution": "k3s", "infrastructure": "generic",
                "connectivityStatus": "Connected", "totalCoreCount": 6, "lastConnectivityTime": timestamp(now),
                "managedIdentityCertificateExpirationTime": timestamp(now + 90 * 86400),
                "aadProfile": {"tenantId": "", "clientAppId": "", "serverAppId": ""}}
    if cluster_type == "provisionedClusters":
        return {"kubernetesVersion": "1.30.4", "status": {"currentState": "Succeeded"}}
    return {"distro": "AKSEdge", "infrastructureConfig": {"provider": "HCI"}, "status": "Running", "version": "1.0"}


def make_cluster(addr: Address, body: dict[str, Any], existing: Resource | None, now: float) -> Resource:
    namespace, cluster_type = CLUSTER_KINDS[addr.cluster_type.lower()]
    props = dict(default_properties(cluster_type, addr.cluster, now))
    props.update(body.get("properties") or {})
    props["provisioningState"] = "Succeeded"
    stored: dict[str, Any] = {
        "location": body.get("location") or (existing.body.get("location") if existing else LOCATION),
        "tags": body.get("tags") or {},
        "properties": props,
        "type": f"{namespace}/{cluster_type}",
    }
    if cluster_type != "managedClusters" or "identity" in body:
        stored["identity"] = {"type": "SystemAssigned", "principalId": principal_id(addr.cluster_path),
                              "tenantId": TENANT_ID}
    if body.get("kind"):
        stored["kind"] = body["kind"]
    return Resource(addr.cluster_path, "cluster", collection_key(addr), addr.cluster_path, stored)


def cluster_body(cluster: Resource) -> dict[str, Any]:
    body = {"id": cluster.id, "name": cluster.id.rsplit("/", 1)[-1], **cluster.body}
    return {k: v for k, v in body.items() if v is not None}


def list_items(ctx: Context, addr: Address) -> list[Resource]:
    require_resource_group(ctx, addr)
    return ctx.store.children(collection_key(addr))


def put(ctx: Context, addr: Address, body: dict[str, Any], namespace: str) -> Outcome:
    """Synchronous, as the CLI never waits on a cluster."""
    existing = ctx.store.get(addr.cluster_path)
    require_resource_group(ctx, addr)
    require_registered(ctx, addr.subscription, namespace)
    cluster = make_cluster(addr, body, existing, ctx.now())
    with ctx.store.tx():
        ctx.store.put(cluster)
    return Outcome(200 if existing else 201, cluster)


def delete(ctx: Context, addr: Address) -> Outcome:
    require_resource_group(ctx, addr)
    if ctx.store.get(addr.cluster_path) is None:
        return Outcome(204)
    with ctx.store.tx():
        ctx.store.delete_tree(addr.cluster_path)
    return Outcome(200)
