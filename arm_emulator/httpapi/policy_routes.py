"""Which requests belong to Azure Policy: ``{scope}/providers/Microsoft.Authorization/...`` and
``{scope}/providers/Microsoft.PolicyInsights/...`` (whose scope may itself be a policy assignment)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aiohttp import web

from ..core.errors import method_not_allowed
from ..policystate.scopes import AUTHZ, INSIGHTS, Scope
from .httpio import empty_response, json_response, read_json


@dataclass(frozen=True)
class PolicyRoute:
    namespace: str  # AUTHZ or INSIGHTS
    scope: Scope
    rest: tuple[str, ...]  # segments after the namespace, as sent

    def lower(self, index: int) -> str:
        return self.rest[index].lower() if index < len(self.rest) else ""


def match(raw_path: str) -> PolicyRoute | None:
    seg = [s for s in raw_path.split("/") if s]
    low = [s.lower() for s in seg]
    for namespace in (INSIGHTS, AUTHZ):  # the last provider segment names the API
        for i in range(len(seg) - 2, -1, -1):
            if low[i] == "providers" and low[i + 1] == namespace.lower() and i + 2 < len(seg):
                return PolicyRoute(namespace, Scope("/" + "/".join(seg[:i]) if i else ""), tuple(seg[i + 2:]))
    return None


async def named_item(request: web.Request, body_of: Callable, get: Callable, put: Callable, delete: Callable,
                     after_put: Callable | None = None) -> web.Response:
    """GET, PUT and DELETE of one named resource, given its backend's calls bound to scope and name: the same
    answers for policy assignments, role assignments and remediations (a DELETE of nothing is a 204)."""
    method = request.method
    if method == "GET":
        return json_response(body_of(get()))
    if method == "PUT":
        status, res = put(await read_json(request))
        if after_put:
            after_put(res)
        return json_response(body_of(res), status=status)
    if method == "DELETE":
        found = delete()
        return json_response(body_of(found)) if found else empty_response(204)
    raise method_not_allowed(method, request.path)
