"""``POST /providers/Microsoft.ResourceGraph/resources``: HTTP in, ``resourcegraph.service`` call, HTTP out."""

from __future__ import annotations

from aiohttp import web

from .. import agent
from ..core import lro
from ..core.context import Context
from ..core.errors import method_not_allowed
from ..resourcegraph.quota import Quota
from ..resourcegraph.request import API_VERSIONS
from ..resourcegraph.service import Service
from .httpio import check_api_version, json_response, read_json

_PATH = "/providers/microsoft.resourcegraph/resources"
SERVICE_KEY = web.AppKey("arm_emulator_resourcegraph", Service)


def install(app: web.Application, ctx: Context) -> None:
    service = app[SERVICE_KEY] = Service(Quota(*ctx.settings.arg_quota), ctx.settings.arg_lag)
    if ctx.store.meta_get("fleet"):  # a generated fleet: build its tables before the first query
        service.engine.warm(ctx.store)


def match(path: str) -> bool:
    return "/" + "/".join(s for s in path.lower().split("/") if s) == _PATH


async def handle(ctx: Context, request: web.Request) -> web.Response:
    check_api_version(request, "resources", API_VERSIONS)
    if request.method != "POST":
        raise method_not_allowed(request.method, request.path)
    body = await read_json(request)
    lro.settle(ctx)
    agent.settle(ctx)
    answer, headers = request.app[SERVICE_KEY].query(ctx, body)  # errors carry the quota headers too
    return json_response(answer, headers=headers)
