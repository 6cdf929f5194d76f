"""ARM's own resources: tenants, subscriptions, provider registration and resource groups."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from ..httpapi.httpio import empty_response, json_response, read_json
from ..providers.versions import TABLES, version_key
from ..store import Resource
from .addressing import CONFIG_NS, Address
from .context import LOCATION, Context
from .errors import ArmError, method_not_allowed
from .paging import list_response

# Resource types each modelled namespace registers, with the api-versions the emulator serves (newest first).
PROVIDER_TYPES: dict[str, dict[str, list[str]]] = {
    CONFIG_NS: {
        **{name: list(reversed(table.versions)) for name, table in TABLES.items()},
        "operations": sorted({v for table in TABLES.values() for v in table.versions}, key=version_key, reverse=True),
    },
    "Microsoft.ContainerService": {"managedClusters": ["2025-01-01", "2024-09-01"]},
    "Microsoft.Kubernetes": {"connectedClusters": ["2024-12-01-preview", "2024-01-01"]},
    "Microsoft.HybridContainerService": {"provisionedClusters": ["2024-01-01"]},
    "Microsoft.ResourceConnector": {"appliances": ["2022-10-27"]},
    "Microsoft.Resources": {"resourceGroups": ["2022-09-01"], "subscriptions": ["2022-12-01"]},
}
_CANONICAL_NS = {ns.lower(): ns for ns in PROVIDER_TYPES}


def sub_key(subscription: str) -> str:
    return f"/subscriptions/{subscription}".lower()


def require_subscription(ctx: Context, subscription: str) -> Resource:
    sub = ctx.store.get(sub_key(subscription))
    if sub is None:
        raise ArmError(404, "SubscriptionNotFound", f"The subscription '{subscription}' could not be found.")
    return sub


def require_resource_group(ctx: Context, addr: Address) -> Resource:
    require_subscription(ctx, addr.subscription)
    rg = ctx.store.get(addr.rg_path)
    if rg is None:
        raise ArmError(404, "ResourceGroupNotFound", f"Resource group '{addr.resource_group}' could not be found.")
    return rg


def require_registered(ctx: Context, subscription: str, namespace: str) -> None:
    """ARM refuses writes for a namespace the subscription is not registered for (§6.15)."""
    state = ctx.store.provider_state(subscription, namespace)
    if state is None or state[1] != "Registered":
        ns = _CANONICAL_NS.get(namespace.lower(), namespace)
        message = (f"The subscription is not registered to use namespace '{ns}'. "
                   "See https://aka.ms/rps-not-found for how to register subscriptions.")
        raise ArmError(409, "MissingSubscriptionRegistration", message,
                       details=[{"code": "MissingSubscriptionRegistration", "target": ns, "message": message}])


def subscription_body(sub: Resource) -> dict[str, Any]:
    body = sub.body
    return {
        "id": sub.id,
        "authorizationSource": "RoleBased",
        "managedByTenants": [],
        "subscriptionId": body["subscriptionId"],
        "tenantId": body["tenantId"],
        "displayName": body["displayName"],
        "state": body.get("state", "Enabled"),
        "subscriptionPolicies": {"locationPlacementId": "Public_2014-09-01", "quotaId": "PayAsYouGo_2014-09-01",
                                 "spendingLimit": "Off"},
    }


def provider_body(subscription: str, namespace: str, state: str) -> dict[str, Any]:
    types = PROVIDER_TYPES.get(namespace, {})
    return {
        "id": f"/subscriptions/{subscription}/providers/{namespace}",
        "namespace": namespace,
        "authorizations": [],
        "resourceTypes": [
            {"resourceType": name, "locations": ["East US", "West Europe"], "apiVersions": versions,
             "defaultApiVersion": versions[0], "capabilities": "SupportsExtension" if namespace == CONFIG_NS else
             "SupportsTags, SupportsLocation"}
            for name, versions in types.items()
        ],
        "registrationState": state,
        "registrationPolicy": "RegistrationRequired",
    }


def rg_body(rg: Resource) -> dict[str, Any]:
    return {
        "id": rg.id,
        "name": rg.id.rsplit("/", 1)[-1],
        "type": "Microsoft.Resources/resourceGroups",
        "location": rg.body.get("location", LOCATION),
        "managedBy": rg.body.get("managedBy"),
        "tags": rg.body.get("tags") or {},
        "properties": {"provisioningState": "Succeeded"},
    }


async def handle(ctx: Context, request: web.Request, addr: Address) -> web.Response:
    method = request.method
    level = addr.level
    if level == "tenants" and method == "GET":
        tenants = sorted({s.body["tenantId"] for s in ctx.store.children("/subscriptions")})
        return list_response(ctx, request, [{"id": f"/tenants/{t}", "tenantId": t, "tenantCategory": "Home",
                                             "displayName": "ARM emulator tenant"} for t in tenants])
    if level == "subscriptions" and method == "GET":
        return list_response(ctx, request, [subscription_body(s) for s in ctx.store.children("/subscriptions")])
    if level == "subscription" and method == "GET":
        return json_response(subscription_body(require_subscription(ctx, addr.subscription)))
    if level in ("providers", "provider", "provider_action"):
        return _providers(ctx, request, addr)
    if level in ("resource_groups", "resource_group"):
        return await _resource_groups(ctx, request, addr)
    raise method_not_allowed(method, addr.path)


def _providers(ctx: Context, request: web.Request, addr: Address) -> web.Response:
    require_subscription(ctx, addr.subscription)
    sub = addr.subscription
    if addr.level == "providers":
        if request.method != "GET":
            raise method_not_allowed(request.method, addr.path)
        known = dict(ctx.store.providers(sub))
        return list_response(ctx, request, [provider_body(sub, ns, known.get(ns, "NotRegistered"))
                                            for ns in PROVIDER_TYPES])
    namespace = _CANONICAL_NS.get(addr.namespace.lower())
    if namespace is None:
        raise ArmError(404, "InvalidResourceNamespace", f"The resource namespace '{addr.namespace}' is invalid.")
    if addr.level == "provider":
        if request.method != "GET":
            raise method_not_allowed(request.method, addr.path)
    elif request.method != "POST":
        raise method_not_allowed(request.method, addr.path)
    else:
        with ctx.store.tx():
            ctx.store.set_provider(sub, namespace, "Registered" if addr.action == "register" else "NotRegistered")
    state = ctx.store.provider_state(sub, namespace)
    return json_response(provider_body(sub, namespace, state[1] if state else "NotRegistered"))


async def _resource_groups(ctx: Context, request: web.Request, addr: Address) -> web.Response:
    require_subscription(ctx, addr.subscription)
    store = ctx.store
    if addr.level == "resource_groups":
        if request.method != "GET":
            raise method_not_allowed(request.method, addr.path)
        parent = f"/subscriptions/{addr.subscription}/resourcegroups"
        return list_response(ctx, request, [rg_body(rg) for rg in store.children(parent)])
    existing = store.get(addr.key)
    if request.method == "GET":
        if existing is None:
            require_resource_group(ctx, addr)
        return json_response(rg_body(existing))
    if request.method == "HEAD":
        return empty_response(204 if existing else 404)
    if request.method in ("PUT", "PATCH"):
        body = await read_json(request)
        if request.method == "PUT" and not body.get("location"):
            raise ArmError(400, "LocationRequired", "The location property is required for this definition.")
        if request.method == "PATCH" and existing is None:
            require_resource_group(ctx, addr)
        merged = dict(existing.body) if existing else {}
        merged.update({k: body[k] for k in ("location", "tags", "managedBy") if k in body})
        rid = addr.path if request.method == "PUT" or existing is None else existing.id
        res = Resource(addr.key, "resourceGroup", f"/subscriptions/{addr.subscription}/resourcegroups", rid, merged)
        with store.tx():
            store.put(res)
        return json_response(rg_body(res), status=200 if existing else 201)
    if request.method == "DELETE":
        if existing is None:
            return empty_response(204)
        with store.tx():
            store.delete_tree(addr.key)
        return empty_response(200)
    raise method_not_allowed(request.method, addr.path)
