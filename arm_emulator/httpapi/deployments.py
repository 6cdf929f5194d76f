"""Routes of Microsoft.Resources/deployments at resource-group scope: HTTP in, deployments backend, HTTP out."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from aiohttp import web

from .. import agent
from ..core import lro
from ..core.context import Context
from ..core.errors import ArmError, method_not_allowed
from ..core.paging import list_response
from ..deployments import backend, run
from ..deployments.records import Target
from ..deployments.view import deployment_body, operations_body, status_body, status_of
from ..templates.jsonc import JsoncError, loads
from .aad import base_url
from .httpio import check_api_version, empty_response, json_response

API_VERSIONS = ("2019-10-01", "2020-06-01", "2020-10-01", "2021-01-01", "2021-04-01", "2022-09-01", "2023-07-01",
                "2024-03-01", "2024-07-01", "2024-11-01", "2025-03-01", "2025-04-01")


POST_ACTIONS = ("validate", "exporttemplate", "cancel")


@dataclass(frozen=True)
class Route:
    target: Target
    action: str = ""  # lower-cased: "", validate, exporttemplate, operations, operationstatuses, ...
    item: str = ""  # operation id of operations/operationStatuses/operationResults


def match(raw_path: str) -> Route | None:
    seg = [s for s in raw_path.split("/") if s]
    low = [s.lower() for s in seg]
    if len(seg) < 5 or low[0] != "subscriptions" or low[2] != "resourcegroups":
        return None
    if low[4] == "deployments":  # deployment operations are listed at .../resourcegroups/{rg}/deployments/{name}
        seg[4:5] = ["providers", "Microsoft.Resources", "deployments"]
        low = [s.lower() for s in seg]
    if len(seg) < 7 or low[4:7] != ["providers", "microsoft.resources", "deployments"]:
        return None
    target = Target(seg[1], seg[3], seg[7] if len(seg) > 7 else "")
    actions = {"validate", "exporttemplate", "operations", "operationstatuses", "operationresults", "cancel"}
    if len(seg) <= 8:
        return Route(target)
    if low[8] in actions and len(seg) <= 10:
        return Route(target, low[8], seg[9] if len(seg) == 10 else "")
    return None


async def handle(ctx: Context, request: web.Request, route: Route) -> web.Response:
    api_version = check_api_version(request, "deployments", API_VERSIONS)
    lro.settle(ctx)
    agent.settle(ctx)
    run.settle(ctx)
    method, target = request.method, route.target
    if not target.name:
        if method != "GET":
            raise method_not_allowed(method, request.path)
        return list_response(ctx, request, [deployment_body(ctx, r) for r in backend.list_items(ctx, target)])
    if route.action == "":
        return await _item(ctx, request, route, api_version)
    if method != ("POST" if route.action in POST_ACTIONS else "GET"):
        raise method_not_allowed(method, request.path)
    if route.action == "validate":
        body, positions = await _read(request)
        return json_response(backend.validate(ctx, target, body, positions))
    if route.action == "operationresults":
        return empty_response(204)  # deletes finish at once
    record = backend.get(ctx, target)
    if route.action == "exporttemplate":
        return json_response({"template": record.body["_template"]})
    if route.action == "cancel":
        raise ArmError(409, "DeploymentCannotBeCancelled", f"The deployment '{target.name}' cannot be cancelled: "
                       f"it is in state '{status_of(ctx, record)[0]}'.")
    if route.action == "operationstatuses":
        headers = {"Retry-After": str(ctx.settings.retry_after)} if status_of(ctx, record)[0] == "Running" else None
        return json_response(status_body(ctx, record), headers=headers)
    operations = operations_body(ctx, record)
    if route.item:
        found = [o for o in operations if o["operationId"].lower() == route.item.lower()]
        if not found:
            raise ArmError(404, "DeploymentOperationNotFound", f"Deployment operation '{route.item}' could not be "
                           f"found in deployment '{target.name}'.")
        return json_response(found[0])
    return list_response(ctx, request, operations)


async def _item(ctx: Context, request: web.Request, route: Route, api_version: str) -> web.Response:
    method, target = request.method, route.target
    if method == "GET":
        return json_response(deployment_body(ctx, backend.get(ctx, target)))
    if method == "HEAD":
        return empty_response(204 if ctx.store.get(target.path) else 404)
    if method == "PUT":
        body, positions = await _read(request)
        status, record = backend.create(ctx, target, body, positions)
        shown = deployment_body(ctx, record)
        shown["properties"]["provisioningState"] = "Accepted"
        poll = f"{base_url(request)}{record.id}/operationStatuses/{record.body['_statusId']}?api-version={api_version}"
        return json_response(shown, status=status, headers={"Azure-AsyncOperation": poll,
                                                            "Retry-After": str(ctx.settings.retry_after)})
    if method == "DELETE":
        if not backend.delete(ctx, target):
            return empty_response(204)
        location = f"{base_url(request)}{target.path}/operationResults/{record_token()}?api-version={api_version}"
        return empty_response(202, {"Location": location, "Retry-After": str(ctx.settings.retry_after)})
    raise method_not_allowed(method, request.path)


def record_token() -> str:
    return uuid.uuid4().hex.upper()


async def _read(request: web.Request) -> tuple[dict, dict]:
    """The body as ``az`` sends it: JSON with the template file's own text spliced in (comments allowed)."""
    raw = (await request.read()).decode("utf-8", errors="replace")
    if not raw.strip():
        raise ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be "
                       "deserialized: 'The request body is empty.'.")
    try:
        body, positions = loads(raw)
    except JsoncError as exc:
        raise ArmError(400, "InvalidRequestContent",
                       f"The request content was invalid and could not be deserialized: '{exc}'.") from None
    if not isinstance(body, dict):
        raise ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be "
                       "deserialized: 'a JSON object is expected'.")
    return body, positions
