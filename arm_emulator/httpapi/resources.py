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
from ..providers.versions import DELETED_BODY
from .aad import base_url
from .httpio import empty_response, json_response, query, read_json, require_api_version


async def handle_config(ctx: Context, request: web.Request, addr: Address, backend: ModuleType,
                        api_version: str) -> web.Response:
    """extensions, fluxConfigurations and sourceControlConfigurations share one HTTP shape."""
    method = request.method
    if addr.level == "configs":
        if method != "GET":
            raise method_not_allowed(method, addr.path)
        return list_response(ctx, request, [backend.render(r, api_version, listed=True)
                                            for r in backend.list_items(ctx, addr)])
    if method == "GET":
        return json_response(backend.render(backend.get(ctx, addr), api_version))
    trigger = (method, request.path)
    synchronous = backend.TABLE.synchronous(api_version)  # the oldest versions had no long-running operations
    if method == "PUT":
        outcome = backend.put(ctx, addr, backend.TABLE.accepted(await read_json(request), api_version), trigger)
    elif method == "PATCH" and hasattr(backend, "patch"):
        outcome = backend.patch(ctx, addr, backend.TABLE.accepted(await read_json(request), api_version), trigger)
    elif method == "DELETE":
        force = synchronous or (query(request, "forceDelete") or "").lower() == "true"
        outcome = backend.delete(ctx, addr, force, trigger)
    else:
        raise method_not_allowed(method, addr.path)
    if synchronous:
        outcome = Outcome(200 if outcome.status == 201 else outcome.status, outcome.resource)
    return respond(ctx, request, addr, outcome, backend, api_version)


def respond(ctx: Context, request: web.Request, addr: Address, outcome: Outcome, backend: ModuleType,
            api_version: str) -> web.Response:
    headers = lro_headers(ctx, request, outcome, api_version) if outcome.operation else {}
    if outcome.status == 201 and addr.config_type in CREATE_LOCATION:
        headers["Location"] = CREATE_LOCATION[addr.config_type](request, addr)
    if request.method == "DELETE":
        if outcome.status == 200 and addr.config_type in DELETED_BODY_TYPES:
            return json_response(DELETED_BODY, headers=headers)
        return empty_response(outcome.status, headers)
    if outcome.resource is None:
        return empty_response(outcome.status, headers)
    return json_response(backend.render(outcome.resource, api_version), status=outcome.status, headers=headers)


def lro_headers(ctx: Context, request: web.Request, outcome: Outcome, api_version: str) -> dict[str, str]:
    """Absolute https poll URL: the SDK's bearer policy refuses anything else."""
    url = f"{base_url(request)}{outcome.operation.id}?api-version={api_version}"
    return {"Azure-AsyncOperation": url, "Retry-After": str(ctx.settings.retry_after)}


# Creates that recorded traffic shows with a Location header: extensions point at the resource on the
# RP's own host (here: the emulator), sourceControlConfigurations send a file:/// URL of the resource id.
CREATE_LOCATION = {
    "extensions": lambda request, addr: f"{base_url(request)}{addr.item_path}",
    "sourceControlConfigurations": lambda request, addr: f"file://{addr.item_path}",
}
# Synchronous 200 deletes that answer with a body (see versions.DELETED_BODY).
DELETED_BODY_TYPES = ("extensions", "sourceControlConfigurations")


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
