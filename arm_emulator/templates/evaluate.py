"""Evaluation of template values: every string in [brackets] anywhere in a JSON value, keys included."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import expressions
from .errors import TemplateError, function_failed
from .functions import call
from .resourceids import Scope

# reference(resourceIdOrName, apiVersion, 'Full') of a resource deployed earlier in the same deployment.
Reference = Callable[[str, "str | None", bool], Any]


class Evaluator:
    def __init__(self, scope: Scope, parameters: dict[str, Any], variables: dict[str, Any],
                 reference: Reference | None = None):
        self.scope = scope
        self._parameters = {k.lower(): v for k, v in parameters.items()}
        self._raw_variables = {k.lower(): v for k, v in (variables or {}).items()}
        self._variables: dict[str, Any] = {}
        self._evaluating: list[str] = []
        self.reference_fn = reference

    @property
    def parameter_values(self) -> dict[str, Any]:
        return dict(self._parameters)

    def parameter(self, name: str) -> Any:
        if name.lower() not in self._parameters:
            raise TemplateError(f"The template parameter '{name}' is not found. Please see "
                                "https://aka.ms/arm-syntax-parameters for usage details.")
        return self._parameters[name.lower()]

    def variable(self, name: str) -> Any:
        key = name.lower()
        if key in self._variables:
            return self._variables[key]
        if key not in self._raw_variables:
            raise TemplateError(f"The template variable '{name}' is not found. Please see "
                                "https://aka.ms/arm-syntax-variables for usage details.")
        if key in self._evaluating:
            chain = " -> ".join(self._evaluating[self._evaluating.index(key):] + [key])
            raise TemplateError(f"The template variable '{name}' is not valid: circular reference ({chain}).")
        self._evaluating.append(key)
        try:
            self._variables[key] = self.value(self._raw_variables[key])
        finally:
            self._evaluating.pop()
        return self._variables[key]

    def reference(self, target: Any, api_version: Any = None, full: Any = None) -> Any:
        if self.reference_fn is None:
            raise TemplateError("The template function 'reference' is not expected at this location. Please see "
                                "https://aka.ms/arm-functions#reference for usage details.")
        return self.reference_fn(str(target), api_version, str(full or "").lower() == "full")

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            out: dict[str, Any] = {}
            for key, item in value.items():
                name = self.text(key)
                if not isinstance(name, str):
                    raise TemplateError(f"The property name expression '{key}' must evaluate to a string.")
                out[name] = self.value(item)
            return out
        return value

    def text(self, value: str) -> Any:
        if not expressions.is_expression(value):
            return expressions.unescape(value)
        return self.node(expressions.parse(value))

    def node(self, node: tuple) -> Any:
        kind = node[0]
        if kind == "lit":
            return node[1]
        if kind == "call":
            name, args = node[1], node[2]
            if name.lower() == "if":
                return self._if(args)
            return call(self, name, [self.node(a) for a in args])
        target = self.node(node[1])
        if kind == "prop":
            return _member(target, node[2])
        return _index(target, self.node(node[2]))

    def _if(self, args: list[tuple]) -> Any:
        if len(args) != 3:
            raise TemplateError("The template language function 'if' must have 3 parameter(s). Please see "
                                "https://aka.ms/arm-functions for usage details.")
        condition = self.node(args[0])
        if not isinstance(condition, bool):
            raise function_failed("if", "the first argument must be a boolean.")
        return self.node(args[1] if condition else args[2])


def _member(target: Any, name: str) -> Any:
    if isinstance(target, dict):
        for key, value in target.items():
            if key.lower() == name.lower():
                return value
    kind = type(target).__name__ if not isinstance(target, dict) else "Object"
    raise TemplateError(f"The language expression property '{name}' doesn't exist, available properties are "
                        f"'{', '.join(target) if isinstance(target, dict) else kind}'.")


def _index(target: Any, index: Any) -> Any:
    if isinstance(target, list) and isinstance(index, int) and not isinstance(index, bool):
        if -len(target) <= index < len(target) and index >= 0:
            return target[index]
        raise TemplateError(f"The language expression property array index '{index}' is out of bounds.")
    if isinstance(target, dict) and isinstance(index, str):
        return _member(target, index)
    raise TemplateError(f"The language expression index '{index}' is not valid for a value of this type.")
