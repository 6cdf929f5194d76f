"""ARM URL grammar: turns a request path into an ``Address``.

ARM compares every segment and name case-insensitively but hands the user's casing back, so an
Address keeps the path as sent (``path``) next to a lower-cased identity (``key``) used for storage.
"""

from __future__ import annotations

from dataclasses import dataclass

CONFIG_NS = "Microsoft.KubernetesConfiguration"

# clusterRp/clusterResourceName pairs the emulator models, by lower-cased resource type.
CLUSTER_KINDS = {
    "managedclusters": ("Microsoft.ContainerService", "managedClusters"),
    "connectedclusters": ("Microsoft.Kubernetes", "connectedClusters"),
    "provisionedclusters": ("Microsoft.HybridContainerService", "provisionedClusters"),
    "appliances": ("Microsoft.ResourceConnector", "appliances"),
}

# Child resource types of Microsoft.KubernetesConfiguration, by lower-cased segment.
CONFIG_TYPES = {
    "extensions": "extensions",
    "fluxconfigurations": "fluxConfigurations",
    "sourcecontrolconfigurations": "sourceControlConfigurations",
}


@dataclass(frozen=True)
class Address:
    level: str  # which route matched; see parse()
    path: str  # path as sent (duplicate slashes removed)
    subscription: str = ""
    resource_group: str = ""
    namespace: str = ""  # provider namespace (registration routes) or cluster RP
    cluster_type: str = ""
    cluster: str = ""
    config_type: str = ""  # canonical CONFIG_TYPES value
    name: str = ""
    operation_id: str = ""
    action: str = ""

    @property
    def key(self) -> str:
        return self.path.lower()

    def _leading(self, segments: int) -> str:
        """The path cut after its first `segments` segments."""
        return "/" + "/".join(self.path.strip("/").split("/")[:segments])

    @property
    def cluster_path(self) -> str:
        return self._leading(8)

    @property
    def rg_path(self) -> str:
        return self._leading(4)

    @property
    def collection_path(self) -> str:
        return self._leading(11)

    @property
    def item_path(self) -> str:
        return self._leading(12)


def parse(raw_path: str) -> Address | None:
    """Match the path against the routes the emulator serves; None when nothing matches."""
    seg = [s for s in raw_path.split("/") if s]
    path = "/" + "/".join(seg)
    low = [s.lower() for s in seg]
    n = len(seg)
    if n == 0 or low[0] != "subscriptions":
        return Address("tenants", path) if low == ["tenants"] else None
    if n == 1:
        return Address("subscriptions", path)
    sub = seg[1]
    if n == 2:
        return Address("subscription", path, subscription=sub)
    if low[2] == "providers":
        if n == 3:
            return Address("providers", path, subscription=sub)
        if n == 4:
            return Address("provider", path, subscription=sub, namespace=seg[3])
        if n == 5 and low[4] in ("register", "unregister"):
            return Address("provider_action", path, subscription=sub, namespace=seg[3], action=low[4])
        return None
    if low[2] != "resourcegroups":
        return None
    if n == 3:
        return Address("resource_groups", path, subscription=sub)
    rg = seg[3]
    if n == 4:
        return Address("resource_group", path, subscription=sub, resource_group=rg)
    if low[4] != "providers" or n < 7:
        return None
    common = dict(subscription=sub, resource_group=rg, namespace=seg[5], cluster_type=seg[6])
    if n == 7:
        return Address("clusters", path, **common)
    common["cluster"] = seg[7]
    if n == 8:
        return Address("cluster", path, **common)
    if n < 11 or low[8] != "providers" or low[9] != CONFIG_NS.lower() or low[10] not in CONFIG_TYPES:
        return None
    common["config_type"] = CONFIG_TYPES[low[10]]
    if n == 11:
        return Address("configs", path, **common)
    common["name"] = seg[11]
    if n == 12:
        return Address("config", path, **common)
    if n == 14 and low[12] == "operations":
        return Address("operation", path, operation_id=seg[13], **common)
    return None


def request_kind(path: str) -> str:
    """Which surface a path belongs to: the request log and faults filter on it."""
    low = path.lower().lstrip("/")
    if low.startswith("_emulator"):
        return "admin"
    if low.startswith("metadata/"):
        return "metadata"
    if "/oauth2/" in low or "/.well-known/" in low or low.startswith("common/discovery"):
        return "aad"
    return "arm"
