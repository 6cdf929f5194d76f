"""What two answers to the same ARM request must share to count as the same: the fidelity measure.

Used by the fidelity tests and by ``scripts/replay_fidelity.py``. Values differ between any two runs
(ids, times, GUIDs), so an exchange is reduced to its *signature*: status code, which LRO headers are
present, the key sets of the body (top level, ``properties``, the first list item and its
``properties``) and the error code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LRO_HEADERS = ("azure-asyncoperation", "location")


def signature(status: int, headers: Mapping[str, Any], body: Any) -> dict[str, Any]:
    present = {k.lower() for k in headers}
    return {"status": status, "lro_headers": sorted(h for h in LRO_HEADERS if h in present), **_keys(body)}


def _keys(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        return {"body": None if body in (None, "") else type(body).__name__}
    out: dict[str, Any] = {"body": sorted(body)}
    if isinstance(body.get("properties"), dict):
        out["properties"] = sorted(body["properties"])
    if isinstance(body.get("error"), dict):
        out["error"] = body["error"].get("code")
    items = body.get("value")
    if isinstance(items, list) and items and isinstance(items[0], dict):
        first = _keys(items[0])
        out["item"] = first["body"]
        if "properties" in first:
            out["item_properties"] = first["properties"]
    return out


def differences(expected: Mapping[str, Any], actual: Mapping[str, Any]) -> list[str]:
    """Human-readable differences; a list item compares only when both sides list something."""
    diffs = []
    for key in sorted(set(expected) | set(actual)):
        if key.startswith("item") and (key not in expected or key not in actual):
            continue
        want, got = expected.get(key), actual.get(key)
        if want == got:
            continue
        if isinstance(want, list) and isinstance(got, list):
            missing, extra = sorted(set(want) - set(got)), sorted(set(got) - set(want))
            diffs.append(f"{key}: missing {missing} extra {extra}")
        else:
            diffs.append(f"{key}: expected {want!r}, got {got!r}")
    return diffs
