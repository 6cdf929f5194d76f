"""Recorded-style expectations: what Azure's answer to a request looks like, reduced to its signature."""

from __future__ import annotations

from typing import Any

import requests

from arm_emulator.fidelity import differences, signature


def expect(response: requests.Response, status: int, *, lro: tuple[str, ...] = (), body: Any = None,
           properties: Any = None, item: Any = None, item_properties: Any = None, error: str | None = None) -> None:
    """Assert the response has exactly this status, these LRO headers and these key sets."""
    want: dict[str, Any] = {"status": status, "lro_headers": sorted(lro)}
    if body is None:
        want["body"] = None
    else:
        want["body"] = sorted(body)
    if properties is not None:
        want["properties"] = sorted(properties)
    if item is not None:
        want["item"] = sorted(item)
    if item_properties is not None:
        want["item_properties"] = sorted(item_properties)
    if error is not None:
        want["error"] = error
    parsed = response.json() if response.content else None
    got = signature(response.status_code, response.headers, parsed)
    if item is None:
        got.pop("item", None)
        got.pop("item_properties", None)
    assert differences(want, got) == [], response.text[:2000]


ENVELOPE = ("id", "name", "type", "properties", "systemData")
OPERATION = ("id", "name", "status")
LIST = ("value", "nextLink")
ERROR = ("error",)
# The body of a synchronous 200 DELETE, as the service sends it.
DELETED = ("content", "statusCode", "headers", "version", "reasonPhrase", "trailingHeaders", "requestMessage",
           "isSuccessStatusCode")
ASYNC = ("azure-asyncoperation",)
ASYNC_AND_LOCATION = ("azure-asyncoperation", "location")
