"""Running a generated definition's deployment in the emulator the way DeployIfNotExists runs it."""

from tests.harness.deployments import run_deployment
from tests.policy.policy_rules import deployment_parameters

VAULT_STAND_IN = "secret-the-vault-would-hold"


def cluster_resource(cluster):
    return {"name": cluster.name, "type": f"{cluster.provider}/{cluster.type}"}


def condition_of(definition):
    return definition["policyRule"]["then"]["details"]["existenceCondition"]


def defaults(definition, **assigned):
    """The policy parameter values of an assignment that gives `assigned` and leaves the rest to the defaults."""
    values = {name: spec.get("defaultValue") for name, spec in definition["parameters"].items()}
    values.update(assigned)
    return values


def deploy(arm, definition, target, name, **assigned):
    """Deploys the definition's template to `target` with DINE's deployment parameters; waits for success."""
    details = definition["policyRule"]["then"]["details"]
    parameters = deployment_parameters(definition, cluster_resource(target), VAULT_STAND_IN, assigned)
    answer = run_deployment(arm, name, details["deployment"]["properties"]["template"], parameters)
    assert answer["properties"]["provisioningState"] == "Succeeded", answer


def the_flux_extension(cluster):
    return next(e for e in cluster.list("extensions") if e["properties"]["extensionType"] == "microsoft.flux")


def engine_verdict(definition, cluster, related, **assigned):
    """Whether the emulator's own Azure Policy engine (arm_emulator/policy) finds `cluster` compliant with the
    definition, given its `related` resources; None where the checkout has no such engine yet."""
    try:
        from arm_emulator.policy import evaluate, validate_definition
    except ImportError:
        return None
    properties = {k: v for k, v in definition.items() if k != "name"}
    validate_definition(properties, definition["name"])
    resource = {**cluster_resource(cluster), "id": cluster.path(), "location": "eastus"}
    given = {name: {"value": value} for name, value in assigned.items()}
    found = evaluate(properties, given, resource,
                     lambda type_name, *_: [r for r in related if r["type"].lower() == type_name.lower()])
    return found.compliant
