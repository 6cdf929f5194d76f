"""Policy language expressions: the template expression engine with field(), the policy's parameters,
and without the template functions a policy rule may not call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.errors import ArmError
from ..templates import expressions as parsing
from ..templates.errors import TemplateError
from ..templates.evaluate import Evaluator
from ..templates.functions import FUNCTIONS
from ..templates.resourceids import Scope
from . import errors
from . import functions as policy_functions

# Template functions Azure Policy does not offer in a policy rule.
EXCLUDED = frozenset({"reference", "resourceid", "extensionresourceid", "subscriptionresourceid", "deployment",
                      "variables"})

FieldReader = Callable[[str], Any]
_POLICY_ONLY = frozenset(policy_functions.POLICY_FUNCTIONS) | policy_functions.UNSUPPORTED | {"field"}


class PolicyEvaluator(Evaluator):
    def __init__(self, scope: Scope, parameters: dict[str, Any], field: FieldReader | None = None):
        super().__init__(scope, parameters, {})
        self._field = field

    def parameter(self, name: str) -> Any:
        if name.lower() not in self._parameters:
            raise errors.undefined_parameter(name)
        return self._parameters[name.lower()]

    def field(self, name: str) -> Any:
        """field(): read through the reader the rule binds (the evaluated or the related resource)."""
        if self._field is None:
            raise TemplateError("The function 'field' is not expected at this location.")
        return self._field(name)

    def with_field(self, field: FieldReader) -> PolicyEvaluator:
        return PolicyEvaluator(self.scope, self._parameters, field)

    def node(self, node: tuple) -> Any:
        if node[0] == "call" and node[1].lower() == "field":
            if len(node[2]) != 1:
                raise TemplateError("The policy function 'field' takes 1 parameter.")
            name = self.node(node[2][0])
            if not isinstance(name, str):
                raise TemplateError("The policy function 'field' takes the name of a field or alias.")
            return self.field(name)
        if node[0] == "call" and node[1].lower() in _POLICY_ONLY:
            return policy_functions.call(node[1], [self.node(a) for a in node[2]])
        return super().node(node)

    def evaluate(self, value: Any) -> Any:
        """``value`` with every expression evaluated; a failure is ARM's error, never a Python exception."""
        check(value)
        try:
            return self.value(value)
        except ArmError:
            raise
        except TemplateError as exc:
            raise errors.evaluation_failed(exc.message) from None


def check(value: Any) -> list[tuple[str, list]]:
    """Parse every expression in ``value``; unknown or excluded functions are InvalidPolicyRule.
    Returns the (function, literal arguments) calls found, for checks of field() and parameters()."""
    calls: list[tuple[str, list]] = []
    for text in parsing.strings_in(value):
        if not parsing.is_expression(text):
            continue
        try:
            node = parsing.parse(text)
        except TemplateError as exc:
            raise errors.invalid_rule(f"The expression '{text}' cannot be parsed: {exc.message}") from None
        calls.extend(_calls(node))
    for name, _ in calls:
        if name.lower() in policy_functions.UNSUPPORTED:
            raise errors.invalid_rule(f"The policy function '{name}' is not supported by the emulator.")
        if name.lower() in _POLICY_ONLY or name.lower() == "if":
            continue
        if name.lower() not in FUNCTIONS or name.lower() in EXCLUDED:
            raise errors.invalid_rule(f"The template function '{name}' is not valid in a policy rule.")
    return calls


def _calls(node: tuple) -> list[tuple[str, list]]:
    kind = node[0]
    if kind == "lit":
        return []
    if kind == "call":
        literals = [a[1] for a in node[2] if a[0] == "lit"]
        return [(node[1], literals)] + [c for arg in node[2] for c in _calls(arg)]
    found = _calls(node[1])
    return found + _calls(node[2]) if kind == "index" else found
