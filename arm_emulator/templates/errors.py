"""InvalidTemplate and friends, worded as ARM words them."""

from __future__ import annotations


class TemplateError(Exception):
    """A template or parameter problem; ``message`` is the inner text ARM wraps in its own sentence."""

    def __init__(self, message: str, code: str = "InvalidTemplate"):
        super().__init__(message)
        self.message = message
        self.code = code


def at(position: tuple[int, int] | None) -> str:
    line, column = position or (1, 1)
    return f"at line '{line}' and column '{column}'"


def validation_failed(inner: str) -> str:
    return f"Deployment template validation failed: '{inner}'."


def function_unknown(name: str) -> TemplateError:
    return TemplateError(f"The template function '{name}' is not valid. Please see https://aka.ms/arm-functions "
                         "for usage details.")


def function_failed(name: str, reason: str) -> TemplateError:
    return TemplateError(f"Unable to evaluate template language function '{name}': {reason} Please see "
                         "https://aka.ms/arm-functions for usage details.")
