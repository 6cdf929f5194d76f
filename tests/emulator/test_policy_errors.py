"""Every way a definition or an assignment can be wrong: Azure Policy's code and a message naming the problem;
at evaluation time an ArmError, never a Python exception."""

from __future__ import annotations

import copy

import pytest

from arm_emulator.core.errors import ArmError
from arm_emulator.policy import evaluate, validate_definition

F = "Microsoft.KubernetesConfiguration/fluxConfigurations/"
CLUSTER = {"id": "/subscriptions/sub-3/resourceGroups/rg-west/providers/Microsoft.ContainerService/managedClusters/"
                 "aks-7", "name": "aks-7", "type": "Microsoft.ContainerService/managedClusters", "location": "westus"}
BASE = {
    "mode": "Indexed",
    "parameters": {"url": {"type": "String"},
                   "effect": {"type": "String", "allowedValues": ["DeployIfNotExists", "Disabled"],
                              "defaultValue": "DeployIfNotExists"}},
    "policyRule": {"if": {"field": "type", "equals": "Microsoft.ContainerService/managedClusters"},
                   "then": {"effect": "[parameters('effect')]", "details": {
                       "type": "Microsoft.KubernetesConfiguration/fluxConfigurations", "roleDefinitionIds": ["/r/1"],
                       "existenceCondition": {"field": F + "gitRepository.url", "equals": "[parameters('url')]"},
                       "deployment": {"properties": {"mode": "incremental", "template": {"resources": []},
                                                     "parameters": {}}}}}},
}


def changed(path: str, value):
    """BASE with the value at dotted ``path`` replaced (None deletes it)."""
    out = copy.deepcopy(BASE)
    *parents, last = path.split(".")
    node = out
    for key in parents:
        node = node[key]
    if value is None:
        node.pop(last)
    else:
        node[last] = value
    return out


def refused(properties, name=""):
    with pytest.raises(ArmError) as caught:
        validate_definition(properties, name)
    return caught.value


def test_the_base_definition_is_valid():
    validate_definition(BASE)


@pytest.mark.parametrize("path, value, code, words", [
    ("policyRule.if", {"field": F + "gitRepository.uri", "equals": "x"}, "InvalidPolicyAlias",
     f"'{F}gitRepository.uri' of the policy rule doesn't exist as an alias under provider "
     "'Microsoft.KubernetesConfiguration' and resource type 'fluxConfigurations'. The supported aliases are "
     f"'{F}scope, "),
    ("policyRule.if", {"field": "properties.scope", "equals": "x"}, "InvalidPolicyAlias", "'properties.scope'"),
    ("policyRule.if", {"value": "[field('Microsoft.Nope/things/x')]", "equals": "x"}, "InvalidPolicyAlias",
     "'Microsoft.Nope/things/x'"),
    ("policyRule.if", {"field": "type", "equalz": "x"}, "InvalidPolicyRule", "the operator 'equalz' is not supported"),
    ("policyRule.if", {"field": "type", "equals": "x", "like": "y"}, "InvalidPolicyRule", "exactly one operator"),
    ("policyRule.if", {"equals": "x"}, "InvalidPolicyRule", "exactly one of 'field', 'value' or 'count'"),
    ("policyRule.if", {"allOf": []}, "InvalidPolicyRule", "non-empty array"),
    ("policyRule.if", {"allOf": [{"field": "type", "equals": "x"}], "field": "name"}, "InvalidPolicyRule",
     "must be the only property"),
    ("policyRule.if", {"value": "[fetchSecret('x')]", "equals": "x"}, "InvalidPolicyRule",
     "The template function 'fetchSecret' is not valid in a policy rule."),
    ("policyRule.if", {"value": "[reference('x').id]", "equals": "x"}, "InvalidPolicyRule",
     "The template function 'reference' is not valid in a policy rule."),
    ("policyRule.if", {"value": "[policy().assignmentId]", "equals": "x"}, "InvalidPolicyRule",
     "The policy function 'policy' is not supported by the emulator."),
    ("policyRule.if", {"value": "[concat('a']", "equals": "x"}, "InvalidPolicyRule", "cannot be parsed"),
    ("policyRule.if", {"value": "[parameters('branch')]", "equals": "x"}, "UndefinedPolicyParameter",
     "undefined parameter 'branch'"),
    ("policyRule.if", {"count": {"value": [1, 2]}, "equals": 2}, "InvalidPolicyRule", "'count' must name a 'field'"),
    ("policyRule.then.effect", "DeployIfMissing", "InvalidPolicyRule", "The policy effect 'DeployIfMissing'"),
    ("policyRule.then", None, "InvalidPolicyRule", "'if' condition and a 'then' block"),
    ("policyRule.then.details.roleDefinitionIds", None, "InvalidPolicyRule", "roleDefinitionIds"),
    ("policyRule.then.details.deployment", None, "InvalidPolicyRule", "details.deployment.properties.template"),
    ("policyRule.then.details.type", None, "InvalidPolicyRule", "related resource 'type'"),
    ("policyRule.then.details.existenceCondition", {"field": F + "nope", "exists": True}, "InvalidPolicyAlias",
     f"'{F}nope'"),
    ("policyRule.then.details.existenceScope", "tenant", "InvalidPolicyRule", "existenceScope"),
    ("policyRule.then.details.evaluationDelay", "ten minutes", "InvalidPolicyRule", "ISO 8601 duration"),
    ("mode", "Microsoft.Network.Data", "InvalidPolicyMode", "'Microsoft.Network.Data'"),
    ("parameters.url", {"type": "Text"}, "InvalidPolicyParameters", "the type 'Text'"),
    ("parameters.url", {"type": "Integer", "defaultValue": "six"}, "InvalidPolicyParameters",
     "not of the declared type 'Integer'"),
    ("parameters.url", {"type": "String", "allowedValues": ["a"], "defaultValue": "b"}, "InvalidPolicyParameters",
     "not one of its allowed values"),
])
def test_an_invalid_definition_is_refused_with_azure_policys_code(path, value, code, words):
    error = refused(changed(path, value))
    assert (error.status, error.code) == (400, code)
    assert words in error.message


