"""Preparing a template as ARM validates it: parameters, resource ids, dependsOn order, cycles, nesting."""

from __future__ import annotations

import json

import pytest

from arm_emulator.templates import jsonc
from arm_emulator.templates.engine import InvalidTemplate, prepare
from arm_emulator.templates.resourceids import Scope

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
SCOPE = Scope("sub-1", "tenant-1", "rg-a", "eastus", "deploy-1")
RG = "/subscriptions/sub-1/resourceGroups/rg-a"
EXT = "Microsoft.KubernetesConfiguration/extensions"
FLUX = "Microsoft.KubernetesConfiguration/fluxConfigurations"


def template(resources=(), parameters=None, variables=None, outputs=None):
    return {"$schema": SCHEMA, "contentVersion": "1.0.0.0", "parameters": parameters or {},
            "variables": variables or {}, "resources": list(resources), "outputs": outputs or {}}


def resource(type_name, name, depends=(), **extra):
    return {"type": type_name, "apiVersion": "2024-11-01", "name": name, "dependsOn": list(depends), **extra}


def failure(tmpl, given=None, positions=None):
    with pytest.raises(InvalidTemplate) as caught:
        prepare(tmpl, given or {}, SCOPE, positions or {})
    return caught.value


# -- parameters --------------------------------------------------------------------------------------

@pytest.mark.parametrize("declared, given, value", [
    ({"type": "string"}, {"value": "x"}, "x"),
    ({"type": "String", "defaultValue": "d"}, None, "d"),
    ({"type": "int"}, {"value": "42"}, 42),
    ({"type": "int", "minValue": 1, "maxValue": 5}, {"value": 5}, 5),
    ({"type": "bool"}, {"value": "false"}, False),
    ({"type": "object", "defaultValue": {"a": 1}}, None, {"a": 1}),
    ({"type": "array"}, {"value": [1, 2]}, [1, 2]),
    ({"type": "string", "allowedValues": ["a", "b"]}, {"value": "b"}, "b"),
    ({"type": "string", "defaultValue": "[resourceGroup().name]"}, None, "rg-a"),
    ({"type": "securestring"}, {"value": "pw"}, "pw"),
    ({"type": "secureObject"}, {"value": {"k": "v"}}, {"k": "v"}),
])
def test_parameter_binding(declared, given, value):
    plan = prepare(template(parameters={"p": declared}), {"p": given} if given else {}, SCOPE, {})
    assert plan.bound.values == {"p": value}


@pytest.mark.parametrize("declared, given, message", [
    ({"type": "string"}, None, "The value for the template parameter 'p' at line '4' and column '14' is not "
                               "provided. Please see https://aka.ms/arm-create-parameter-file for usage details."),
    ({"type": "int"}, {"value": "many"}, "Template parameter JToken type is not valid. Expected 'Integer'. "
                                         "Actual 'String'."),
    ({"type": "bool"}, {"value": 3}, "Expected 'Boolean'. Actual 'Integer'."),
    ({"type": "string"}, {"value": {"a": 1}}, "Expected 'String, Uri'. Actual 'Object'."),
    ({"type": "string", "allowedValues": ["a", "b"]}, {"value": "c"},
     "The provided value 'c' for the template parameter 'p' at line '4' and column '14' is not valid. The parameter "
     "value is not part of the allowed value(s): 'a,b'."),
    ({"type": "int", "minValue": 2}, {"value": 1}, "The value must be greater than or equal to '2'."),
    ({"type": "int", "maxValue": 2}, {"value": 3}, "The value must be less than or equal to '2'."),
    ({"type": "string", "minLength": 3}, {"value": "ab"}, "Length of the value should be greater than or equal "
                                                          "to '3'."),
    ({"type": "float"}, {"value": 1}, "has an invalid type 'float'"),
])
def test_parameter_errors(declared, given, message):
    text = ('{\n  "$schema": "' + SCHEMA + '",\n  "parameters": {\n        "p": ' + json.dumps(declared)
            + '\n  },\n  "resources": []\n}')
    tmpl, positions = jsonc.loads(text)
    error = failure(tmpl, {"p": given} if given else {}, positions)
    assert error.code == "InvalidTemplate"
    assert error.message.startswith("Deployment template validation failed: '")
    assert message in error.message


def test_a_parameter_the_template_does_not_declare_is_refused():
    error = failure(template(parameters={"a": {"type": "string"}}), {"a": {"value": "1"}, "b": {"value": "2"}})
    assert "The template parameters 'b' in the parameters file are not valid" in error.message
    assert "The only supported parameters for this template are 'a'." in error.message


