"""Whatever JSON a definition or assignment holds, the engine answers with a result or an ArmError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arm_emulator.core.errors import ArmError
from arm_emulator.policy import evaluate, validate_definition

F = "Microsoft.KubernetesConfiguration/fluxConfigurations/"
WORDS = st.sampled_from(["allOf", "anyOf", "not", "field", "value", "count", "where", "equals", "in", "like",
                         "exists", "match", "containsKey", "type", "name", F + "statuses[*]", F + "namespace",
                         "[parameters('p')]", "[field('name')]", "[concat('a', 1)]", "[int('x')]", "tags['a']",
                         "then", "effect", "details", "if", "policyRule", "parameters", "deployIfNotExists",
                         "existenceCondition", "deployment", "properties", "template", "roleDefinitionIds"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), WORDS)
JSON = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                     st.dictionaries(WORDS, inner, max_size=4)), max_leaves=20)
RESOURCE = {"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Kubernetes/connectedClusters/c",
            "name": "c", "type": "Microsoft.Kubernetes/connectedClusters", "location": "eastus"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rule=JSON, then=JSON, params=JSON)
def test_any_definition_gives_a_result_or_an_arm_error(rule, then, params):
    properties = {"parameters": {"p": {"type": "String", "defaultValue": "x"}},
                  "policyRule": {"if": rule, "then": {"effect": "deployIfNotExists", "details": then}}}
    for call in (lambda: validate_definition(properties),
                 lambda: evaluate(properties, params if isinstance(params, dict) else {}, RESOURCE,
                                  lambda t, s: [RESOURCE])):
        try:
            call()
        except ArmError as exc:
            assert exc.status == 400 and exc.code
