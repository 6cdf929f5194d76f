"""The errors Azure Policy answers with for a definition or assignment it cannot accept or evaluate."""

from __future__ import annotations

from ..core.errors import ArmError


def _named(what: str, name: str) -> str:
    return f"The policy {what} '{name}'" if name else f"The policy {what}"


def invalid_rule(reason: str, definition: str = "") -> ArmError:
    return ArmError(400, "InvalidPolicyRule", f"{_named('definition', definition)} rule is invalid. {reason}")


def invalid_alias(field: str, definition: str = "", supported: list[str] | None = None) -> ArmError:
    namespace, _, rest = field.partition("/")
    type_name = rest.rsplit("/", 1)[0] if "/" in rest else ""
    where = f"under provider '{namespace}' and resource type '{type_name}'" if type_name else "in the emulator"
    listed = f" The supported aliases are '{', '.join(supported)}'." if supported else ""
    return ArmError(400, "InvalidPolicyAlias", f"{_named('definition', definition)} rule is invalid. The 'field' "
                                               f"property '{field}' of the policy rule doesn't exist as an alias "
                                               f"{where}.{listed}")


def undefined_parameter(name: str, definition: str = "") -> ArmError:
    return ArmError(400, "UndefinedPolicyParameter", f"{_named('definition', definition)} has an undefined "
                                                     f"parameter '{name}'.")


def missing_parameter(name: str, assignment: str = "") -> ArmError:
    return ArmError(400, "MissingPolicyParameter", f"{_named('assignment', assignment)} has a missing parameter "
                                                   f"'{name}' defined in the policy definition.")


def invalid_parameter(reason: str) -> ArmError:
    return ArmError(400, "InvalidPolicyParameters", f"The policy parameters are invalid. {reason}")


def evaluation_failed(reason: str) -> ArmError:
    return ArmError(400, "InvalidPolicyRule", f"The policy rule could not be evaluated. {reason}")
