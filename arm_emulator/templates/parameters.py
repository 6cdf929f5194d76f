"""Binding deployment parameters to a template's parameter declarations, with ARM's checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import TemplateError, at
from .evaluate import Evaluator
from .jsonc import Positions
from .resourceids import Scope

# Declared type (lower-cased) -> (name ARM shows back, JSON check, JToken type ARM names in errors).
TYPES: dict[str, tuple[str, type | tuple[type, ...], str]] = {
    "string": ("String", str, "String, Uri"),
    "securestring": ("SecureString", str, "String, Uri"),
    "int": ("Int", int, "Integer"),
    "bool": ("Bool", bool, "Boolean"),
    "object": ("Object", dict, "Object"),
    "secureobject": ("SecureObject", dict, "Object"),
    "array": ("Array", list, "Array"),
}
SECURE = ("securestring", "secureobject")


@dataclass
class Bound:
    values: dict[str, Any]  # name as declared -> value
    types: dict[str, str]  # name as declared -> lower-cased declared type

    def shown(self) -> dict[str, dict[str, Any]]:
        """As a deployment shows its parameters: secure ones with their type only."""
        return {name: {"type": TYPES[t][0]} if t in SECURE else {"type": TYPES[t][0], "value": self.values[name]}
                for name, t in self.types.items()}


def _jtoken(value: Any) -> str:
    if isinstance(value, bool):
        return "Boolean"
    return {int: "Integer", float: "Float", str: "String", dict: "Object", list: "Array"}.get(type(value), "Null")


def bind(declared: dict[str, Any], given: dict[str, Any], scope: Scope, positions: Positions) -> Bound:
    declared = declared or {}
    if not isinstance(declared, dict):
        raise TemplateError("The template 'parameters' section must be an object.")
    unknown = [n for n in given if n.lower() not in {d.lower() for d in declared}]
    if unknown:
        raise TemplateError(
            f"The template parameters '{', '.join(unknown)}' in the parameters file are not valid; they are not "
            "present in the original template and can therefore not be provided at deployment time. The only "
            f"supported parameters for this template are '{', '.join(declared)}'. Please see "
            "https://aka.ms/arm-pass-parameter-values for usage details.")
    supplied = {k.lower(): v for k, v in given.items()}
    values: dict[str, Any] = {}
    types: dict[str, str] = {}
    for name, spec in declared.items():
        where = at(positions.get(("parameters", name)))
        kind = str((spec or {}).get("type", "")).lower()
        if kind not in TYPES:
            raise TemplateError(f"The template parameter '{name}' {where} has an invalid type "
                                f"'{(spec or {}).get('type')}'. The supported types are "
                                "'string, securestring, int, bool, object, secureObject, array'.")
        entry = supplied.get(name.lower())
        if entry is not None and isinstance(entry, dict) and "reference" in entry:
            raise TemplateError(f"The parameter '{name}' uses a Key Vault reference, which the emulator does not "
                                "resolve; pass the value itself.")
        if entry is not None and isinstance(entry, dict) and "value" in entry:
            value = entry["value"]
        elif "defaultValue" in spec:
            value = Evaluator(scope, values, {}).value(spec["defaultValue"])
        else:
            raise TemplateError(f"The value for the template parameter '{name}' {where} is not provided. Please "
                                "see https://aka.ms/arm-create-parameter-file for usage details.")
        values[name] = _checked(name, kind, value, spec, where)
        types[name] = kind
    return Bound(values, types)


def _checked(name: str, kind: str, value: Any, spec: dict[str, Any], where: str) -> Any:
    _, python_type, jtoken = TYPES[kind]
    if kind == "int" and isinstance(value, str) and value.lstrip("-").isdigit():
        value = int(value)  # ARM converts numeric strings for int parameters
    if kind == "bool" and isinstance(value, str) and value.lower() in ("true", "false"):
        value = value.lower() == "true"
    ok = isinstance(value, python_type) and not (kind == "int" and isinstance(value, bool))
    if not ok:
        raise TemplateError(f"Template parameter JToken type is not valid. Expected '{jtoken}'. Actual "
                            f"'{_jtoken(value)}'. Please see https://aka.ms/resource-manager-parameter-files for "
                            "usage details.")
    shown = "" if kind in SECURE else f" '{value}'"
    allowed = spec.get("allowedValues")
    if allowed is not None and value not in allowed:
        raise TemplateError(f"The provided value{shown} for the template parameter '{name}' {where} is not valid. "
                            f"The parameter value is not part of the allowed value(s): "
                            f"'{','.join(str(a) for a in allowed)}'.")
    for key, test, words in (("minValue", lambda v, b: v >= b, "greater than or equal to"),
                             ("maxValue", lambda v, b: v <= b, "less than or equal to")):
        if key in spec and kind == "int" and not test(value, spec[key]):
            raise TemplateError(f"The provided value{shown} for the template parameter '{name}' {where} is not "
                                f"valid. The value must be {words} '{spec[key]}'.")
    for key, test, words in (("minLength", lambda n, b: n >= b, "greater than or equal to"),
                             ("maxLength", lambda n, b: n <= b, "less than or equal to")):
        if key in spec and isinstance(value, (str, list)) and not test(len(value), spec[key]):
            raise TemplateError(f"The provided value for the template parameter '{name}' {where} is not valid. "
                                f"Length of the value should be {words} '{spec[key]}'.")
    return value
