"""Policy states as Microsoft.PolicyInsights serves them: queryResults and summarize over the stored
states, with the OData options ``az policy state`` sends ($filter, $top, $orderby, $select).

$filter takes clauses joined by ``and``: ``Field eq|ne 'text'`` or ``Field eq true|false``, fields
named as in a policy state (any casing). $apply (aggregations) is refused with a clear error.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.errors import ArmError
from .scopes import covers

_CLAUSE = re.compile(r"^\s*(\w+)\s+(eq|ne)\s+(?:'((?:[^']|'')*)'|(true|false))\s*$", re.I)


def select(states: list[dict[str, Any]], scope: str, owner: tuple[str, str] | None = None) -> list[dict[str, Any]]:
    """States of resources in ``scope``, or with ``owner`` (field, id): of one assignment, definition or set."""
    if owner is not None:
        field, wanted = owner
        return [s for s in states if str(s.get(field) or "").lower() == wanted.lower()]
    return [s for s in states if covers(scope, s["resourceId"])]


def apply_options(states: list[dict[str, Any]], options: dict[str, str]) -> list[dict[str, Any]]:
    if options.get("$apply"):
        raise ArmError(400, "InvalidQueryParameterValue", "The emulator does not evaluate '$apply' "
                       "(aggregations); use $filter, $select, $orderby and $top.")
    found = [s for s in states if matches(s, options.get("$filter"))]
    if options.get("$orderby"):
        field, _, direction = options["$orderby"].strip().partition(" ")
        name = _field(found[0] if found else {}, field)
        found.sort(key=lambda s: str(s.get(name, "")), reverse=direction.strip().lower() == "desc")
    if options.get("$top"):
        if not options["$top"].isdigit():
            raise ArmError(400, "InvalidQueryParameterValue", f"The value of $top '{options['$top']}' is not a "
                           "non-negative integer.")
        found = found[:int(options["$top"])]
    if options.get("$select"):
        wanted = [f.strip() for f in options["$select"].split(",") if f.strip()]
        found = [{_field(s, f): s.get(_field(s, f)) for f in wanted} for s in found]
    return found


def matches(state: dict[str, Any], filter_text: str | None) -> bool:
    if not filter_text:
        return True
    for clause in re.split(r"\s+and\s+", filter_text.strip(), flags=re.I):
        parsed = _CLAUSE.match(clause.strip("() "))
        if parsed is None:
            raise ArmError(400, "InvalidFilterParameter", f"The filter clause '{clause}' is not supported: use "
                           "Field eq 'value', Field ne 'value' or Field eq true|false, joined with 'and'.")
        field, op, text, flag = parsed.groups()
        actual = state.get(_field(state, field))
        if flag is not None:
            equal = actual is (flag.lower() == "true")
        else:
            equal = str(actual or "").lower() == text.replace("''", "'").lower()
        if equal != (op.lower() == "eq"):
            return False
    return True


def _field(state: dict[str, Any], name: str) -> str:
    return next((k for k in state if k.lower() == name.lower()), name)


def summarize(states: list[dict[str, Any]], query_uri: str) -> dict[str, Any]:
    """The one summary object ARM returns: totals, then per assignment, then per member definition."""
    by_assignment: dict[str, list[dict[str, Any]]] = {}
    for s in states:
        by_assignment.setdefault(s["policyAssignmentId"], []).append(s)
    summaries = []
    for assignment_id, mine in by_assignment.items():
        by_definition: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for s in mine:
            by_definition.setdefault((s["policyDefinitionId"], s["policyDefinitionReferenceId"] or ""), []).append(s)
        summaries.append({
            "policyAssignmentId": assignment_id, "policySetDefinitionId": mine[0]["policySetDefinitionId"] or "",
            "results": _results(mine, query_uri),
            "policyDefinitions": [{"policyDefinitionId": d, "policyDefinitionReferenceId": ref,
                                   "policyDefinitionGroupNames": group[0]["policyDefinitionGroupNames"],
                                   "effect": group[0]["policyDefinitionAction"],
                                   "results": _results(group, query_uri, policies=False)}
                                  for (d, ref), group in by_definition.items()],
            "policyGroups": []})
    return {"results": _results(states, query_uri), "policyAssignments": summaries}


def _results(states: list[dict[str, Any]], query_uri: str, policies: bool = True) -> dict[str, Any]:
    resources: dict[str, bool] = {}
    for s in states:  # a resource is non-compliant when any of its states is
        resources[s["resourceId"].lower()] = resources.get(s["resourceId"].lower(), True) and s["isCompliant"]
    bad_policies = {(s["policyAssignmentId"], s["policyDefinitionId"], s["policyDefinitionReferenceId"])
                    for s in states if not s["isCompliant"]}
    compliant = sum(resources.values())
    noncompliant = len(resources) - compliant
    details = [{"complianceState": "compliant", "count": compliant},
               {"complianceState": "noncompliant", "count": noncompliant}]
    results = {"queryResultsUri": query_uri, "nonCompliantResources": noncompliant,
               "resourceDetails": details,
               "policyDetails": [{"complianceState": "noncompliant", "count": len(bad_policies)}],
               "policyGroupDetails": []}
    if policies:
        results["nonCompliantPolicies"] = len(bad_policies)
    return results
