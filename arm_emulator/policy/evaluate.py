"""Evaluating one policy definition, as an assignment binds it, on one resource."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..core.context import TENANT_ID
from ..templates.resourceids import Scope
from . import details as dt
from . import errors, fields, parameters, rules
from .expressions import PolicyEvaluator

Related = Callable[[str, str], list[dict]]
NO_RELATED = "No related resources match the effect details in the policy definition."  # Azure's wording


@dataclass
class Evaluation:
    applicable: bool  # the rule's `if` matched the resource
    effect: str  # resolved, lower-case
    compliant: bool | None  # None when not applicable or disabled
    reason: str
    deployment: dict[str, Any] | None = None  # deployIfNotExists: {"properties": {mode, template, parameters}}
    role_definition_ids: list[str] = field(default_factory=list)
    deployment_scope: str | None = None  # resource group id (or subscription id) the deployment runs in
    deployment_location: str | None = None
    details_type: str | None = None
    details_name: str | None = None
    existence_scope: str | None = None  # scope id the related resources were listed under
    evaluation_delay: str | None = None
    matching: list[str] = field(default_factory=list)  # ids of related resources meeting the existenceCondition


def evaluate(properties: dict[str, Any], parameters_given: dict[str, Any], resource: dict[str, Any],
             related: Related) -> Evaluation:
    """Evaluate the definition ``properties`` bound to ``parameters_given`` on ``resource``; every failure is an
    ArmError (a definition that validate_definition would refuse included), never a Python exception."""
    try:
        return _evaluate(properties, parameters_given, resource, related)
    except (AttributeError, IndexError, KeyError, TypeError, ValueError) as exc:
        raise errors.evaluation_failed(f"The definition, assignment or resource is malformed "
                                       f"({type(exc).__name__}).") from None


def _evaluate(properties: dict[str, Any], parameters_given: dict[str, Any], resource: dict[str, Any],
              related: Related) -> Evaluation:
    rule = dt.get(properties, "policyRule") or {}
    values = parameters.bind(dt.get(properties, "parameters") or {}, parameters_given)
    rid = str(resource.get("id", ""))
    scope = Scope(dt.subscription_of(rid), TENANT_ID, dt.resource_group_of(rid), str(resource.get("location", "")),
                  "")
    ev = PolicyEvaluator(scope, values)
    on_resource = ev.with_field(lambda name: fields.read(resource, name)[0])
    then = dt.get(rule, "then") or {}
    effect = on_resource.evaluate(dt.get(then, "effect"))
    if not isinstance(effect, str) or effect.lower() not in dt.EFFECTS:
        raise errors.evaluation_failed(f"The policy effect '{effect}' is not valid; the supported effects are "
                                       f"'{', '.join(dt.EFFECTS.values())}'.")
    effect = effect.lower()
    applicable = rules.holds(dt.get(rule, "if"), resource, ev)
    if effect == "disabled":
        return Evaluation(applicable, effect, None, "The policy effect is Disabled: nothing is evaluated.")
    if not applicable:
        return Evaluation(False, effect, None, "The resource does not match the policy rule's 'if' condition.")
    if effect in ("audit", "deny"):
        return Evaluation(True, effect, False, f"The resource matches the 'if' condition; the policy's effect is "
                                               f"{dt.EFFECTS[effect]}.")
    if effect not in dt.IF_NOT_EXISTS:
        raise errors.evaluation_failed(f"The policy effect '{dt.EFFECTS[effect]}' is not evaluated by the emulator; "
                                       "it evaluates DeployIfNotExists, AuditIfNotExists, Audit, Deny and Disabled.")
    return _if_not_exists(effect, dt.get(then, "details") or {}, resource, ev, on_resource, related)


def _if_not_exists(effect: str, details: dict[str, Any], resource: dict[str, Any], ev: PolicyEvaluator,
                   on_resource: PolicyEvaluator, related: Related) -> Evaluation:
    type_name = str(on_resource.evaluate(dt.get(details, "type", "")))
    name = on_resource.evaluate(dt.get(details, "name"))
    scope = dt.lookup_scope(resource, details, on_resource)
    candidates = [r for r in related(type_name, scope)
                  if name is None or str(name).lower() in (str(r.get("name", "")).lower(),
                                                           fields.full_name(r).lower())]
    condition = dt.get(details, "existenceCondition")
    matching = [str(r.get("id", "")) for r in candidates
                if condition is None or rules.holds(condition, r, ev)]
    named = f" named '{name}'" if name else ""
    if matching:
        reason = f"A related {type_name}{named} meets the existence condition."
    else:
        seen = f"{len(candidates)} found, none meets the existence condition" if candidates else "none exists"
        reason = f"{NO_RELATED} ({type_name}{named} under '{scope}': {seen}.)"
    found = Evaluation(True, effect, bool(matching), reason, details_type=type_name, details_name=name,
                       existence_scope=scope, evaluation_delay=dt.get(details, "evaluationDelay"), matching=matching)
    if effect == "deployifnotexists":
        found.deployment = dt.deployment(details, on_resource)
        found.role_definition_ids = list(dt.get(details, "roleDefinitionIds") or [])
        found.deployment_scope = dt.deployment_scope(resource, details)
        found.deployment_location = dt.get(dt.get(details, "deployment", {}), "location")
    return found
