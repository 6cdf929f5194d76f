"""A definition's declared parameters bound to an assignment's values, with Azure Policy's checks."""

from __future__ import annotations

import json
from typing import Any

from . import errors

# Declared type (lower-cased) -> JSON check.
TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "array": (list,), "object": (dict,), "boolean": (bool,), "integer": (int,),
    "float": (int, float), "datetime": (str,),
}


def check_declared(declared: Any) -> None:
    if not isinstance(declared, dict):
        raise errors.invalid_parameter("The definition's 'parameters' must be an object.")
    for name, spec in declared.items():
        kind = str(spec.get("type", "")).lower() if isinstance(spec, dict) else ""
        if kind not in TYPES:
            shown = spec.get("type") if isinstance(spec, dict) else None
            raise errors.invalid_parameter(f"The parameter '{name}' has the type '{shown}'; the supported types "
                                           f"are '{', '.join(t.title() for t in TYPES)}'.")
        if "defaultValue" in spec:
            _checked(name, kind, spec["defaultValue"], spec)


def bind(declared: dict[str, Any], given: dict[str, Any] | None) -> dict[str, Any]:
    """{name: value} for every declared parameter: the assignment's value, else the defaultValue."""
    given = {k.lower(): v for k, v in (given or {}).items()}
    unknown = [k for k in given if k not in {d.lower() for d in declared}]
    if unknown:
        raise errors.invalid_parameter(f"The parameter '{unknown[0]}' is not defined in the policy definition; "
                                       f"the defined parameters are '{', '.join(declared)}'.")
    values: dict[str, Any] = {}
    for name, spec in declared.items():
        entry = given.get(name.lower())
        if isinstance(entry, dict) and "value" in entry:
            value = entry["value"]
        elif "defaultValue" in spec:
            value = spec["defaultValue"]
        else:
            raise errors.missing_parameter(name)
        values[name] = _checked(name, str(spec.get("type", "")).lower(), value, spec)
    return values


def _checked(name: str, kind: str, value: Any, spec: dict[str, Any]) -> Any:
    wanted = TYPES.get(kind, (object,))
    ok = isinstance(value, wanted) and not (isinstance(value, bool) and bool not in wanted)
    if not ok:
        raise errors.invalid_parameter(f"The value '{json.dumps(value)}' of the parameter '{name}' is not of the "
                                       f"declared type '{spec.get('type')}'.")
    allowed = spec.get("allowedValues")
    if allowed is not None and value not in allowed:
        raise errors.invalid_parameter(f"The value '{json.dumps(value)}' of the parameter '{name}' is not one of "
                                       f"its allowed values '{', '.join(json.dumps(a) for a in allowed)}'.")
    return value
