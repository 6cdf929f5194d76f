"""The template functions the emulator evaluates, by lower-cased name: (implementation, min args, max args).

Each implementation takes the evaluator and the already evaluated arguments; ``if`` is the exception
and is handled lazily by the evaluator. Type errors raise ``function_failed`` with ARM's wording.
"""

from __future__ import annotations

import base64 as b64
import copy
import hashlib
import json as jsonlib
import uuid
from collections.abc import Callable
from typing import Any

from .errors import TemplateError, function_failed, function_unknown
from .resourceids import extension_resource_id, resource_id

_UNIQUE_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"
_GUID_NAMESPACE = uuid.UUID("11fb06fb-712d-4ddd-98c7-e71bbd588830")


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Integer"
    return {str: "String", dict: "Object", list: "Array", type(None): "Null"}.get(type(value), "Float")


def _need(name: str, value: Any, *kinds: type) -> Any:
    ok = isinstance(value, kinds) and not (bool not in kinds and isinstance(value, bool))
    if not ok:
        wanted = " or ".join(_type_name(k()) for k in kinds)
        raise function_failed(name, f"the argument of type '{_type_name(value)}' is not valid; expected '{wanted}'.")
    return value


def _to_text(value: Any) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, (dict, list)) or value is None:
        return jsonlib.dumps(value, separators=(",", ":")) if value is not None else ""
    return str(value)


def _concat(_ev, args: list[Any]) -> Any:
    if args and all(isinstance(a, list) for a in args):
        return [x for a in args for x in a]
    if any(isinstance(a, (dict, list)) for a in args):
        raise function_failed("concat", "all arguments must be strings, integers or booleans, or all arrays.")
    return "".join(_to_text(a) for a in args)


def _format(_ev, args: list[Any]) -> str:
    template = _need("format", args[0], str)
    try:
        return template.format(*(_to_text(a) for a in args[1:]))
    except (IndexError, ValueError) as exc:
        raise function_failed("format", f"the format string '{template}' is not valid: {exc}.") from None


def _equals(_ev, args: list[Any]) -> bool:
    a, b = args
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()  # ARM compares strings case-insensitively
    return type(a) is type(b) and a == b


def _empty(_ev, args: list[Any]) -> bool:
    value = args[0]
    return value is None or (isinstance(value, (str, list, dict)) and len(value) == 0)


def _json(_ev, args: list[Any]) -> Any:
    text = _need("json", args[0], str)
    try:
        return jsonlib.loads(text)
    except ValueError:
        raise function_failed("json", f"the string '{text}' is not valid JSON.") from None


def _contains(_ev, args: list[Any]) -> bool:
    container, item = args
    if isinstance(container, str):
        return _to_text(item).lower() in container.lower()
    if isinstance(container, dict):
        return str(item).lower() in (k.lower() for k in container)
    if isinstance(container, list):
        return any(_equals(None, [x, item]) for x in container)
    raise function_failed("contains", f"the container of type '{_type_name(container)}' is not valid.")


def _length(_ev, args: list[Any]) -> int:
    return len(_need("length", args[0], str, list, dict))


def _union(_ev, args: list[Any]) -> Any:
    if all(isinstance(a, dict) for a in args):
        out: dict[str, Any] = {}
        for a in args:
            out.update(copy.deepcopy(a))
        return out
    if all(isinstance(a, list) for a in args):
        merged: list[Any] = []
        for a in args:
            merged.extend(x for x in a if x not in merged)
        return merged
    raise function_failed("union", "all arguments must be objects, or all arrays.")


def _create_object(_ev, args: list[Any]) -> dict[str, Any]:
    if len(args) % 2:
        raise function_failed("createObject", "the function takes pairs of keys and values.")
    return {_need("createObject", args[i], str): args[i + 1] for i in range(0, len(args), 2)}


def _coalesce(_ev, args: list[Any]) -> Any:
    return next((a for a in args if a is not None), None)


def _int(_ev, args: list[Any]) -> int:
    value = args[0]
    try:
        return int(value)
    except (TypeError, ValueError):
        raise function_failed("int", f"the value '{_to_text(value)}' cannot be converted to an integer.") from None


def _bool(_ev, args: list[Any]) -> bool:
    value = args[0]
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if isinstance(value, (bool, int)):
        return bool(value)
    raise function_failed("bool", f"the value '{_to_text(value)}' cannot be converted to a boolean.")


