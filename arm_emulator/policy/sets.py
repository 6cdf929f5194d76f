"""Policy set definitions (initiatives): checking the member list and giving each member its parameters.

A member's parameter values are expressions over the set's parameters (``[parameters('setParam')]``) or
literals; ``member_parameters`` evaluates them with the set assignment's values, ready for ``evaluate``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.context import TENANT_ID
from ..core.errors import ArmError
from ..templates.resourceids import Scope
from . import errors, parameters, rules
from .details import get
from .expressions import PolicyEvaluator

Definitions = Callable[[str], "dict[str, Any] | None"]  # definition id -> its properties, None when unknown


def members(properties: dict[str, Any]) -> list[dict[str, Any]]:
    found = get(properties, "policyDefinitions")
    if not isinstance(found, list) or not found:
        raise errors.invalid_rule("A policy set definition needs a non-empty 'policyDefinitions' array.")
    return found


def reference_id(member: dict[str, Any], index: int) -> str:
    return str(get(member, "policyDefinitionReferenceId") or index)


def validate_set_definition(properties: dict[str, Any], definitions: Definitions) -> None:
    """Refuse a set whose members are unknown, repeat a reference id, or pass parameters nobody declares."""
    declared = get(properties, "parameters") or {}
    parameters.check_declared(declared)
    seen: set[str] = set()
    for index, member in enumerate(members(properties)):
        if not isinstance(member, dict) or not isinstance(get(member, "policyDefinitionId"), str):
            raise errors.invalid_rule(f"The policy set member {index} needs a 'policyDefinitionId'.")
        ref = reference_id(member, index).lower()
        if ref in seen:
            raise errors.invalid_rule(f"The policyDefinitionReferenceId '{reference_id(member, index)}' is used twice.")
        seen.add(ref)
        definition_id = get(member, "policyDefinitionId")
        target = definitions(definition_id)
        if target is None:
            raise ArmError(400, "PolicyDefinitionNotFound", f"The policy definition '{definition_id}' could not be "
                                                            "found.")
        given = get(member, "parameters") or {}
        known = {n.lower() for n in (get(target, "parameters") or {})}
        unknown = [n for n in given if n.lower() not in known]
        if unknown:
            raise errors.invalid_parameter(f"The policy set member '{reference_id(member, index)}' passes the "
                                           f"parameter '{unknown[0]}', which '{definition_id}' does not define.")
        rules.check_expressions(given, declared)


def member_parameters(properties: dict[str, Any], given: dict[str, Any], member: dict[str, Any]) -> dict[str, Any]:
    """{name: {"value": v}} for ``member``, its expressions evaluated with the set assignment's ``given`` values."""
    values = parameters.bind(get(properties, "parameters") or {}, given)
    ev = PolicyEvaluator(Scope("", TENANT_ID, "", "", ""), values)
    out: dict[str, Any] = {}
    for name, entry in (get(member, "parameters") or {}).items():
        out[name] = {"value": ev.evaluate(get(entry, "value"))}
    return out
