"""A template made ready to deploy: bound parameters, resources with ids in dependency order, outputs.

``prepare`` does what ARM's validation does (parameters, names, types, ids, dependsOn, cycles);
``Plan.body`` evaluates one resource when its turn comes, so ``reference()`` sees the resources
deployed before it; ``Plan.outputs`` evaluates the outputs at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import expressions, ordering
from .errors import TemplateError, at, validation_failed
from .evaluate import Evaluator, Reference
from .functions import check_known
from .jsonc import Positions
from .parameters import SECURE, TYPES, Bound, bind
from .resourceids import Scope, template_resource_id

NESTED_TYPE = "microsoft.resources/deployments"
# Keys of a template resource that steer the deployment rather than form the resource's body.
_CONTROL = ("name", "type", "apiVersion", "dependsOn", "condition", "scope", "comments", "copy", "resourceGroup",
            "subscriptionId")


class InvalidTemplate(Exception):
    """The whole message ARM sends with code ``code`` (InvalidTemplate unless said otherwise)."""

    def __init__(self, message: str, code: str = "InvalidTemplate"):
        super().__init__(message)
        self.message, self.code = message, code


@dataclass
class Step:
    index: int
    name: str
    type: str
    api_version: str
    id: str
    raw: dict[str, Any]
    condition: bool
    position: tuple[int, int] | None
    depends_on: list[str] = field(default_factory=list)
    depends: list[str] = field(default_factory=list)

    @property
    def is_nested(self) -> bool:
        return self.type.lower() == NESTED_TYPE


@dataclass
class Plan:
    scope: Scope
    bound: Bound
    evaluator: Evaluator
    steps: list[Step]
    template: dict[str, Any]
    positions: Positions

    def body(self, step: Step, reference: Reference) -> dict[str, Any]:
        self.evaluator.reference_fn = reference
        raw = {k: v for k, v in step.raw.items() if k not in _CONTROL}
        template = None
        if step.is_nested and isinstance(raw.get("properties"), dict):
            raw["properties"] = dict(raw["properties"])
            template = raw["properties"].pop("template", None)
        body = _guard(lambda: self.evaluator.value(raw), f"Unable to process template language expressions for "
                      f"resource '{step.id}' {at(step.position)}. ", runtime=True)
        if template is not None:
            body["properties"]["template"] = template  # evaluated later, by the nested deployment itself
        return body

    def outputs(self, reference: Reference) -> dict[str, Any]:
        self.evaluator.reference_fn = reference
        out: dict[str, Any] = {}
        for name, spec in (self.template.get("outputs") or {}).items():
            kind = str(spec.get("type", "string")).lower()
            shown = TYPES.get(kind, (spec.get("type"),))[0]
            if "condition" in spec and not self._condition(spec["condition"], f"output '{name}'"):
                continue
            value = _guard(lambda s=spec: self.evaluator.value(s.get("value")),
                           f"The template output '{name}' is not valid: ")
            out[name] = {"type": shown} if kind in SECURE else {"type": shown, "value": value}
        return out

    def _condition(self, raw: Any, what: str) -> bool:
        value = _guard(lambda: self.evaluator.value(raw), f"The template {what} is not valid: ")
        if not isinstance(value, bool):
            raise InvalidTemplate(validation_failed(f"The template {what} condition must evaluate to a boolean."))
        return value


def _guard(fn, context: str, runtime: bool = False) -> Any:
    """TemplateError -> ARM's message: a validation failure, or (while deploying) a processing failure."""
    try:
        return fn()
    except TemplateError as exc:
        if runtime:
            raise InvalidTemplate(f"{context}'{exc.message}'", exc.code) from None
        raise InvalidTemplate(validation_failed(f"{context}{exc.message}"), exc.code) from None


def _check_expressions(value: Any) -> None:
    """ARM parses every expression before deploying: malformed ones and unknown functions fail validation."""
    for text in expressions.strings_in(value):
        if expressions.is_expression(text):
            for name in expressions.function_names(expressions.parse(text)):
                check_known(name)


