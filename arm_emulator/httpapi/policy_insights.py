"""Routes of Microsoft.PolicyInsights: policy states (queryResults, summarize, triggerEvaluation) and
remediations. HTTP in, policystate backends, HTTP out."""

from __future__ import annotations

import uuid

from aiohttp import web

from ..core.context import Context
from ..core.errors import ArmError, method_not_allowed
from ..core.paging import list_response
from ..policystate import assignments, cycle, queries, remediations, scan
from ..policystate.scopes import AUTHZ, INSIGHTS, Scope, covers, require_scope
from .aad import base_url
from .httpio import empty_response, json_response, query, require_api_version
from .policy_routes import PolicyRoute, named_item

_POLICY_SCOPES = {"policyassignments": "policyAssignmentId", "policydefinitions": "policyDefinitionId",
                  "policysetdefinitions": "policySetDefinitionId"}
_OPTIONS = ("$filter", "$top", "$orderby", "$select", "$apply", "$from", "$to")


async def handle(ctx: Context, request: web.Request, route: PolicyRoute) -> web.Response:
    api_version = require_api_version(request)
    first = route.lower(0)
    if first == "asyncoperationresults" and request.method == "GET":
        return json_response({"status": "Succeeded"})  # evaluations finish before the 202 is sent
    if first == "policystates":
        return _states(ctx, request, route, api_version)
    if first == "remediations":
        return await _remediations(ctx, request, route)
    raise ArmError(404, "InvalidResourceType", f"The resource type '{'/'.join(route.rest[:1])}' could not be found "
                   f"in the namespace '{INSIGHTS}' for api version '{api_version}'.")


def _states(ctx: Context, request: web.Request, route: PolicyRoute, api_version: str) -> web.Response:
    which, action = route.lower(1), route.lower(2)
    if len(route.rest) != 3 or which not in ("latest", "default") or \
            action not in ("queryresults", "summarize", "triggerevaluation"):
        raise ArmError(404, "NotFound", f"No HTTP resource was found that matches the request URI '{request.path}'.")
    if request.method != "POST":
        raise method_not_allowed(request.method, request.path)
    owner = _policy_scope(ctx, route)
    require_scope(ctx, route.scope if owner is None else Scope(f"/subscriptions/{route.scope.subscription}"))
    if action == "triggerevaluation":
        return _trigger(ctx, request, route, api_version)
    options = {name: value for name in _OPTIONS if (value := query(request, name)) is not None}
    found = queries.select(scan.states(ctx, route.scope.subscription), route.scope.path, owner)
    base = f"{base_url(request)}{route.scope.path}/providers/{INSIGHTS}/policyStates"
    if action == "summarize":
        summary = queries.summarize([s for s in found if queries.matches(s, options.get("$filter"))],
                                    f"{base}/latest/queryResults?api-version={api_version}")
        value = [{"@odata.id": None, "@odata.context": f"{base}/$metadata#summary/$entity", **summary}]
        return json_response({"@odata.context": f"{base}/$metadata#summary", "@odata.count": 1, "value": value})
    rows = [{"@odata.id": None, "@odata.context": f"{base}/$metadata#{which}/$entity", **s}
            for s in queries.apply_options(found, options)]
    return json_response({"@odata.context": f"{base}/$metadata#{which}", "@odata.count": len(rows), "value": rows})


def _policy_scope(ctx: Context, route: PolicyRoute) -> tuple[str, str] | None:
    """(state field, id) when the states are asked for at a policy assignment's or definition's own path."""
    low = route.scope.key
    for type_name, field in _POLICY_SCOPES.items():
        if f"/providers/{AUTHZ.lower()}/{type_name}/" in low:
            if type_name == "policyassignments" and assignments.find(ctx, route.scope.path) is None:
                raise ArmError(404, "PolicyAssignmentNotFound", f"The policy assignment '{route.scope.path}' is not "
                               "found.")
            return field, route.scope.path
    return None


def _trigger(ctx: Context, request: web.Request, route: PolicyRoute, api_version: str) -> web.Response:
    """Evaluate every assignment that reaches resources in the scope, then answer as the LRO's start."""
    for assignment in ctx.store.under(f"/subscriptions/{route.scope.subscription}", assignments.KIND):
        scope = assignment.body["properties"]["scope"]
        if covers(scope, route.scope.path) or covers(route.scope.path, scope):
            cycle.evaluate(ctx, assignment)
    location = (f"{base_url(request)}/subscriptions/{route.scope.subscription}/providers/{INSIGHTS}/"
                f"asyncOperationResults/{uuid.uuid4().hex}?api-version={api_version}")
    return empty_response(202, {"Location": location, "Retry-After": str(ctx.settings.retry_after)})


async def _remediations(ctx: Context, request: web.Request, route: PolicyRoute) -> web.Response:
    require_scope(ctx, route.scope)
    method, rest = request.method, route.rest
    if len(rest) == 1:
        if method != "GET":
            raise method_not_allowed(method, request.path)
        found = [r for r in remediations.list_items(ctx, route.scope)
                 if queries.matches(remediations.body_of(r)["properties"], query(request, "$filter"))]
        return list_response(ctx, request, [remediations.body_of(r) for r in found])
    name = rest[1]
    if len(rest) == 3 and method == "POST" and route.lower(2) == "listdeployments":
        res = remediations.get(ctx, route.scope, name)
        return list_response(ctx, request, remediations.deployments_of(res))
    if len(rest) == 3 and method == "POST" and route.lower(2) == "cancel":
        return json_response(remediations.body_of(remediations.cancel(ctx, route.scope, name)))
    if len(rest) != 2:
        raise ArmError(404, "NotFound", f"No HTTP resource was found that matches the request URI '{request.path}'.")
    return await named_item(request, remediations.body_of, lambda: remediations.get(ctx, route.scope, name),
                            lambda body: remediations.put(ctx, route.scope, name, body),
                            lambda: remediations.delete(ctx, route.scope, name))
