"""The one door to the evaluation engine (``arm_emulator.policy``), imported when first used."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Related = Callable[[str, str], list[dict[str, Any]]]


def validate_definition(properties: dict[str, Any]) -> None:
    """Raises ArmError (ARM's own codes) for a rule the engine cannot evaluate."""
    from ..policy import validate_definition as validate

    validate(properties)


def evaluate(properties: dict[str, Any], parameters: dict[str, Any], resource: dict[str, Any],
             related: Related) -> Any:
    """An Evaluation: applicable, effect, compliant, reason, deployment, role_definition_ids, deployment scope."""
    from ..policy import evaluate as run

    return run(properties, parameters, resource, related)