def test_secure_values_are_never_shown():
    plan = prepare(template(parameters={"pat": {"type": "securestring"}, "cfg": {"type": "secureObject"},
                                        "name": {"type": "string"}}),
                   {"pat": {"value": "ghp-top-secret"}, "cfg": {"value": {"key": "hidden-value"}},
                    "name": {"value": "visible"}}, SCOPE, {})
    shown = plan.bound.shown()
    assert shown == {"pat": {"type": "SecureString"}, "cfg": {"type": "SecureObject"},
                     "name": {"type": "String", "value": "visible"}}
    bad = failure(template(parameters={"pat": {"type": "securestring", "allowedValues": ["x"]}}),
                  {"pat": {"value": "ghp-top-secret"}})
    assert "ghp-top-secret" not in bad.message


def test_a_key_vault_reference_is_refused_clearly():
    error = failure(template(parameters={"pat": {"type": "securestring"}}),
                    {"pat": {"reference": {"keyVault": {"id": "/kv"}, "secretName": "s"}}})
    assert "Key Vault reference" in error.message


# -- resources, ids and order ------------------------------------------------------------------------

CLUSTER_SCOPE = "[concat('Microsoft.Kubernetes/connectedClusters/', 'arc-1')]"
ARC = f"{RG}/providers/Microsoft.Kubernetes/connectedClusters/arc-1"


def test_extension_resources_get_ids_under_their_scope_and_follow_depends_on():
    plan = prepare(template([
        resource(FLUX, "apps", depends=["[extensionResourceId(resourceId('Microsoft.Kubernetes/connectedClusters', "
                                        "'arc-1'), 'Microsoft.KubernetesConfiguration/extensions', 'flux')]"],
                 scope=CLUSTER_SCOPE),
        resource(EXT, "flux", scope=CLUSTER_SCOPE),
    ]), {}, SCOPE, {})
    assert [s.id for s in plan.steps] == [f"{ARC}/providers/{EXT}/flux", f"{ARC}/providers/{FLUX}/apps"]
    assert plan.steps[1].depends == [f"{ARC}/providers/{EXT}/flux".lower()]


@pytest.mark.parametrize("entry", ["flux", f"{EXT}/flux", f"{ARC}/providers/{EXT}/flux".upper()])
def test_depends_on_by_name_type_and_name_or_id(entry):
    plan = prepare(template([resource(FLUX, "apps", depends=[entry], scope=CLUSTER_SCOPE),
                             resource(EXT, "flux", scope=CLUSTER_SCOPE)]), {}, SCOPE, {})
    assert [s.name for s in plan.steps] == ["flux", "apps"]


def test_order_is_template_order_when_nothing_depends():
    names = ["c", "a", "b"]
    plan = prepare(template([resource("Microsoft.Kubernetes/connectedClusters", n) for n in names]), {}, SCOPE, {})
    assert [s.name for s in plan.steps] == names
    assert plan.steps[0].id == f"{RG}/providers/Microsoft.Kubernetes/connectedClusters/c"


def test_a_chain_is_ordered_whatever_its_listing():
    plan = prepare(template([resource(EXT, "c", ["b"], scope=CLUSTER_SCOPE), resource(EXT, "b", ["a"],
                                                                                         scope=CLUSTER_SCOPE),
                             resource(EXT, "a", scope=CLUSTER_SCOPE)]), {}, SCOPE, {})
    assert [s.name for s in plan.steps] == ["a", "b", "c"]


def test_a_cycle_is_refused():
    error = failure(template([resource(EXT, "a", ["b"], scope=CLUSTER_SCOPE),
                              resource(EXT, "b", ["a"], scope=CLUSTER_SCOPE)]))
    assert error.message.startswith("Deployment template validation failed: 'Circular dependency detected on "
                                    "resource: '")
    assert f"{ARC}/providers/{EXT}/a" in error.message


def test_depending_on_a_resource_the_template_lacks_is_refused():
    error = failure(template([resource(EXT, "a", ["ghost"], scope=CLUSTER_SCOPE)]))
    assert "The resource 'ghost' is not defined in the template." in error.message


def test_condition_must_be_boolean_and_false_means_not_deployed():
    plan = prepare(template([resource(EXT, "a", scope=CLUSTER_SCOPE, condition="[equals(1, 2)]")]), {}, SCOPE, {})
    assert plan.steps[0].condition is False
    error = failure(template([resource(EXT, "a", scope=CLUSTER_SCOPE, condition="yes")]))
    assert "the condition must evaluate to a boolean" in error.message


