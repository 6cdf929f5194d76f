"""Handlers of the resource-provider routes: translate HTTP into backend calls and outcomes into responses."""

from __future__ import annotations

from types import ModuleType

from aiohttp import web

from ..core.addressing import Address
from ..core.context import Context
from ..core.errors import method_not_allowed
from ..core.paging import list_response
from ..providers import clusters
from ..providers.common import Outcome
from .aad import base_url
from .httpio import empty_response, json_response, query, read_json, require_api_version


async def handle_config(ctx: Context, request: web.Request, addr: Address, backend: ModuleType,
                        api_version: str) -> web.Response:
    """extensions, fluxConfigurations and sourceControlConfigurations share one HTTP shape."""
    method = request.method
    if addr.level == "configs":
        if method != "GET":
            raise method_not_allowed(method, addr.path)
        return list_response(ctx, request, [backend.render(r, api_version) for r in backend.list_items(ctx, addr)])
    if method == "GET":
        return json_response(backend.render(backend.get(ctx, addr), api_version))
    trigger = (method, request.path)
    if method == "PUT":
        outcome = backend.put(ctx, addr, await read_json(request), trigger)
    elif method == "PATCH" and hasattr(backend, "patch"):
        outcome = backend.patch(ctx, addr, await read_json(request), trigger)
    elif method == "DELETE":
        force = (query(request, "forceDelete") or "").lower() == "true"
        outcome = backend.delete(ctx, addr, force, trigger)
    else:
        raise method_not_allowed(method, addr.path)
    return respond(ctx, request, outcome, backend, api_version)


def respond(ctx: Context, request: web.Request, outcome: Outcome, backend: ModuleType,
            api_version: str) -> web.Response:
    headers = lro_headers(ctx, request, outcome, api_version) if outcome.operation else None
    if outcome.resource is None or request.method == "DELETE":
        return empty_response(outcome.status, headers)
    return json_response(backend.render(outcome.resource, api_version), status=outcome.status, headers=headers)


def lro_headers(ctx: Context, request: web.Request, outcome: Outcome, api_version: str) -> dict[str, str]:
    """Absolute https poll URL: the SDK's bearer policy refuses anything else."""
    url = f"{base_url(request)}{outcome.operation.id}?api-version={api_version}"
    return {"Azure-AsyncOperation": url, "Retry-After": str(ctx.settings.retry_after)}


async def handle_cluster(ctx: Context, request: web.Request, addr: Address) -> web.Response:
    namespace, _ = clusters.cluster_kind(addr, require_api_version(request))
    method = request.method
    if addr.level == "clusters":
        if method != "GET":
            raise method_not_allowed(method, addr.path)
        return list_response(ctx, request, [clusters.cluster_body(c) for c in clusters.list_items(ctx, addr)])
    if method == "GET":
        return json_response(clusters.cluster_body(clusters.require_cluster(ctx, addr)))
    if method == "PUT":
        outcome = clusters.put(ctx, addr, await read_json(request, required=False), namespace)
        return json_response(clusters.cluster_body(outcome.resource), status=outcome.status)
    if method == "DELETE":
        return empty_response(clusters.delete(ctx, addr).status)
    raise method_not_allowed(method, addr.path)
