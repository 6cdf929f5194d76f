"""Policy conditions: allOf / anyOf / not over leaves {field|value|count, <operator>: expected}.

``holds`` evaluates a condition on one resource; ``check`` validates one as a definition is written
(structure, operators, aliases, functions), raising the error Azure Policy gives.
"""

from __future__ import annotations

import json
from typing import Any

from . import aliases, errors, expressions, fields
from .conditions import OPERATORS, names
from .expressions import PolicyEvaluator

_LOGICAL = ("allof", "anyof", "not")
_SUBJECTS = ("field", "value", "count")


def holds(condition: Any, resource: dict[str, Any], ev: PolicyEvaluator,
          bindings: dict[str, int] | None = None) -> bool:
    bindings = bindings or {}
    keys = {k.lower(): k for k in condition} if isinstance(condition, dict) else {}
    if "allof" in keys:
        return all(holds(c, resource, ev, bindings) for c in _conditions(condition[keys["allof"]], "allOf"))
    if "anyof" in keys:
        return any(holds(c, resource, ev, bindings) for c in _conditions(condition[keys["anyof"]], "anyOf"))
    if "not" in keys:
        return not holds(condition[keys["not"]], resource, ev, bindings)
    subject, operator = _leaf_keys(condition)
    scoped = ev.with_field(lambda name: fields.read(resource, name, bindings)[0])
    many = False
    if subject == "field":
        actual, many = fields.read(resource, _field_name(condition[keys["field"]], scoped), bindings)
    elif subject == "value":
        actual = scoped.evaluate(condition[keys["value"]])
    else:
        actual = _count(condition[keys["count"]], resource, scoped, bindings)
    spelled, test, wants_array = OPERATORS[operator]
    expected = scoped.evaluate(condition[keys[operator]])
    if wants_array and not isinstance(expected, list):
        raise errors.evaluation_failed(f"The '{spelled}' condition needs an array; it was given "
                                       f"'{json.dumps(expected)}'.")
    if many:
        return all(test(value, expected) for value in actual)
    return test(actual, expected)


def _conditions(value: Any, operator: str) -> list[Any]:
    if not isinstance(value, list):
        raise errors.invalid_rule(f"The '{operator}' operator needs an array of conditions.")
    return value


def _field_name(raw: Any, ev: PolicyEvaluator) -> str:
    name = ev.evaluate(raw)
    if not isinstance(name, str):
        raise errors.evaluation_failed(f"The 'field' expression '{raw}' must evaluate to a string.")
    return name


def _count(spec: Any, resource: dict[str, Any], ev: PolicyEvaluator, bindings: dict[str, int]) -> int:
    if not isinstance(spec, dict) or "field" not in spec:
        raise errors.evaluation_failed("A 'count' over a 'value' array is not supported by the emulator; count a "
                                       "'field' alias with [*].")
    alias = aliases.lookup(_field_name(spec["field"], ev))
    path = fields.bound_path(alias, bindings) if alias else ""
    if alias is None or not path.endswith("[*]"):
        raise errors.evaluation_failed(f"The 'count' field '{spec['field']}' must be an array alias ending in [*].")
    values, _ = fields.read(resource, alias.name, bindings)
    if alias.type and alias.type.lower() != str(resource.get("type", "")).lower():
        return 0
    where = spec.get("where")
    return sum(1 for i in range(len(values or []))
               if where is None or holds(where, resource, ev, {**bindings, path: i}))


def _leaf_keys(condition: Any) -> tuple[str, str]:
    if not isinstance(condition, dict):
        raise errors.invalid_rule(f"A condition must be an object; found '{json.dumps(condition)}'.")
    lowered = [k.lower() for k in condition]
    subjects = [k for k in lowered if k in _SUBJECTS]
    others = [k for k in lowered if k not in _SUBJECTS]
    if len(subjects) != 1:
        raise errors.invalid_rule(f"The condition '{json.dumps(condition)}' must have exactly one of 'field', "
                                  "'value' or 'count' (or be an 'allOf', 'anyOf' or 'not').")
    unknown = [k for k in others if k not in OPERATORS]
    if unknown or len(others) != 1:
        shown = next((k for k in condition if k.lower() in unknown), None)
        what = f"the operator '{shown}' is not supported" if shown else "it must have exactly one operator"
        raise errors.invalid_rule(f"The condition '{json.dumps(condition)}' is invalid: {what}. The supported "
                                  f"operators are '{names()}'.")
    return subjects[0], others[0]


def check(condition: Any, parameters: dict[str, Any]) -> None:
    """Validate ``condition`` against the definition's declared ``parameters`` (names matched case-insensitively)."""
    keys = {k.lower(): k for k in condition} if isinstance(condition, dict) else {}
    logical = [k for k in keys if k in _LOGICAL]
    if logical:
        if len(keys) != 1:
            raise errors.invalid_rule(f"The logical operator '{keys[logical[0]]}' must be the only property of "
                                      f"its object; found '{', '.join(condition)}'.")
        inner = condition[keys[logical[0]]]
        if logical[0] == "not":
            check(inner, parameters)
            return
        if not isinstance(inner, list) or not inner:
            raise errors.invalid_rule(f"The '{keys[logical[0]]}' operator needs a non-empty array of conditions.")
        for item in inner:
            check(item, parameters)
        return
    subject, operator = _leaf_keys(condition)
    check_expressions(condition, parameters)
    raw = condition[keys[subject]]
    if subject == "field":
        check_field(raw)
    elif subject == "count":
        if not isinstance(raw, dict) or "field" not in raw:
            raise errors.invalid_rule("A 'count' must name a 'field' array alias with [*] (a 'value' count is not "
                                      "supported by the emulator).")
        check_field(raw["field"])
        if raw.get("where") is not None:
            check(raw["where"], parameters)


def check_field(name: Any) -> None:
    if not isinstance(name, str):
        raise errors.invalid_rule(f"The 'field' property must be a string; found '{json.dumps(name)}'.")
    if expressions_in(name):
        return  # an expression naming the field is known only when evaluated
    if aliases.lookup(name) is None:
        type_name = name.rsplit("/", 1)[0]
        raise errors.invalid_alias(name, supported=aliases.aliases_of(type_name) or None)


def expressions_in(text: str) -> bool:
    return text.startswith("[") and text.endswith("]") and not text.startswith("[[")


def check_expressions(value: Any, parameters: dict[str, Any]) -> None:
    declared = {p.lower() for p in parameters}
    for name, literals in expressions.check(value):
        if name.lower() == "parameters" and literals and str(literals[0]).lower() not in declared:
            raise errors.undefined_parameter(str(literals[0]))
        if name.lower() == "field" and literals:
            check_field(str(literals[0]))