def _first_last(index: int) -> Callable:
    def pick(_ev, args: list[Any]) -> Any:
        value = _need("first" if index == 0 else "last", args[0], str, list)
        return value[index] if value else ("" if isinstance(value, str) else None)
    return pick


def _unique_string(_ev, args: list[Any]) -> str:
    seed = "-".join(_need("uniqueString", a, str) for a in args)
    digest = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big")
    return "".join(_UNIQUE_ALPHABET[(digest >> (5 * i)) & 31] for i in range(13))


def _guid(_ev, args: list[Any]) -> str:
    return str(uuid.uuid5(_GUID_NAMESPACE, "-".join(_need("guid", a, str) for a in args)))


def _logic(name: str, combine: Callable[[list[bool]], bool]) -> Callable:
    return lambda _ev, args: combine([_need(name, a, bool) for a in args])


FUNCTIONS: dict[str, tuple[Callable, int, int]] = {
    "parameters": (lambda ev, a: ev.parameter(_need("parameters", a[0], str)), 1, 1),
    "variables": (lambda ev, a: ev.variable(_need("variables", a[0], str)), 1, 1),
    "concat": (_concat, 1, 64),
    "format": (_format, 1, 64),
    "equals": (_equals, 2, 2),
    "not": (lambda _ev, a: not _need("not", a[0], bool), 1, 1),
    "and": (_logic("and", all), 2, 64),
    "or": (_logic("or", any), 2, 64),
    "true": (lambda _ev, a: True, 0, 0),
    "false": (lambda _ev, a: False, 0, 0),
    "null": (lambda _ev, a: None, 0, 0),
    "empty": (_empty, 1, 1),
    "json": (_json, 1, 1),
    "tolower": (lambda _ev, a: _need("toLower", a[0], str).lower(), 1, 1),
    "toupper": (lambda _ev, a: _need("toUpper", a[0], str).upper(), 1, 1),
    "contains": (_contains, 2, 2),
    "length": (_length, 1, 1),
    "union": (_union, 1, 64),
    "createobject": (_create_object, 0, 64),
    "coalesce": (_coalesce, 1, 64),
    "string": (lambda _ev, a: _to_text(a[0]) if a[0] is not None else "null", 1, 1),
    "int": (_int, 1, 1),
    "bool": (_bool, 1, 1),
    "base64": (lambda _ev, a: b64.b64encode(_need("base64", a[0], str).encode()).decode(), 1, 1),
    "split": (lambda _ev, a: _need("split", a[0], str).split(_need("split", a[1], str)), 2, 2),
    "replace": (lambda _ev, a: _need("replace", a[0], str).replace(_need("replace", a[1], str),
                                                                   _need("replace", a[2], str)), 3, 3),
    "first": (_first_last(0), 1, 1),
    "last": (_first_last(-1), 1, 1),
    "uniquestring": (_unique_string, 1, 64),
    "guid": (_guid, 1, 64),
    "subscription": (lambda ev, a: ev.scope.subscription_body(), 0, 0),
    "resourcegroup": (lambda ev, a: ev.scope.resource_group_body(), 0, 0),
    "deployment": (lambda ev, a: ev.scope.deployment_body(), 0, 0),
    "resourceid": (lambda ev, a: resource_id(ev.scope, [_need("resourceId", x, str) for x in a]), 2, 64),
    "extensionresourceid": (lambda ev, a: extension_resource_id([_need("extensionResourceId", x, str) for x in a]),
                            3, 64),
    "subscriptionresourceid": (lambda ev, a: resource_id(ev.scope, [_need("subscriptionResourceId", x, str)
                                                                      for x in a], subscription_level=True), 2, 64),
    "reference": (lambda ev, a: ev.reference(*a), 1, 3),
}


def check_known(name: str) -> None:
    if name.lower() != "if" and name.lower() not in FUNCTIONS:
        raise function_unknown(name)


def call(ev: Any, name: str, args: list[Any]) -> Any:
    entry = FUNCTIONS.get(name.lower())
    if entry is None:
        raise function_unknown(name)
    fn, least, most = entry
    if not least <= len(args) <= most:
        expected = f"{least}" if least == most else f"between {least} and {most}"
        raise TemplateError(f"The template language function '{name}' must have {expected} parameter(s). "
                            "Please see https://aka.ms/arm-functions for usage details.")
    return fn(ev, args)

