"""Azure Policy for the emulator, without HTTP: aliases, condition operators, the policy language and the
evaluation of one definition on one resource (DeployIfNotExists included); policy sets' members."""

from .evaluate import Evaluation, evaluate
from .sets import member_parameters, members, validate_set_definition
from .validate import validate_definition

__all__ = ["Evaluation", "evaluate", "member_parameters", "members", "validate_definition",
           "validate_set_definition"]
