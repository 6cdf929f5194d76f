"""Dispatch of the ARM surface: authentication, address parsing, api-version and parent checks.

aiohttp's router is case-sensitive, while ARM matches every segment case-insensitively, so ARM paths
arrive here through one catch-all route and are matched by ``addressing.parse``.
"""

from __future__ import annotations

from aiohttp import web

from .. import agent
from ..core import armcore, lro
from ..core.addressing import CONFIG_NS, parse
from ..core.context import TENANT_ID
from ..core.errors import ArmError, method_not_allowed
from ..deployments import run as deployment_runs
from ..policystate import cycle as policy_cycle
from ..policystate.scopes import INSIGHTS
from ..providers import clusters, extensions, fluxconfigs, scc
from . import (
    aad,
    deployments,
    extension_types,
    policy_authorization,
    policy_graph,
    policy_insights,
    policy_routes,
    resourcegraph,
    resources,
)
from .httpio import check_api_version, ctx_of, json_response, require_api_version

CONFIG_MODULES = {
    "extensions": extensions,
    "fluxConfigurations": fluxconfigs,
    "sourceControlConfigurations": scc,
}
_CORE_LEVELS = {"tenants", "subscriptions", "subscription", "providers", "provider", "provider_action",
                "resource_groups", "resource_group"}


def _require_bearer(request: web.Request) -> None:
    auth = request.headers.get("Authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        reason = "missing" if not auth else "invalid"
        raise ArmError(
            401, "AuthenticationFailed" if auth else "AuthenticationFailedMissingToken",
            f"Authentication failed. The 'Authorization' header is {reason}.",
            headers={"WWW-Authenticate": f'Bearer authorization_uri="https://{request.host}/{TENANT_ID}", '
                                         'error="invalid_token", error_description="The authentication failed '
                                         f'because of {reason} \'Authorization\' header."'},
        )


async def dispatch(request: web.Request) -> web.StreamResponse:
    if _collapse_slashes(request.path).lower() == "/metadata/endpoints":
        # az cloud register asks for "<resourceManager>/" + "/metadata/endpoints": a double slash.
        return await aad.metadata_endpoints(request)
    ctx = ctx_of(request)
    _require_bearer(request)
    if (types_scope := extension_types.match(request.path)) is not None:
        return await extension_types.handle(ctx, request, types_scope)
    if (deployment := deployments.match(request.path)) is not None:
        return await deployments.handle(ctx, request, deployment)
    if resourcegraph.match(request.path):
        return await resourcegraph.handle(ctx, request)
    if policy_graph.match(request.path):
        return await policy_graph.handle(ctx, request)
    if (policy := policy_routes.match(request.path)) is not None:
        _settle_all(ctx)
        handler = policy_insights if policy.namespace == INSIGHTS else policy_authorization
        return await handler.handle(ctx, request, policy)
    addr = parse(request.path)
    if addr is None:
        require_api_version(request)
        raise ArmError(404, "NotFound", f"No HTTP resource was found that matches the request URI "
                                        f"'https://{request.host}{request.path}'.")
    _settle_all(ctx)
    if addr.level in _CORE_LEVELS:
        require_api_version(request)
        return await armcore.handle(ctx, request, addr)
    if addr.level in ("clusters", "cluster"):
        return await resources.handle_cluster(ctx, request, addr)
    module = CONFIG_MODULES[addr.config_type]
    table = module.TABLE
    api_version = check_api_version(request, table.name, table.versions)
    clusters.require_cluster(ctx, addr)
    if addr.level == "operation":
        return _operation_status(ctx, request, addr, module)
    if request.method in ("PUT", "PATCH", "DELETE"):
        armcore.require_registered(ctx, addr.subscription, CONFIG_NS)
    response = await resources.handle_config(ctx, request, addr, module, api_version)
    response.headers["api-supported-versions"] = ", ".join(table.versions)
    return response


def _settle_all(ctx) -> None:
    """Time-based progress lands before a request is answered (the ticker does it between requests)."""
    lro.settle(ctx)
    agent.settle(ctx)
    deployment_runs.settle(ctx)
    policy_cycle.settle(ctx)


def _collapse_slashes(path: str) -> str:
    return "/" + "/".join(s for s in path.split("/") if s)


def _operation_status(ctx, request: web.Request, addr, module) -> web.Response:
    if not getattr(module, "HAS_OPERATIONS", False):
        raise ArmError(404, "InvalidResourceType",
                       f"The resource type could not be found in the namespace '{CONFIG_NS}' for api version "
                       f"'{require_api_version(request)}'.")
    if request.method != "GET":
        raise method_not_allowed(request.method, addr.path)
    op = ctx.store.get_operation(addr.key)
    if op is None:
        raise ArmError(404, "ResourceNotFound", f"Operation '{addr.operation_id}' was not found.")
    # While the operation runs, pace the client's polls (without it the SDK waits its 30 s default).
    headers = None if op.ended is not None else {"Retry-After": str(ctx.settings.retry_after)}
    return json_response(lro.status_body(op, addr.path), headers=headers)
