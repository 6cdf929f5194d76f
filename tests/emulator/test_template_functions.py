"""Template functions, one table row each: the expression, the parameters it sees, the value it gives."""

from __future__ import annotations

import re

import pytest

from arm_emulator.templates.errors import TemplateError
from arm_emulator.templates.evaluate import Evaluator
from arm_emulator.templates.resourceids import Scope

SCOPE = Scope("11111111-2222-4333-8444-555555555555", "tenant-1", "rg-fleet", "westeurope", "roll-out")
PARAMS = {"clusterName": "arc-east", "count": 3, "enabled": True, "settings": {"Mode": "pull", "depth": 2},
          "regions": ["north", "south", "west"], "blank": "", "nothing": None}
VARIABLES = {"clusterScope": "[concat('Microsoft.Kubernetes/connectedClusters/', parameters('clusterName'))]",
             "nested": {"key": "[toUpper(parameters('clusterName'))]"}}
RG_ID = "/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups/rg-fleet"


def evaluate(text, reference=None):
    return Evaluator(SCOPE, PARAMS, VARIABLES, reference).value(text)


@pytest.mark.parametrize("expression, expected", [
    ("[parameters('clusterName')]", "arc-east"),
    ("[parameters('CLUSTERNAME')]", "arc-east"),
    ("[variables('clusterScope')]", "Microsoft.Kubernetes/connectedClusters/arc-east"),
    ("[variables('nested').key]", "ARC-EAST"),
    ("[concat('a', 1, true())]", "a1True"),
    ("[concat(parameters('regions'), split('x', ','))]", ["north", "south", "west", "x"]),
    ("[format('{0}-{1}', parameters('clusterName'), parameters('count'))]", "arc-east-3"),
    ("[if(parameters('enabled'), 'on', 'off')]", "on"),
    ("[if(not(parameters('enabled')), parameters('missing'), 'lazy')]", "lazy"),
    ("[equals('Pull', parameters('settings').mode)]", True),
    ("[equals(parameters('count'), 3)]", True),
    ("[equals(parameters('count'), '3')]", False),
    ("[not(equals(1, 2))]", True),
    ("[and(true(), parameters('enabled'), equals(1, 1))]", True),
    ("[or(false(), false())]", False),
    ("[empty(parameters('blank'))]", True),
    ("[empty(parameters('regions'))]", False),
    ("[empty(parameters('nothing'))]", True),
    ("[json('null')]", None),
    ("[json('{\"a\": [1, 2]}').a[1]]", 2),
    ("[toLower('Microsoft.Kubernetes')]", "microsoft.kubernetes"),
    ("[toUpper('flux')]", "FLUX"),
    ("[contains(toLower('Microsoft.Kubernetes/connectedClusters'), 'connectedclusters')]", True),
    ("[contains(parameters('regions'), 'SOUTH')]", True),
    ("[contains(parameters('settings'), 'depth')]", True),
    ("[contains('abc', 'z')]", False),
    ("[resourceId('Microsoft.Kubernetes/connectedClusters', 'arc-east')]",
     f"{RG_ID}/providers/Microsoft.Kubernetes/connectedClusters/arc-east"),
    ("[resourceId('other-rg', 'Microsoft.Kubernetes/connectedClusters', 'c')]",
     "/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups/other-rg/providers/"
     "Microsoft.Kubernetes/connectedClusters/c"),
    ("[extensionResourceId(resourceId('Microsoft.Kubernetes/connectedClusters', 'c'), "
     "'Microsoft.KubernetesConfiguration/extensions', 'flux')]",
     f"{RG_ID}/providers/Microsoft.Kubernetes/connectedClusters/c/providers/"
     "Microsoft.KubernetesConfiguration/extensions/flux"),
    ("[subscription().subscriptionId]", "11111111-2222-4333-8444-555555555555"),
    ("[resourceGroup().name]", "rg-fleet"),
    ("[resourceGroup().location]", "westeurope"),
    ("[resourceGroup().id]", RG_ID),
    ("[length(parameters('regions'))]", 3),
    ("[length('four')]", 4),
    ("[length(parameters('settings'))]", 2),
    ("[union(parameters('settings'), createObject('depth', 5, 'extra', true()))]",
     {"Mode": "pull", "depth": 5, "extra": True}),
    ("[union(parameters('regions'), split('west,east', ','))]", ["north", "south", "west", "east"]),
    ("[createObject('a', 1)]", {"a": 1}),
    ("[coalesce(parameters('nothing'), json('null'), 'fallback')]", "fallback"),
    ("[string(parameters('count'))]", "3"),
    ("[string(parameters('enabled'))]", "True"),
    ("[string(parameters('settings'))]", '{"Mode":"pull","depth":2}'),
    ("[int('42')]", 42),
    ("[bool('TRUE')]", True),
    ("[base64('flux')]", "Zmx1eA=="),
    ("[split('a/b/c', '/')]", ["a", "b", "c"]),
    ("[replace('a-b-c', '-', '+')]", "a+b+c"),
    ("[last(parameters('regions'))]", "west"),
    ("[first(parameters('regions'))]", "north"),
    ("[last('xyz')]", "z"),
    ("[parameters('regions')[1]]", "south"),
    ("[[not an expression]", "[not an expression]"),
    ("plain text", "plain text"),
    ("[concat('it''s', ' quoted')]", "it's quoted"),
])
def test_function_values(expression, expected):
    assert evaluate(expression) == expected


