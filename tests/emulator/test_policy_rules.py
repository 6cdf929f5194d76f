"""Fields and aliases (array aliases, count, tags, fullName), policy expressions with field(), and the
IfNotExists details: details.name, existenceCondition on the related resource, scopes, delay."""

from __future__ import annotations

import pytest

from arm_emulator.policy import aliases, evaluate
from arm_emulator.policy.details import delay_seconds
from arm_emulator.policy.expressions import PolicyEvaluator
from arm_emulator.policy.rules import holds
from arm_emulator.templates.resourceids import Scope

F = "Microsoft.KubernetesConfiguration/fluxConfigurations/"
X = "Microsoft.KubernetesConfiguration/extensions/"
RG = "/subscriptions/sub-9/resourceGroups/rg-north"
CLUSTER_ID = f"{RG}/providers/Microsoft.Kubernetes/connectedClusters/edge-11"
CLUSTER = {"id": CLUSTER_ID, "name": "edge-11", "type": "Microsoft.Kubernetes/connectedClusters",
           "location": "northeurope", "tags": {"Env": "prod", "team.name": "platform"}}
EV = PolicyEvaluator(Scope("sub-9", "tenant-1", "rg-north", "northeurope", ""), {"tagName": "Env", "ns": "apps"})


def flux(name, statuses=(), **props):
    return {"id": f"{CLUSTER_ID}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/{name}", "name": name,
            "type": "Microsoft.KubernetesConfiguration/fluxConfigurations",
            "properties": {"statuses": list(statuses), **props}}


STATUSES = [
    {"name": "infra", "complianceState": "Compliant", "statusConditions": [{"status": "True"}, {"status": "True"}]},
    {"name": "apps", "complianceState": "Non-Compliant", "statusConditions": [{"status": "False"}]},
]
RECONCILED = flux("baseline", STATUSES, namespace="apps", gitRepository={"URL": "https://example.org/r"})


@pytest.mark.parametrize("condition, result", [
    ({"field": F + "statuses[*].complianceState", "equals": "Compliant"}, False),
    ({"field": F + "statuses[*].name", "in": ["infra", "apps"]}, True),
    ({"field": F + "statuses[*].statusConditions[*].status", "in": ["True", "False"]}, True),
    ({"field": F + "statuses[*].statusConditions[*].status", "equals": "true"}, False),
    ({"count": {"field": F + "statuses[*]", "where": {"field": F + "statuses[*].complianceState",
                                                      "equals": "compliant"}}, "equals": 1}, True),
    ({"count": {"field": F + "statuses[*]"}, "equals": 2}, True),
    ({"count": {"field": F + "statuses[*].statusConditions[*]"}, "greaterOrEquals": 3}, True),
    ({"count": {"field": F + "statuses[*]", "where": {"count": {
        "field": F + "statuses[*].statusConditions[*]", "where": {
            "field": F + "statuses[*].statusConditions[*].status", "equals": "True"}}, "equals": 2}},
      "equals": 1}, True),
    ({"field": F + "statuses", "exists": True}, True),
    ({"field": f"{F}GitRepository.url", "equals": "HTTPS://EXAMPLE.ORG/r"}, True),
    ({"field": X + "extensionType", "exists": False}, True),
    ({"field": "fullName", "equals": "baseline"}, True),
    ({"field": "type", "equals": "microsoft.kubernetesconfiguration/FLUXCONFIGURATIONS"}, True),
])
def test_alias_paths_on_one_configuration(condition, result):
    assert holds(condition, RECONCILED, EV) is result


def test_array_alias_over_an_empty_array_holds_and_counts_zero():
    empty = flux("bare")
    assert holds({"field": F + "statuses[*].complianceState", "equals": "Compliant"}, empty, EV) is True
    assert holds({"count": {"field": F + "statuses[*]"}, "equals": 0}, empty, EV) is True


