"""Pieces shared by the three Microsoft.KubernetesConfiguration resource types."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from ..core.addressing import CONFIG_NS, Address
from ..core.errors import ArmError, not_found
from ..core.timestamps import timestamp
from ..store import Operation, Resource


@dataclass
class Outcome:
    """What a write did: the status code Azure answers with, the resource to show, the operation started."""

    status: int
    resource: Resource | None = None
    operation: Operation | None = None


READ_ONLY_ENVELOPE = ("id", "name", "type", "systemData")


def type_name(addr: Address) -> str:
    return f"{CONFIG_NS}/{addr.config_type}"


def name_of(res: Resource) -> str:
    return res.id.rsplit("/", 1)[-1]


def system_data(existing: Resource | None, now: float, changed: bool = True) -> dict[str, Any]:
    """Proxy resources: the RP owns systemData; createdAt stays, lastModifiedAt moves on real change."""
    stamp = timestamp(now)
    if existing is not None and existing.body.get("systemData"):
        data = dict(existing.body["systemData"])
        if changed:
            data["lastModifiedAt"] = stamp
        return data
    return {"createdBy": None, "createdByType": None, "createdAt": stamp,
            "lastModifiedBy": None, "lastModifiedByType": None, "lastModifiedAt": stamp}


def envelope(res: Resource, type_str: str, properties: dict[str, Any], **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"id": res.id, "name": name_of(res), "type": type_str}
    body.update({k: v for k, v in extra.items() if v is not None})
    body["properties"] = properties
    body["systemData"] = res.body.get("systemData")
    return body


def protected_keys(value: Any, field: str = "configurationProtectedSettings") -> dict[str, str]:
    """Keep only the keys of write-only settings: values are never stored or returned."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) or v is None for v in value.values()):
        raise ArmError(400, "InvalidRequestContent",
                       f"The request content was invalid and could not be deserialized: '{field} must be a map "
                       "of strings'.")
    return {k: "" for k, v in value.items() if v is not None}


def principal_id(seed: str) -> str:
    """Stable fake object id for a system-assigned identity, derived from the resource id."""
    return str(uuid.UUID(hashlib.sha256(seed.lower().encode()).hexdigest()[:32]))


def new_resource(addr: Address, kind: str, body: dict[str, Any]) -> Resource:
    return Resource(addr.item_path, kind, addr.collection_path, addr.item_path, body)


def check_not_patchable(props: dict[str, Any], fields: tuple[str, ...], type_str: str) -> None:
    for field in fields:
        if field in props:
            raise ArmError(400, "ValidationFailed",
                           f"Property '{field}' of '{type_str}' cannot be updated with PATCH; it is set when "
                           "the resource is created. Delete and re-create the resource to change it.")


def require(existing: Resource | None, missing_message: str) -> Resource:
    if existing is None:
        raise not_found(missing_message)
    return existing


def properties_of(body: dict[str, Any]) -> dict[str, Any]:
    props = body.get("properties")
    if props is None:
        return {}
    if not isinstance(props, dict):
        raise invalid_content("properties must be an object")
    return props


def invalid_content(reason: str) -> ArmError:
    return ArmError(400, "InvalidRequestContent",
                    f"The request content was invalid and could not be deserialized: '{reason}'.")


# JSON types of request properties as the service's deserializer expects them (null is always accepted).
_TYPE_CHECKS = {
    "string": (lambda v: isinstance(v, str), "System.String"),
    "boolean": (lambda v: isinstance(v, bool), "System.Boolean"),
    "object": (lambda v: isinstance(v, dict), "an object"),
    "map": (lambda v: isinstance(v, dict) and all(not isinstance(x, (dict, list)) for x in v.values()),
            "a map of strings"),
}


def _as_string(value: Any) -> Any:
    """A JSON scalar read into a string-valued map, as the service's reader does (true -> "true", 5 -> "5").
    Azure's built-in Flux policy template sends booleans in configurationSettings."""
    return value if isinstance(value, str) or value is None else json.dumps(value)


def check_types(values: dict[str, Any], schema: dict[str, str], path: str = "properties") -> None:
    """400 InvalidRequestContent, as ARM answers a body its deserializer cannot read."""
    for name, kind in schema.items():
        value = values.get(name)
        test, type_name = _TYPE_CHECKS[kind]
        if value is not None and not test(value):
            raise invalid_content(f"Error converting value {json.dumps(value)} to type '{type_name}'. "
                                  f"Path '{path}.{name}'")
        if kind == "map" and value is not None:
            values[name] = {k: _as_string(v) for k, v in value.items()}