def test_the_definition_name_is_in_the_message_when_given():
    error = refused(changed("policyRule.if", {"field": "type", "equalz": "x"}), "flux-baseline")
    assert error.message.startswith("The policy definition 'flux-baseline' rule is invalid.")


def run(properties, given, related=lambda t, s: []):
    with pytest.raises(ArmError) as caught:
        evaluate(properties, given, CLUSTER, related)
    return caught.value


@pytest.mark.parametrize("properties, given, code, words", [
    (BASE, {}, "MissingPolicyParameter", "missing parameter 'url'"),
    (BASE, {"url": {"value": 7}}, "InvalidPolicyParameters", "not of the declared type 'String'"),
    (BASE, {"url": {"value": "u"}, "effect": {"value": "Audit"}}, "InvalidPolicyParameters",
     "not one of its allowed values"),
    (BASE, {"url": {"value": "u"}, "branch": {"value": "main"}}, "InvalidPolicyParameters",
     "'branch' is not defined"),
    (changed("policyRule.if", {"value": "[fetchSecret('x')]", "equals": "x"}), {"url": {"value": "u"}},
     "InvalidPolicyRule", "'fetchSecret'"),
    (changed("policyRule.if", {"value": "[int('many')]", "equals": 1}), {"url": {"value": "u"}},
     "InvalidPolicyRule", "cannot be converted to an integer"),
    (changed("policyRule.if", {"field": "[concat('Microsoft.Kubernetes', 'Configuration/fluxConfigurations/uri')]",
                               "exists": True}), {"url": {"value": "u"}}, "InvalidPolicyAlias",
     "'Microsoft.KubernetesConfiguration/fluxConfigurations/uri'"),
    (changed("policyRule.if", {"value": "[field('name', 'type')]", "equals": "x"}), {"url": {"value": "u"}},
     "InvalidPolicyRule", "'field' takes 1 parameter"),
    (changed("policyRule.if", {"value": "[addDays('soon', 1)]", "equals": "x"}), {"url": {"value": "u"}},
     "InvalidPolicyRule", "'soon' is not an ISO 8601 dateTime"),
    (changed("policyRule.if", {"field": "type", "equalz": "x"}), {"url": {"value": "u"}}, "InvalidPolicyRule",
     "'equalz'"),
    (changed("policyRule.if", {"field": "type", "in": "Microsoft.ContainerService/managedClusters"}),
     {"url": {"value": "u"}}, "InvalidPolicyRule", "The 'in' condition needs an array"),
    (changed("policyRule.if", {"field": "[length('abc')]", "equals": 1}), {"url": {"value": "u"}},
     "InvalidPolicyRule", "must evaluate to a string"),
    (changed("policyRule.if", {"count": {"value": [1]}, "equals": 1}), {"url": {"value": "u"}},
     "InvalidPolicyRule", "not supported by the emulator"),
    (changed("policyRule.then.effect", "Modify"), {"url": {"value": "u"}}, "InvalidPolicyRule",
     "'Modify' is not evaluated by the emulator"),
    (changed("policyRule.then.effect", "[concat('Deploy', 'Maybe')]"), {"url": {"value": "u"}},
     "InvalidPolicyRule", "The policy effect 'DeployMaybe' is not valid"),
])
def test_evaluation_failures_are_arm_errors(properties, given, code, words):
    error = run(properties, given)
    assert (error.status, error.code) == (400, code)
    assert words in error.message


def test_an_existence_condition_failing_on_a_related_resource_is_an_arm_error():
    properties = changed("policyRule.then.details.existenceCondition", {"value": "[int(field('name'))]",
                                                                         "equals": 1})
    related = [{"id": CLUSTER["id"] + "/providers/x/y/cfg", "name": "cfg", "type": F[:-1]}]
    error = run(properties, {"url": {"value": "u"}}, lambda t, s: related)
    assert error.code == "InvalidPolicyRule" and "'cfg' cannot be converted" in error.message


def test_field_belongs_to_policy_rules_not_to_deployment_templates():
    from arm_emulator.templates.engine import InvalidTemplate, prepare
    from arm_emulator.templates.resourceids import Scope

    template = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                "resources": [], "outputs": {"n": {"type": "string", "value": "[field('name')]"}}}
    with pytest.raises(InvalidTemplate) as caught:
        prepare(template, {}, Scope("sub-3", "t", "rg-west", "westus", "d"), {})
    assert "The template function 'field' is not valid" in caught.value.message
