"""Microsoft.KubernetesConfiguration/extensionTypes: the read-only catalogue of installable extension types.

Served at three scopes, with the shapes of the REST specs (extensionTypes/, 2023-05-01-preview to 2026-05-01)
and the recorded real traffic of the official k8s-extension tests:
- cluster:      .../{clusterRp}/{clusterType}/{cluster}/providers/Microsoft.KubernetesConfiguration/extensionTypes
                [/{type}[/versions[/{version}]]]  (only types that support the cluster's kind)
- location:     /subscriptions/{s}/providers/Microsoft.KubernetesConfiguration/locations/{location}/extensionTypes
                [/{type}[/versions[/{version}]]]
- subscription: /subscriptions/{s}/providers/Microsoft.KubernetesConfiguration/extensionTypes[/{type}]
                (api-version 2026-05-01 only)
The catalogue itself is ``providers/extension_catalogue.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiohttp import web

from ..core.addressing import CONFIG_NS, Address
from ..core.context import Context
from ..core.errors import ArmError, method_not_allowed
from ..core.paging import list_response
from ..providers.extension_catalogue import (
    API_VERSIONS,
    CATALOGUE,
    DEFAULT_TRAIN,
    REGIONS,
    SUBSCRIPTION_API_VERSIONS,
    TYPE,
    VERSION_TYPE,
    Entry,
    supports,
)
from .httpio import check_api_version, json_response, query


@dataclass(frozen=True)
class Scope:
    kind: str  # "cluster", "location" or "subscription"
    path: str
    base: str  # path up to and including /extensionTypes
    type_name: str = ""
    versions: bool = False
    version: str = ""
    location: str = ""
    cluster: Address | None = None

    @property
    def subscription(self) -> str:
        return self.path.split("/")[2]


def match(raw_path: str) -> Scope | None:
    """The extensionTypes route a path names, or None when it is not one."""
    seg = [s for s in raw_path.split("/") if s]
    low = [s.lower() for s in seg]
    ns = CONFIG_NS.lower()
    if len(seg) >= 5 and low[0] == "subscriptions" and low[2:4] == ["providers", ns]:
        if low[4] == "extensiontypes" and len(seg) <= 6:
            return _scope("subscription", seg, 5)
        if low[4] == "locations" and len(seg) >= 7 and low[6] == "extensiontypes":
            return _scope("location", seg, 7, location=seg[5])
    if len(seg) >= 11 and low[0] == "subscriptions" and low[2] == "resourcegroups" and low[4] == "providers" \
            and low[8:11] == ["providers", ns, "extensiontypes"]:
        cluster = Address("extension_types", "/" + "/".join(seg), subscription=seg[1], resource_group=seg[3],
                          namespace=seg[5], cluster_type=seg[6], cluster=seg[7])
        return _scope("cluster", seg, 11, cluster=cluster)
    return None


def _scope(kind: str, seg: list[str], base: int, **extra: Any) -> Scope | None:
    rest = seg[base:]
    if len(rest) > 3 or (len(rest) >= 2 and rest[1].lower() != "versions"):
        return None
    return Scope(kind, "/" + "/".join(seg), "/" + "/".join(seg[:base]), type_name=rest[0] if rest else "",
                 versions=len(rest) >= 2, version=rest[2] if len(rest) == 3 else "", **extra)


async def handle(ctx: Context, request: web.Request, scope: Scope) -> web.Response:
    allowed = SUBSCRIPTION_API_VERSIONS if scope.kind == "subscription" else API_VERSIONS
    api_version = check_api_version(request, "extensionTypes", allowed, locations=(scope.location or "eastus",))
    if request.method != "GET":
        raise method_not_allowed(request.method, scope.path)
    cluster_type = _cluster_type(ctx, scope, api_version)
    entries = [e for e in CATALOGUE if cluster_type is None or supports(e, cluster_type)]
    if scope.kind == "location":
        _check_location(scope.location)
    if cluster_type is None:  # location and subscription lists take the kind of cluster as a filter
        wanted = query(request, "clusterType")
        entries = [e for e in entries if not wanted or supports(e, wanted)]
    if not scope.type_name:
        entries = [e for e in entries if _offered(e, request)]
        return list_response(ctx, request, [_render_type(e, scope, api_version) for e in entries])
    entry = next((e for e in entries if e.name == scope.type_name.lower()), None)
    if entry is None:
        raise ArmError(404, "ResourceNotFound", f"Extension type '{scope.type_name}' was not found"
                       f"{_where(scope, cluster_type)}.")
    if not scope.versions:
        return json_response(_render_type(entry, scope, api_version))
    if scope.version:
        if scope.version not in {v for v, _ in entry.versions}:
            raise ArmError(404, "ResourceNotFound", f"Version '{scope.version}' of extension type '{entry.name}' "
                           f"was not found{_where(scope, cluster_type)}.")
        return json_response(_render_version(entry, scope.version, scope, api_version))
    versions = _filtered_versions(entry, request)
    return list_response(ctx, request, [_render_version(entry, v, scope, api_version) for v in versions])


def _cluster_type(ctx: Context, scope: Scope, api_version: str) -> str | None:
    """The canonical kind of the cluster in a cluster-scoped path (which must exist), else None."""
    from ..core.armcore import require_subscription
    from ..providers.clusters import cluster_kind, require_cluster

    if scope.cluster is None:
        require_subscription(ctx, scope.subscription)
        return None

    kind = cluster_kind(scope.cluster, api_version)
    require_cluster(ctx, scope.cluster)
    return kind[1]


def _check_location(location: str) -> None:
    if location.lower() not in REGIONS:
        raise ArmError(404, "LocationNotAvailableForResourceType",
                       f"The provided location '{location}' is not available for resource type '{TYPE}'. List of "
                       f"available regions for the resource type is '{','.join(REGIONS)}'.")


def _where(scope: Scope, cluster_type: str | None) -> str:
    if cluster_type:
        return f" for {cluster_type} '{scope.cluster.cluster}'"
    return f" in location '{scope.location}'" if scope.location else ""


def _offered(entry: Entry, request: web.Request) -> bool:
    """List filters: release train (the entry has a version on it) and Marketplace plan (none are plans here)."""
    train = (query(request, "releaseTrain") or "").lower()
    if train and not any(train in trains for _, trains in entry.versions):
        return False
    return not any(query(request, name) for name in ("publisherId", "offerId", "planId"))


def _filtered_versions(entry: Entry, request: web.Request) -> list[str]:
    """releaseTrain (default stable), majorVersion and showLatest, newest first."""
    train = (query(request, "releaseTrain") or DEFAULT_TRAIN).lower()
    major = query(request, "majorVersion")
    versions = [v for v, trains in entry.versions if train in trains and (not major or v.split(".")[0] == major)]
    versions.sort(key=lambda v: tuple(int(p) for p in v.split(".")), reverse=True)
    if (query(request, "showLatest") or "").lower() == "true":
        versions = versions[:1]
    return versions


def _render_type(entry: Entry, scope: Scope, api_version: str) -> dict[str, Any]:
    settings: dict[str, Any] | None = None
    if entry.scope == "cluster":
        settings = {"allowMultipleInstances": entry.multiple, "defaultReleaseNamespace": entry.namespace}
        if api_version == "2024-11-01-preview":  # that version nests them as a proxy resource
            settings = {"id": f"{scope.base}/{entry.name}/clusterScopeSettings/default", "name": "default",
                        "type": f"{TYPE}/clusterScopeSettings", "properties": settings}
    props: dict[str, Any] = {
        "description": entry.description, "isSystemExtension": False, "publisher": entry.publisher,
        "isManagedIdentityRequired": entry.identity, "supportedClusterTypes": list(entry.cluster_types),
        "supportedScopes": {"defaultScope": entry.scope, "clusterScopeSettings": settings},
        "planInfo": None,
    }
    if api_version == "2023-05-01-preview":
        props = {"extensionType": entry.name, **props}
    if scope.kind == "subscription":
        props.update(supportedRegions=list(REGIONS), additionalDetails=None)
    return {"id": f"{scope.base}/{entry.name}", "name": entry.name, "type": TYPE, "properties": props}


def _render_version(entry: Entry, version: str, scope: Scope, api_version: str) -> dict[str, Any]:
    unsupported = {"connectedCluster": None, "appliances": None, "provisionedCluster": None, "managedCluster": None}
    props: dict[str, Any] = {"version": version, "unsupportedKubernetesVersions": unsupported}
    if api_version != "2023-05-01-preview":  # recorded 2023-05-01-preview answers have no supportedClusterTypes
        props["supportedClusterTypes"] = list(entry.cluster_types)
    return {"id": f"{scope.base}/{entry.name}/versions/{version}", "name": version, "type": VERSION_TYPE,
            "properties": props}