def test_unique_string_and_guid_are_stable_and_shaped_like_azure():
    first = evaluate("[uniqueString(resourceGroup().id, 'flux')]")
    assert first == evaluate("[uniqueString(resourceGroup().id, 'flux')]")
    assert first != evaluate("[uniqueString(resourceGroup().id, 'other')]")
    assert re.fullmatch(r"[a-z2-7]{13}", first)
    guid = evaluate("[guid(subscription().subscriptionId, 'x')]")
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", guid)
    assert guid == evaluate("[guid(subscription().subscriptionId, 'x')]")


def test_property_names_are_evaluated_too():
    value = evaluate({"[parameters('clusterName')]": {"path": "[concat('./', parameters('clusterName'))]"}})
    assert value == {"arc-east": {"path": "./arc-east"}}


def test_reference_reads_through_the_given_resolver():
    seen = []

    def resolver(target, api_version, full):
        seen.append((target, api_version, full))
        return {"properties": {"state": "Succeeded"}} if full else {"state": "Succeeded"}

    assert evaluate("[reference('flux').state]", resolver) == "Succeeded"
    assert evaluate("[reference('flux', '2024-11-01', 'Full').properties.state]", resolver) == "Succeeded"
    assert seen == [("flux", None, False), ("flux", "2024-11-01", True)]


@pytest.mark.parametrize("expression, message", [
    ("[createArray('x')]", "The template function 'createArray' is not valid. Please see "
                           "https://aka.ms/arm-functions for usage details."),
    ("[parameters('missing')]", "The template parameter 'missing' is not found."),
    ("[variables('missing')]", "The template variable 'missing' is not found."),
    ("[concat('a']", "Unable to parse language expression 'concat('a'': expected token 'RightParenthesis' and "
                    "actual 'EndOfData'."),
    ("[concat('a)]", "The language expression '[concat('a)]' is not valid: the string literal is not terminated."),
    ("[toLower(1 2)]", "expected token 'RightParenthesis' and actual 'Integer'"),
    ("[concat('a') extra]", "expected token 'EndOfData' and actual 'Identifier'"),
    ("[concat(#)]", "the string character '#' at position '7' is not expected"),
    ("[parameters]", "expected token 'LeftParenthesis' and actual 'EndOfData'"),
    ("[if(true(), 1)]", "The template language function 'if' must have 3 parameter(s)."),
    ("[equals(1)]", "The template language function 'equals' must have 2 parameter(s)."),
    ("[not('yes')]", "Unable to evaluate template language function 'not'"),
    ("[toLower(parameters('count'))]", "Unable to evaluate template language function 'toLower'"),
    ("[parameters('settings').missing]", "The language expression property 'missing' doesn't exist, available "
                                         "properties are 'Mode, depth'."),
    ("[parameters('regions')[7]]", "The language expression property array index '7' is out of bounds."),
    ("[reference('flux')]", "The template function 'reference' is not expected at this location."),
    ("[json('{broken')]", "Unable to evaluate template language function 'json'"),
    ("[resourceId('connectedClusters', 'c')]", "the resource type is missing"),
])
def test_errors_name_the_problem_as_arm_does(expression, message):
    with pytest.raises(TemplateError) as caught:
        evaluate(expression)
    assert message in caught.value.message
    assert caught.value.code == "InvalidTemplate"


def test_text_that_only_looks_like_an_expression_stays_text():
    assert evaluate("[concat('a'") == "[concat('a'"
    assert evaluate("concat('a')]") == "concat('a')]"


def test_circular_variables_are_an_error_not_a_recursion():
    ev = Evaluator(SCOPE, {}, {"a": "[variables('b')]", "b": "[variables('a')]"})
    with pytest.raises(TemplateError, match=r"circular reference \(a -> b -> a\)"):
        ev.variable("a")
