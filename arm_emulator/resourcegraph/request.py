"""ARG's QueryRequest as it arrives, checked, and the ``$skipToken`` that carries paging state.

The token is opaque to clients (base64 of JSON), as ARG's is; it binds the query text and scope so a
token cannot be replayed against another query.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from .errors import bad_request

API_VERSIONS = ("2021-03-01", "2022-10-01", "2024-04-01")
MAX_ROWS = 1000  # a page holds at most this many rows; also ARG's default page size
MAX_SUBSCRIPTIONS = 1000
_FORMATS = {"objectarray": "objectArray", "table": "table"}


@dataclass
class QueryRequest:
    query: str
    subscriptions: list[str]
    management_groups: list[str]
    top: int
    skip: int
    skip_token: str | None
    result_format: str
    allow_partial_scopes: bool


def parse(body: dict[str, Any]) -> QueryRequest:
    query = body.get("query")
    if not isinstance(query, str) or not query.strip():
        raise bad_request("InvalidRequestContent", "The request must contain a non-empty 'query'.")
    options = body.get("options") or {}
    if not isinstance(options, dict):
        raise bad_request("InvalidRequestContent", "'options' must be an object.")
    top = _integer(options, "$top", MAX_ROWS, 1, MAX_ROWS)
    skip = _integer(options, "$skip", 0, 0, None)
    result_format = _FORMATS.get(str(options.get("resultFormat") or "objectArray").lower())
    if result_format is None:
        raise bad_request("InvalidRequestContent", f"'resultFormat' must be 'objectArray' or 'table', not "
                                                   f"'{options.get('resultFormat')}'.")
    return QueryRequest(query, _names(body, "subscriptions"), _names(body, "managementGroups"), top, skip,
                        options.get("$skipToken") or None, result_format, bool(options.get("allowPartialScopes")))


def _names(body: dict[str, Any], field: str) -> list[str]:
    value = body.get(field) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad_request("InvalidRequestContent", f"'{field}' must be a list of strings.")
    return value


def _integer(options: dict[str, Any], field: str, default: int, low: int, high: int | None) -> int:
    value = options.get(field)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < low or (high is not None and value > high):
        allowed = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise bad_request("InvalidRequestContent", f"'{field}' must be an integer {allowed}, not {value!r}.")
    return value


def scope_hash(req: QueryRequest) -> str:
    text = json.dumps([req.query, sorted(s.lower() for s in req.subscriptions), req.management_groups])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def make_token(req: QueryRequest, offset: int) -> str:
    raw = json.dumps({"$skip": offset, "$scope": scope_hash(req)}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def token_offset(req: QueryRequest) -> int | None:
    """The offset a ``$skipToken`` points at; None without one."""
    if req.skip_token is None:
        return None
    try:
        padded = req.skip_token + "=" * (-len(req.skip_token) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        offset, scope = int(data["$skip"]), data["$scope"]
    except (ValueError, KeyError, TypeError):
        raise bad_request("InvalidSkipToken", "The $skipToken is invalid or has expired.") from None
    if scope != scope_hash(req) or offset < 0:
        raise bad_request("InvalidSkipToken", "The $skipToken was issued for another query or scope.")
    return offset