def test_an_unknown_function_names_the_resource_line_and_column():
    text = ('{"$schema": "' + SCHEMA + '",\n "resources": [\n   {"type": "' + EXT + '", "apiVersion": '
            '"2024-11-01",\n    "name": "[nosuch(1)]"}]}')
    tmpl, positions = jsonc.loads(text)
    error = failure(tmpl, positions=positions)
    assert error.message == ("Deployment template validation failed: 'The template resource '[nosuch(1)]' at line "
                             "'3' and column '4' is not valid: The template function 'nosuch' is not valid. Please "
                             "see https://aka.ms/arm-functions for usage details.'.")


@pytest.mark.parametrize("broken, message", [
    ({"resources": []}, "The template schema '' is not supported."),
    ({"$schema": SCHEMA, "resources": {}}, "The template 'resources' section must be an array."),
    ({"$schema": SCHEMA, "resources": [{"type": EXT, "apiVersion": "1"}]}, "the 'name' property is required."),
    ({"$schema": SCHEMA, "resources": [{"type": EXT, "name": "x", "apiVersion": "1", "copy": {"count": 2}}]},
     "resource loops ('copy') are not supported by the emulator"),
    ({"$schema": SCHEMA, "variables": {"v": "[bad(]"}, "resources": []}, "The template variable 'v' is not valid"),
])
def test_malformed_templates(broken, message):
    assert message in failure(broken).message


def test_outputs_and_secure_outputs():
    plan = prepare(template(parameters={"p": {"type": "securestring"}}, outputs={
        "id": {"type": "string", "value": "[resourceId('Microsoft.Kubernetes/connectedClusters', 'x')]"},
        "hidden": {"type": "securestring", "value": "[parameters('p')]"},
        "skipped": {"type": "string", "condition": "[equals(1, 2)]", "value": "no"},
    }), {"p": {"value": "s3cr3t"}}, SCOPE, {})
    assert plan.outputs(None) == {"id": {"type": "String",
                                         "value": f"{RG}/providers/Microsoft.Kubernetes/connectedClusters/x"},
                                  "hidden": {"type": "SecureString"}}


# -- nested templates ---------------------------------------------------------------------------------

def test_nested_deployment_keeps_its_template_for_later():
    nested = {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "inner",
              "properties": {"mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"},
                             "parameters": {"c": {"value": "[concat('arc-', '1')]"}},
                             "template": template([resource(EXT, "flux", scope="[parameters('c')]")],
                                                  parameters={"c": {"type": "string"}})}}
    plan = prepare(template([nested]), {}, SCOPE, {})
    body = plan.body(plan.steps[0], None)
    assert body["properties"]["parameters"] == {"c": {"value": "arc-1"}}
    assert body["properties"]["template"]["resources"][0]["scope"] == "[parameters('c')]"


def test_jsonc_reader_accepts_what_az_sends():
    body, positions = jsonc.loads('{"properties": {"mode": "Incremental"}, template:{\n  // a comment\n'
                                  '  "resources": [ /* none */ ],\n}}')
    assert body == {"properties": {"mode": "Incremental"}, "template": {"resources": []}}
    assert positions[("template", "resources")] == (3, 16)
    with pytest.raises(jsonc.JsoncError, match="Line 1"):
        jsonc.loads('{"a": }')


def test_the_same_resource_twice_is_refused_unless_a_condition_leaves_one_out():
    twice = [resource(EXT, "flux", scope=CLUSTER_SCOPE), resource(EXT, "flux", scope=CLUSTER_SCOPE)]
    error = failure(template(twice))
    assert f"The resource '{ARC}/providers/{EXT}/flux'" in error.message
    assert "is defined multiple times in a template" in error.message
    twice[1]["condition"] = "[equals('a', 'b')]"
    assert len(prepare(template(twice), {}, SCOPE, {}).steps) == 2


def test_every_expression_is_checked_before_anything_is_deployed():
    bad_property = resource(EXT, "flux", scope=CLUSTER_SCOPE, properties={"settings": {"a": "[nosuch('x')]"}})
    assert "The template function 'nosuch' is not valid." in failure(template([bad_property])).message
    malformed_key = resource(EXT, "flux", scope=CLUSTER_SCOPE, properties={"[concat('a']": 1})
    assert "Unable to parse language expression" in failure(template([malformed_key])).message
    bad_output = template(outputs={"o": {"type": "string", "value": "[nosuch()]"}})
    assert failure(bad_output).message.startswith("Deployment template validation failed: 'The template output 'o'")
