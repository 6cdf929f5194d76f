"""The condition operators, one row each: Azure Policy's case rules, wildcards, type coercion, missing values."""

from __future__ import annotations

import pytest

from arm_emulator.policy.conditions import OPERATORS
from arm_emulator.policy.expressions import PolicyEvaluator
from arm_emulator.policy.rules import holds
from arm_emulator.templates.resourceids import Scope

EV = PolicyEvaluator(Scope("sub-1", "tenant-1", "rg-a", "westeurope", ""), {})
STAMP_EARLY, STAMP_LATE = "2026-01-05T08:00:00Z", "2026-06-30T17:45:00Z"


@pytest.mark.parametrize("operator, actual, expected, result", [
    ("equals", "Stable", "stable", True),
    ("equals", True, "true", True),
    ("equals", 600, "600", True),
    ("equals", 600, 600.0, True),
    ("equals", 1, True, False),
    ("equals", None, "", True),
    ("equals", None, "main", False),
    ("equals", {"Path": "./apps"}, {"path": "./APPS"}, True),
    ("equals", {"path": "./apps"}, {"path": "./apps", "prune": True}, False),
    ("equals", ["a", "b"], ["A", "B"], True),
    ("equals", ["a"], "a", False),
    ("notEquals", "Failed", "failed", False),
    ("notEquals", None, "Failed", True),
    ("like", "fleet-system", "fleet-*", True),
    ("like", "FLEET-system", "fleet*", True),
    ("like", "my-fleet", "fleet*", False),
    ("like", "a.b", "a.b", True),
    ("like", "axb", "a.b", False),
    ("notLike", "edge-07", "core-*", True),
    ("match", "ab12", "??##", True),
    ("match", "AB12", "??##", True),
    ("match", "a-1", "?.#", True),
    ("match", "ab123", "??##", False),
    ("match", "Edge", "edge", False),
    ("match", None, "", False),
    ("matchInsensitively", "Edge", "edge", True),
    ("notMatch", "Edge", "edge", True),
    ("notMatchInsensitively", "Edge", "edge", False),
    ("contains", "https://Example.org/repo", "example.ORG", True),
    ("contains", ["infra", "Apps"], "apps", True),
    ("contains", ["infra"], "apps", False),
    ("notContains", "https://example.org", "gitlab", True),
    ("in", "STABLE", ["stable", "preview"], True),
    ("in", 3, ["3", "4"], True),
    ("notIn", "dev", ["stable", "preview"], True),
    ("containsKey", {"Helm-Controller.Enabled": "true"}, "helm-controller.enabled", True),
    ("containsKey", "helm", "helm", False),
    ("notContainsKey", {"a": 1}, "b", True),
    ("less", 5, 10, True),
    ("less", 10, 10, False),
    ("less", STAMP_EARLY, STAMP_LATE, True),
    ("less", None, 1, False),
    ("lessOrEquals", 10, 10, True),
    ("greater", "b", "A", True),
    ("greater", STAMP_EARLY, STAMP_LATE, False),
    ("greaterOrEquals", 2.5, 2, True),
    ("exists", None, "false", True),
    ("exists", "x", "true", True),
    ("exists", "x", False, False),
    ("exists", None, True, False),
])
def test_operator(operator, actual, expected, result):
    assert holds({"value": actual, operator: expected}, {}, EV) is result


def test_every_operator_has_a_row_and_is_case_insensitive_by_name():
    assert len(OPERATORS) == 19
    assert holds({"value": "a", "EQUALS": "A"}, {}, EV) is True
    assert holds({"value": "a", "NotIn": ["b"]}, {}, EV) is True


@pytest.mark.parametrize("condition, result", [
    ({"allOf": [{"value": 1, "equals": 1}, {"value": 2, "equals": 2}]}, True),
    ({"allOf": [{"value": 1, "equals": 1}, {"value": 2, "equals": 3}]}, False),
    ({"anyOf": [{"value": 1, "equals": 2}, {"value": 2, "equals": 2}]}, True),
    ({"anyOf": [{"value": 1, "equals": 2}]}, False),
    ({"not": {"value": 1, "equals": 2}}, True),
    ({"not": {"anyOf": [{"value": "x", "like": "*"}]}}, False),
])
def test_logical_operators(condition, result):
    assert holds(condition, {}, EV) is result