@pytest.mark.parametrize("condition, result", [
    ({"field": "tags['env']", "equals": "PROD"}, True),
    ({"field": "tags.Env", "equals": "prod"}, True),
    ({"field": "tags[team.name]", "equals": "platform"}, True),
    ({"field": "tags['missing']", "exists": "false"}, True),
    ({"field": "[concat('tags[', parameters('tagName'), ']')]", "equals": "prod"}, True),
    ({"field": "tags", "containsKey": "env"}, True),
    ({"value": "[field('name')]", "like": "edge-*"}, True),
    ({"value": "[concat(field('location'), '/', toUpper(field('name')))]", "equals": "northeurope/EDGE-11"}, True),
    ({"value": "[equals(field('type'), 'Microsoft.Kubernetes/connectedClusters')]", "equals": True}, True),
    ({"value": "[resourceGroup().name]", "equals": "rg-north"}, True),
    ({"field": "fullName", "equals": "edge-11"}, True),
    ({"field": "location", "in": ["westeurope", "northeurope"]}, True),
    ({"value": "[ipRangeContains('10.0.0.0/16', '10.0.4.0/24')]", "equals": True}, True),
    ({"value": "[ipRangeContains('10.0.0.0/16', '10.1.0.1')]", "equals": True}, False),
    ({"value": "[addDays('2026-02-27T00:00:00Z', 3)]", "equals": "2026-03-02T00:00:00Z"}, True),
    ({"value": "[utcNow()]", "greater": "2020-01-01T00:00:00Z"}, True),
])
def test_core_fields_tags_and_expressions_on_a_cluster(condition, result):
    assert holds(condition, CLUSTER, EV) is result


@pytest.mark.parametrize("alias", [F + s for s in (
    "gitRepository.url", "gitRepository.httpsCAFile", "gitRepository.httpsCACert", "gitRepository.localAuthRef",
    "gitRepository.provider", "bucket.accessKey", "bucket.localAuthRef", "azureBlob.managedIdentity.clientId",
    "ociRepository.repositoryRef.digest", "ociRepository.verify.matchOidcIdentity[*].subject",
    "waitForReconciliation", "kustomizations", "provisioningState")] + [X + s for s in (
    "releaseTrain", "scope.cluster.releaseNamespace", "configurationSettings", "isSystemExtension")])
def test_published_aliases_read_their_default_path(alias):
    found = aliases.lookup(alias.upper())
    assert (found.name, found.path) == (alias, "properties." + alias.split("/", 2)[2])


def test_alias_table_sizes_and_what_is_not_an_alias():
    assert (len(aliases.aliases_of(F[:-1])), len(aliases.aliases_of(X[:-1]))) == (109, 53)
    assert aliases.lookup(X + "errorInfo.details[*].code").is_array
    for missing in (F + "kustomizations.apps.path", F + "ociRepository.verify.verificationConfig.key",
                    F + "gitRepository.password", X + "autoUpgradeMode", "properties.scope"):
        assert aliases.lookup(missing) is None


def dine(name=None, condition=None, **details):
    then = {"type": "Microsoft.KubernetesConfiguration/fluxConfigurations", "roleDefinitionIds": ["/role/1"],
            "deployment": {"properties": {"mode": "incremental", "template": {"resources": ["[field('x')]"]},
                                          "parameters": {"where": {"value": "[field('location')]"}}}}, **details}
    if name is not None:
        then["name"] = name
    if condition is not None:
        then["existenceCondition"] = condition
    return {"mode": "Indexed", "parameters": {"configurationName": {"type": "String"}, "ns": {"type": "String"}},
            "policyRule": {"if": {"field": "type", "equals": "Microsoft.Kubernetes/connectedClusters"},
                           "then": {"effect": "deployIfNotExists", "details": then}}}


ASSIGNED = {"configurationName": {"value": "Baseline"}, "ns": {"value": "apps"}}
ON_NAMESPACE = {"value": f"[field('{F}namespace')]", "equals": "[parameters('ns')]"}


