"""Reading a policy field (an alias, a core field or a tag) out of a resource's ARM JSON.

Property names match case-insensitively, as Azure Policy matches them. A path with ``[*]`` gives the
list of every element's value; ``bindings`` pins a ``[*]`` to one element while a ``count`` walks it.
"""

from __future__ import annotations

import re
from typing import Any

from . import errors
from .aliases import Alias, aliases_of, lookup, tag_name

MISSING = None
_SEGMENT = re.compile(r"^(?P<name>[^\[\]]*)(?P<index>\[(?:\*|\d+)\])?$")


def read(resource: dict[str, Any], name: str, bindings: dict[str, int] | None = None) -> tuple[Any, bool]:
    """(value, is_array): the value of field ``name`` on ``resource``; for a ``[*]`` alias, the list of values."""
    tag = tag_name(name)
    if tag is not None:
        return _get(resource.get("tags") or {}, tag), False
    alias = lookup(name)
    if alias is None:
        raise errors.invalid_alias(name, supported=aliases_of(name.rsplit("/", 1)[0]) or None)
    if alias.type and alias.type.lower() != str(resource.get("type", "")).lower():
        return MISSING, alias.is_array  # an alias of another type reads nothing
    if alias.path == "fullName":
        return full_name(resource), False
    return walk(resource, bound_path(alias, bindings or {}))


def bound_path(alias: Alias, bindings: dict[str, int]) -> str:
    """``alias``'s path with each ``[*]`` a running count binds replaced by that element's index."""
    path = alias.path
    for prefix, index in bindings.items():
        if path.lower().startswith(prefix.lower()):
            path = f"{prefix[:-3]}[{index}]{path[len(prefix):]}"
    return path


def walk(value: Any, path: str) -> tuple[Any, bool]:
    values, many = [value], False
    for segment in path.split("."):
        match = _SEGMENT.match(segment)
        name, index = (match.group("name"), match.group("index")) if match else (segment, None)
        found: list[Any] = []
        for item in values:
            child = _get(item, name) if name else item
            if index == "[*]":
                many = True
                found.extend(child if isinstance(child, list) else [])
            elif index:
                position = int(index[1:-1])
                found.append(child[position] if isinstance(child, list) and position < len(child) else MISSING)
            else:
                found.append(child)
        values = found
    return (values, True) if many else (values[0] if values else MISSING, False)


def _get(value: Any, key: str) -> Any:
    if not isinstance(value, dict):
        return MISSING
    if key in value:
        return value[key]
    lowered = key.lower()
    return next((v for k, v in value.items() if k.lower() == lowered), MISSING)


def full_name(resource: dict[str, Any]) -> str:
    """The names of the resource and its parents below the last provider, joined by '/' (a child's 'a/b')."""
    rid = str(resource.get("id") or "")
    marker = rid.lower().rfind("/providers/")
    if marker < 0:
        return str(resource.get("name", ""))
    parts = rid[marker + len("/providers/"):].split("/")[1:]  # type, name, type, name ...
    return "/".join(parts[1::2]) or str(resource.get("name", ""))