def prepare(template: Any, given: dict[str, Any], scope: Scope, positions: Positions,
            outer: Plan | None = None) -> Plan:
    """Validate ``template`` with ``given`` parameters; ``outer``: a nested template evaluated in its parent's scope."""
    if not isinstance(template, dict):
        raise InvalidTemplate("The request content was invalid: the template must be a JSON object.",
                              "InvalidRequestContent")
    _check_schema(template)
    if outer is not None:
        bound = Bound({}, {})  # an outer-scope template sees its parent's parameters and variables
        evaluator = Evaluator(scope, outer.bound.values, outer.template.get("variables") or {})
    else:
        bound = _guard(lambda: bind(template.get("parameters") or {}, given or {}, scope, positions), "")
        evaluator = Evaluator(scope, bound.values, template.get("variables") or {})
    steps = [_step(i, raw, evaluator, scope, positions) for i, raw in enumerate(template.get("resources") or [])]
    _check_unique(steps)
    for name, spec in (template.get("outputs") or {}).items():
        _guard(lambda s=spec: _check_expressions(s), f"The template output '{name}' is not valid: ")
    plan = Plan(scope, bound, evaluator, steps, template, positions)
    _guard(lambda: ordering.resolve(steps), "")
    plan.steps = _guard(lambda: ordering.topological(steps), "")
    for name in (template.get("variables") or {}) if outer is None else ():
        _guard(lambda n=name: evaluator.variable(n), f"The template variable '{name}' is not valid: ")
    return plan


def _check_unique(steps: list[Step]) -> None:
    seen: set[str] = set()
    for step in steps:
        key = step.id.lower()
        if step.condition and key in seen:
            raise InvalidTemplate(validation_failed(f"The resource '{step.id}' {at(step.position)} is defined "
                                                    "multiple times in a template. Please see "
                                                    "https://aka.ms/arm-syntax-resources for usage details."))
        if step.condition:
            seen.add(key)


def _check_schema(template: dict[str, Any]) -> None:
    schema = str(template.get("$schema", ""))
    if "deploymentTemplate.json" not in schema:
        raise InvalidTemplate(validation_failed(
            f"The template schema '{schema}' is not supported. The emulator deploys resource-group templates "
            "(https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#)."))
    if not isinstance(template.get("resources", []), list):
        raise InvalidTemplate(validation_failed("The template 'resources' section must be an array."))


def _step(index: int, raw: Any, ev: Evaluator, scope: Scope, positions: Positions) -> Step:
    position = positions.get(("resources", index))
    if not isinstance(raw, dict):
        raise InvalidTemplate(validation_failed(f"The template resource {at(position)} must be an object."))
    label = raw.get("name") if isinstance(raw.get("name"), str) else f"resources[{index}]"
    context = f"The template resource '{label}' {at(position)} is not valid: "
    if "copy" in raw:
        raise InvalidTemplate(validation_failed(f"{context}resource loops ('copy') are not supported by the "
                                                "emulator."), "InvalidTemplate")
    for key in ("name", "type", "apiVersion"):
        if not raw.get(key):
            raise InvalidTemplate(validation_failed(f"{context}the '{key}' property is required."))
    name, type_name, api_version = (_guard(lambda k=k: ev.value(raw[k]), context) for k in ("name", "type",
                                                                                            "apiVersion"))
    scope_expr = _guard(lambda: ev.value(raw.get("scope")), context)
    rid = _guard(lambda: template_resource_id(scope, type_name, name, scope_expr), context)
    condition = True
    if "condition" in raw:
        condition = _guard(lambda: ev.value(raw["condition"]), context)
        if not isinstance(condition, bool):
            raise InvalidTemplate(validation_failed(f"{context}the condition must evaluate to a boolean."))
    depends_on = _guard(lambda: ev.value(raw.get("dependsOn") or []), context)
    checked = dict(raw)
    if type_name.lower() == NESTED_TYPE and isinstance(raw.get("properties"), dict):
        checked["properties"] = {k: v for k, v in raw["properties"].items() if k != "template"}  # checked later
    _guard(lambda: _check_expressions(checked), context)
    step = Step(index, name, type_name, api_version, rid, raw, condition, position)
    step.depends_on = [str(d) for d in depends_on]
    return step
