"""The condition operators of the policy language, one table row each, with Azure Policy's semantics.

Strings compare case-insensitively (equals, in, contains, like, matchInsensitively, containsKey); only
match/notMatch are case-sensitive. Scalars of different JSON types compare by their text (true equals
'true', 600 equals '600'). A missing value equals the empty string. like takes '*' wildcards; match takes
'#' (a digit), '?' (a letter), '.' (any character) and matches the whole value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def equals(actual: Any, expected: Any) -> bool:
    if isinstance(actual, dict) and isinstance(expected, dict):
        lowered = {k.lower(): v for k, v in expected.items()}
        return len(actual) == len(expected) and all(k.lower() in lowered and equals(v, lowered[k.lower()])
                                                     for k, v in actual.items())
    if isinstance(actual, list) and isinstance(expected, list):
        return len(actual) == len(expected) and all(equals(a, e) for a, e in zip(actual, expected, strict=True))
    if isinstance(actual, (dict, list)) or isinstance(expected, (dict, list)):
        return False
    if _number(actual) and _number(expected):
        return actual == expected
    return _text(actual).lower() == _text(expected).lower()


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _in(actual: Any, expected: Any) -> bool:
    return any(equals(actual, e) for e in expected)


def like(actual: Any, pattern: Any) -> bool:
    parts = [re.escape(p) for p in _text(pattern).split("*")]
    return re.fullmatch(".*".join(parts), _text(actual), re.IGNORECASE | re.DOTALL) is not None


def _match_regex(pattern: str) -> str:
    out = []
    for ch in pattern:
        out.append({"#": "[0-9]", "?": "[A-Za-z]", ".": "."}.get(ch, re.escape(ch)))
    return "".join(out)


def match(actual: Any, pattern: Any, insensitive: bool = False) -> bool:
    if actual is None or isinstance(actual, (dict, list)):
        return False
    flags = re.IGNORECASE if insensitive else 0
    return re.fullmatch(_match_regex(_text(pattern)), _text(actual), flags | re.DOTALL) is not None


def contains(actual: Any, expected: Any) -> bool:
    if isinstance(actual, list):
        return any(equals(a, expected) for a in actual)
    if isinstance(actual, dict):
        return False
    return _text(expected).lower() in _text(actual).lower()


def contains_key(actual: Any, key: Any) -> bool:
    return isinstance(actual, dict) and _text(key).lower() in (k.lower() for k in actual)


def _order(actual: Any, expected: Any) -> int | None:
    """-1, 0, 1 comparing numbers as numbers, ISO dates as dates, other text case-insensitively."""
    if actual is None:
        return None
    if _number(actual) and _number(expected):
        return (actual > expected) - (actual < expected)
    left, right = _text(actual), _text(expected)
    try:
        a, b = datetime.fromisoformat(left.replace("Z", "+00:00")), datetime.fromisoformat(right.replace("Z",
                                                                                                          "+00:00"))
        return (a > b) - (a < b)
    except (ValueError, TypeError):
        left, right = left.lower(), right.lower()
        return (left > right) - (left < right)


def _compare(test: Callable[[int], bool]) -> Callable[[Any, Any], bool]:
    def check(actual: Any, expected: Any) -> bool:
        order = _order(actual, expected)
        return order is not None and test(order)
    return check


def exists(actual: Any, expected: Any) -> bool:
    present = actual is not None
    return present == (_text(expected).lower() == "true")


# lower-cased name -> (name as Azure spells it, test(actual, expected), expected must be an array)
OPERATORS: dict[str, tuple[str, Callable[[Any, Any], bool], bool]] = {
    "equals": ("equals", equals, False),
    "notequals": ("notEquals", lambda a, e: not equals(a, e), False),
    "like": ("like", like, False),
    "notlike": ("notLike", lambda a, e: not like(a, e), False),
    "match": ("match", match, False),
    "matchinsensitively": ("matchInsensitively", lambda a, e: match(a, e, True), False),
    "notmatch": ("notMatch", lambda a, e: not match(a, e), False),
    "notmatchinsensitively": ("notMatchInsensitively", lambda a, e: not match(a, e, True), False),
    "contains": ("contains", contains, False),
    "notcontains": ("notContains", lambda a, e: not contains(a, e), False),
    "in": ("in", _in, True),
    "notin": ("notIn", lambda a, e: not _in(a, e), True),
    "containskey": ("containsKey", contains_key, False),
    "notcontainskey": ("notContainsKey", lambda a, e: not contains_key(a, e), False),
    "less": ("less", _compare(lambda o: o < 0), False),
    "lessorequals": ("lessOrEquals", _compare(lambda o: o <= 0), False),
    "greater": ("greater", _compare(lambda o: o > 0), False),
    "greaterorequals": ("greaterOrEquals", _compare(lambda o: o >= 0), False),
    "exists": ("exists", exists, False),
}


def names() -> str:
    return ", ".join(spelled for spelled, _, _ in OPERATORS.values())
