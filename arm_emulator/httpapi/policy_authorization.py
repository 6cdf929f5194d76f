"""Routes of Microsoft.Authorization: policy definitions, set definitions and assignments, role
definitions and role assignments. HTTP in, policystate backends, HTTP out."""

from __future__ import annotations

from aiohttp import web

from ..core.context import Context
from ..core.errors import ArmError, method_not_allowed
from ..core.paging import list_response
from ..policystate import assignments, cycle, definitions, roles
from ..policystate.scopes import require_scope
from .httpio import empty_response, json_response, query, read_json, require_api_version
from .policy_routes import PolicyRoute, named_item

DEFINITION_KINDS = {"policydefinitions": definitions.DEFINITION, "policysetdefinitions": definitions.SET_DEFINITION}


async def handle(ctx: Context, request: web.Request, route: PolicyRoute) -> web.Response:
    require_api_version(request)
    require_scope(ctx, route.scope)
    kind = route.lower(0)
    if len(route.rest) > 2 or not kind:
        raise _no_type(route, request)
    name = route.rest[1] if len(route.rest) == 2 else ""
    if kind in DEFINITION_KINDS:
        return await _definitions(ctx, request, route, DEFINITION_KINDS[kind], name)
    if kind == "policyassignments":
        return await _assignments(ctx, request, route, name)
    if kind == "roledefinitions":
        if request.method != "GET":
            raise method_not_allowed(request.method, request.path)
        if name:
            return json_response(roles.get_role_definition(route.scope, name))
        return list_response(ctx, request, roles.list_role_definitions(route.scope, query(request, "$filter")))
    if kind == "roleassignments":
        return await _role_assignments(ctx, request, route, name)
    raise _no_type(route, request)


def _no_type(route: PolicyRoute, request: web.Request) -> ArmError:
    return ArmError(404, "InvalidResourceType", f"The resource type '{'/'.join(route.rest[:1])}' could not be "
                    f"found in the namespace 'Microsoft.Authorization' for api version "
                    f"'{require_api_version(request)}'.")


async def _definitions(ctx: Context, request: web.Request, route: PolicyRoute, kind: str, name: str) -> web.Response:
    method = request.method
    if not name:
        if method != "GET":
            raise method_not_allowed(method, request.path)
        items = definitions.list_items(ctx, kind, route.scope)
        return list_response(ctx, request, [definitions.body_of(r) for r in items])
    if method == "GET":
        return json_response(definitions.body_of(definitions.get(ctx, kind, route.scope, name)))
    if method == "PUT":
        if not route.scope.subscription or route.scope.resource_group:
            raise ArmError(400, "InvalidScope", "Custom policy definitions are written at subscription scope in the "
                           "emulator (management groups are not modelled).")
        status, res = definitions.put(ctx, kind, route.scope, name, await read_json(request))
        return json_response(definitions.body_of(res), status=status)
    if method == "DELETE":
        return empty_response(200 if definitions.delete(ctx, kind, route.scope, name) else 204)
    raise method_not_allowed(method, request.path)


async def _assignments(ctx: Context, request: web.Request, route: PolicyRoute, name: str) -> web.Response:
    method = request.method
    if not route.scope.subscription:
        raise ArmError(400, "InvalidScope", "Policy assignments are served at subscription and resource group "
                       "scope (management groups are not modelled).")
    if not name:
        if method != "GET":
            raise method_not_allowed(method, request.path)
        items = assignments.list_items(ctx, route.scope, query(request, "$filter"))
        return list_response(ctx, request, [assignments.body_of(r) for r in items])
    return await named_item(request, assignments.body_of, lambda: assignments.get(ctx, route.scope, name),
                            lambda body: assignments.put(ctx, route.scope, name, body),
                            lambda: assignments.delete(ctx, route.scope, name),
                            # Azure evaluates a new assignment's scope soon after it is written
                            after_put=lambda res: cycle.evaluate(ctx, res))


async def _role_assignments(ctx: Context, request: web.Request, route: PolicyRoute, name: str) -> web.Response:
    method = request.method
    if not route.scope.subscription:
        raise ArmError(400, "InvalidScope", "Role assignments are served at subscription scope and below.")
    if not name:
        if method != "GET":
            raise method_not_allowed(method, request.path)
        items = roles.list_assignments(ctx, route.scope, query(request, "$filter"))
        return list_response(ctx, request, [roles.assignment_body(r) for r in items])
    return await named_item(request, roles.assignment_body, lambda: roles.get_assignment(ctx, route.scope, name),
                            lambda body: roles.put_assignment(ctx, route.scope, name, body),
                            lambda: roles.delete_assignment(ctx, route.scope, name))
