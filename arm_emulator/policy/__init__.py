"""Azure Policy for the emulator, without HTTP: aliases, condition operators, the policy language and the
evaluation of one definition on one resource (DeployIfNotExists included)."""

from .evaluate import Evaluation, evaluate
from .validate import validate_definition

__all__ = ["Evaluation", "evaluate", "validate_definition"]
