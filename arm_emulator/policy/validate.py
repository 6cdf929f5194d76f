"""Checks a policy definition's properties as Azure Policy does when the definition is written."""

from __future__ import annotations

from typing import Any

from ..core.errors import ArmError
from . import details as dt
from . import errors, parameters, rules

MODES = ("all", "indexed")


def validate_definition(properties: dict[str, Any], name: str = "") -> None:
    """Raise ArmError(400, code, message) for the first thing Azure Policy would refuse."""
    try:
        _validate(properties)
    except (AttributeError, IndexError, KeyError, TypeError, ValueError) as exc:
        raise errors.invalid_rule(f"The definition is malformed ({type(exc).__name__}).") from None
    except ArmError as exc:
        if name and "The policy definition rule" in exc.message:
            exc.message = exc.message.replace("The policy definition rule", f"The policy definition '{name}' rule")
        raise


def _validate(properties: Any) -> None:
    if not isinstance(properties, dict):
        raise errors.invalid_rule("The definition's properties must be an object.")
    mode = dt.get(properties, "mode", "Indexed")
    if str(mode).lower() not in MODES:
        raise ArmError(400, "InvalidPolicyMode", f"The policy mode '{mode}' is not supported. The emulator "
                                                 "evaluates the modes 'All' and 'Indexed'.")
    declared = dt.get(properties, "parameters") or {}
    parameters.check_declared(declared)
    rule = dt.get(properties, "policyRule")
    if not isinstance(rule, dict) or dt.get(rule, "if") is None or not isinstance(dt.get(rule, "then"), dict):
        raise errors.invalid_rule("The 'policyRule' must be an object with an 'if' condition and a 'then' block.")
    rules.check(dt.get(rule, "if"), declared)
    then = dt.get(rule, "then")
    effect = dt.get(then, "effect")
    if not isinstance(effect, str):
        raise errors.invalid_rule("The 'then' block must have an 'effect'.")
    rules.check_expressions(effect, declared)
    possible = _possible_effects(effect, declared)
    if any(e in dt.IF_NOT_EXISTS for e in possible):
        _check_details(dt.get(then, "details"), declared, "deployifnotexists" in possible)


def _possible_effects(effect: str, declared: dict[str, Any]) -> list[str]:
    """The effects the rule can have: the literal one, or those its effect parameter allows."""
    if not rules.expressions_in(effect):
        if effect.lower() not in dt.EFFECTS:
            raise errors.invalid_rule(f"The policy effect '{effect}' is not valid; the supported effects are "
                                      f"'{', '.join(dt.EFFECTS.values())}'.")
        return [effect.lower()]
    spec = next((s for n, s in declared.items() if f"'{n.lower()}'" in effect.lower()), {}) or {}
    options = list(spec.get("allowedValues") or []) + ([spec["defaultValue"]] if "defaultValue" in spec else [])
    return [str(o).lower() for o in options]


def _check_details(details: Any, declared: dict[str, Any], deploys: bool) -> None:
    if not isinstance(details, dict) or not dt.get(details, "type"):
        raise errors.invalid_rule("An IfNotExists effect needs 'details' with the related resource 'type'.")
    condition = dt.get(details, "existenceCondition")
    if condition is not None:
        rules.check(condition, declared)
    for key, allowed in (("existenceScope", dt.SCOPES), ("deploymentScope", dt.SCOPES)):
        value = dt.get(details, key)
        if value is not None and str(value).lower() not in allowed:
            raise errors.invalid_rule(f"The details '{key}' '{value}' is not valid; use 'resourceGroup' or "
                                      "'subscription'.")
    dt.delay_seconds(dt.get(details, "evaluationDelay"))
    checked = {k: v for k, v in details.items() if k.lower() not in ("existencecondition", "deployment")}
    rules.check_expressions(checked, declared)
    if not deploys:
        return
    props = dt.get(dt.get(details, "deployment"), "properties")
    if not isinstance(props, dict) or not isinstance(dt.get(props, "template"), dict):
        raise errors.invalid_rule("A DeployIfNotExists effect needs 'details.deployment.properties.template'.")
    roles = dt.get(details, "roleDefinitionIds")
    if not isinstance(roles, list) or not roles:
        raise errors.invalid_rule("A DeployIfNotExists effect needs 'details.roleDefinitionIds' naming at least one "
                                  "role the assignment's identity gets.")
    rules.check_expressions(dt.get(props, "parameters") or {}, declared)