def test_details_name_picks_the_related_resource_and_existence_condition_reads_it():
    other = flux("other", namespace="apps")
    wrong = flux("baseline", namespace="infra")
    found = evaluate(dine("[parameters('configurationName')]", ON_NAMESPACE), ASSIGNED, CLUSTER,
                     lambda t, s: [other, wrong])
    assert (found.compliant, found.details_name, found.matching) == (False, "Baseline", [])
    assert found.reason.startswith("No related resources match the effect details") and "1 found" in found.reason
    found = evaluate(dine("[parameters('configurationName')]", ON_NAMESPACE), ASSIGNED, CLUSTER,
                     lambda t, s: [other, RECONCILED])
    assert (found.compliant, found.matching) == (True, [RECONCILED["id"]])
    found = evaluate(dine(None, ON_NAMESPACE), ASSIGNED, CLUSTER, lambda t, s: [other])
    assert (found.compliant, found.matching) == (True, [other["id"]])  # no name: any related resource counts


def test_deployment_parameters_are_resolved_on_the_evaluated_resource_and_the_template_left_alone():
    found = evaluate(dine(), ASSIGNED, CLUSTER, lambda t, s: [])
    assert found.deployment == {"properties": {"mode": "incremental", "template": {"resources": ["[field('x')]"]},
                                               "parameters": {"where": {"value": "northeurope"}}}}
    assert (found.deployment_scope, found.role_definition_ids) == (RG, ["/role/1"])


@pytest.mark.parametrize("details, scope", [
    ({}, CLUSTER_ID),
    ({"type": "Microsoft.Kubernetes/connectedClusters/licenses"}, CLUSTER_ID),
    ({"type": "Microsoft.Insights/actionGroups"}, RG),
    ({"type": "Microsoft.Insights/actionGroups", "resourceGroupName": "rg-shared"},
     "/subscriptions/sub-9/resourceGroups/rg-shared"),
    ({"type": "Microsoft.Insights/actionGroups", "existenceScope": "subscription"}, "/subscriptions/sub-9"),
])
def test_related_resources_are_listed_under_the_scope_azure_uses(details, scope):
    calls = []
    found = evaluate(dine(**details), ASSIGNED, CLUSTER, lambda t, s: calls.append((t, s)) or [])
    assert calls == [(found.details_type, scope)] and found.existence_scope == scope


def test_subscription_deployment_scope_location_and_delay_are_read():
    found = evaluate(dine(deploymentScope="Subscription", evaluationDelay="PT10M"), ASSIGNED, CLUSTER,
                     lambda t, s: [])
    assert (found.deployment_scope, found.evaluation_delay) == ("/subscriptions/sub-9", "PT10M")
    assert (delay_seconds("PT10M"), delay_seconds("P1DT1H30S"), delay_seconds("AfterProvisioning")) == (600, 90030,
                                                                                                        None)


@pytest.mark.parametrize("effect, compliant, applicable", [("Audit", False, True), ("deny", False, True)])
def test_audit_and_deny_on_a_matching_resource_are_non_compliant(effect, compliant, applicable):
    policy = {"policyRule": {"if": {"field": "location", "equals": "northeurope"}, "then": {"effect": effect}}}
    found = evaluate(policy, {}, CLUSTER, lambda t, s: [])
    assert (found.effect, found.compliant, found.applicable) == (effect.lower(), compliant, applicable)


def test_a_resource_the_if_does_not_match_is_not_applicable():
    calls = []
    found = evaluate(dine(), ASSIGNED, {**CLUSTER, "type": "Microsoft.ContainerService/managedClusters"},
                     lambda t, s: calls.append(t) or [])
    assert (found.applicable, found.compliant, found.deployment, calls) == (False, None, None, [])


def test_audit_if_not_exists_reads_the_same_details_but_never_deploys():
    policy = dine(None, ON_NAMESPACE)
    policy["policyRule"]["then"]["effect"] = "AuditIfNotExists"
    missing = evaluate(policy, ASSIGNED, CLUSTER, lambda t, s: [])
    present = evaluate(policy, ASSIGNED, CLUSTER, lambda t, s: [RECONCILED])
    assert (missing.effect, missing.compliant, missing.deployment, missing.role_definition_ids) == (
        "auditifnotexists", False, None, [])
    assert present.compliant is True
