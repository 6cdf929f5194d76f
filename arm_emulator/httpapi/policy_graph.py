"""The one Microsoft Graph call `az role assignment list` makes to name principals
(``POST /v1.0/directoryObjects/getByIds``): policy assignments' managed identities are known by name."""

from __future__ import annotations

from aiohttp import web

from ..core.context import Context
from ..core.errors import ArmError
from ..policystate import assignments
from .httpio import json_response, read_json

PATH = "/v1.0/directoryobjects/getbyids"


def match(raw_path: str) -> bool:
    return raw_path.rstrip("/").lower() == PATH


async def handle(ctx: Context, request: web.Request) -> web.Response:
    if request.method != "POST":
        raise ArmError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.")
    ids = (await read_json(request)).get("ids")
    if not isinstance(ids, list):
        raise ArmError(400, "Request_BadRequest", "The request needs 'ids', a list of object ids.")
    return json_response({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects",
                          "value": assignments.identities(ctx, ids)})
