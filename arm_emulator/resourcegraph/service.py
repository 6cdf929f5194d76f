"""One Resource Graph query: scope checks, the engine run, paging and the QueryResponse body."""

from __future__ import annotations

import re
from typing import Any

from ..core.context import Context
from ..core.errors import ArmError
from . import request as rq
from .engine import Engine, Page
from .errors import bad_request
from .quota import Quota

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class Service:
    """Engine and quota of one running emulator."""

    def __init__(self, quota: Quota | None = None, lag: float = 0.0) -> None:
        self.engine = Engine(lag)
        self.quota = quota or Quota()

    def query(self, ctx: Context, body: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        """The QueryResponse body and ARG's quota headers."""
        headers = self.quota.take(ctx.now())
        try:
            req = rq.parse(body)
            subscriptions = _scope(ctx, req)
            token_offset = rq.token_offset(req)
            offset = req.skip if token_offset is None else token_offset
            page = self.engine.query(ctx.store, req.query, subscriptions, offset, req.top, ctx.now())
        except ArmError as exc:  # a refused query still counts against the quota, and says so
            exc.headers.update(headers)
            raise
        return _response(req, page, offset), headers


def _scope(ctx: Context, req: rq.QueryRequest) -> list[str]:
    if req.management_groups:
        raise bad_request("ManagementGroupNotFound", f"The management group(s) "
                          f"{', '.join(repr(g) for g in req.management_groups)} could not be found: this emulator "
                          "has no management groups.")
    if len(req.subscriptions) > rq.MAX_SUBSCRIPTIONS:
        raise bad_request("TooManySubscriptions", f"The query names {len(req.subscriptions)} subscriptions; at most "
                          f"{rq.MAX_SUBSCRIPTIONS} are allowed in one request (https://aka.ms/arg-error-toomanysubs).")
    bad = [s for s in req.subscriptions if not _GUID.match(s)]
    if bad:
        raise bad_request("SubscriptionsContainInvalidGuids",
                          f"Subscription ids have to be valid GUIDs. Given: '{' '.join(bad)}'.")
    known = {r.body["subscriptionId"].lower() for r in ctx.store.children("/subscriptions")}
    wanted = req.subscriptions or sorted(known)
    unknown = [s for s in wanted if s.lower() not in known]
    if unknown:
        raise bad_request("NoValidSubscriptionsInQueryRequest",
                          f"The subscription(s) {', '.join(repr(s) for s in unknown)} could not be found or the "
                          "caller has no access to them.")
    return wanted


def _response(req: rq.QueryRequest, page: Page, offset: int) -> dict[str, Any]:
    names = [name for name, _ in page.columns]
    more = offset + len(page.rows) < page.total
    # ARG pages only results that keep the `id` column; otherwise it cuts them and says so.
    pageable = any(n.lower() == "id" for n in names)
    if req.result_format == "table":
        data: Any = {"columns": [{"name": n, "type": t} for n, t in page.columns], "rows": page.rows}
    else:
        data = [dict(zip(names, row, strict=True)) for row in page.rows]
    body: dict[str, Any] = {"totalRecords": page.total, "count": len(page.rows),
                            "resultTruncated": "true" if more and not pageable else "false"}
    if more and pageable:
        body["$skipToken"] = rq.make_token(req, offset + len(page.rows))
    body.update({"data": data, "facets": []})
    return body
