"""aiohttp application wiring: middlewares (see middleware.py) and route tables."""

from __future__ import annotations

from aiohttp import web

from ..core.context import Context
from . import aad, admin, admin_fleet, middleware, resourcegraph, router
from .httpio import CONTEXT_KEY


def build_app(ctx: Context) -> web.Application:
    app = web.Application(
        middlewares=[middleware.drop_middleware, middleware.log_middleware, middleware.error_middleware,
                     middleware.fault_middleware],
        client_max_size=8 * 1024 * 1024,
    )
    app[CONTEXT_KEY] = ctx
    resourcegraph.install(app, ctx)
    admin.add_routes(app)
    admin_fleet.add_routes(app)
    aad.add_routes(app)
    app.router.add_route("*", "/{tail:.*}", router.dispatch)
    return app
