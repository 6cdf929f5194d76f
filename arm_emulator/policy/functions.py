"""The functions a policy rule has beyond the template functions: utcNow, addDays, ipRangeContains.

policy(), requestContext() and current() need an assignment or a value count the emulator does not give
a rule; they are refused by name rather than evaluated wrongly.
"""

from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta, timezone
from typing import Any

from ..templates.errors import TemplateError, function_failed

UNSUPPORTED = frozenset({"policy", "requestcontext", "current"})


def _utc_now(args: list[Any]) -> str:
    if args:
        raise function_failed("utcNow", "the function takes no parameters in a policy rule.")
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _add_days(args: list[Any]) -> str:
    if len(args) != 2 or not isinstance(args[0], str) or not isinstance(args[1], int):
        raise function_failed("addDays", "it takes a dateTime string and a number of days.")
    try:
        when = datetime.fromisoformat(args[0].replace("Z", "+00:00"))
    except ValueError:
        raise function_failed("addDays", f"'{args[0]}' is not an ISO 8601 dateTime.") from None
    return (when + timedelta(days=args[1])).isoformat().replace("+00:00", "Z")


def _ip_range_contains(args: list[Any]) -> bool:
    if len(args) != 2 or not all(isinstance(a, str) for a in args):
        raise function_failed("ipRangeContains", "it takes an address range and a target range or address.")
    try:
        outer, inner = ipaddress.ip_network(args[0], strict=False), ipaddress.ip_network(args[1], strict=False)
    except ValueError as exc:
        raise function_failed("ipRangeContains", f"{exc}.") from None
    return outer.version == inner.version and inner.subnet_of(outer)


POLICY_FUNCTIONS = {"utcnow": _utc_now, "adddays": _add_days, "iprangecontains": _ip_range_contains}


def call(name: str, args: list[Any]) -> Any:
    if name.lower() in UNSUPPORTED:
        raise TemplateError(f"The policy function '{name}' is not supported by the emulator.")
    return POLICY_FUNCTIONS[name.lower()](args)
