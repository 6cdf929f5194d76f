"""Judging and running a generated definition with the emulator's Azure Policy engine (arm_emulator/policy), the
way Azure Policy evaluates DeployIfNotExists on a cluster and runs its deployment."""

from arm_emulator.policy import evaluate, validate_definition
from tests.harness.deployments import run_deployment

VAULT_STAND_IN = "secret-the-vault-would-hold"
_EXTENSION_PROVIDER = "/providers/microsoft.kubernetesconfiguration/"


def cluster_resource(cluster):
    return {"id": cluster.path(), "name": cluster.name, "type": f"{cluster.provider}/{cluster.type}",
            "location": "eastus"}  # fmt: skip


def _holder(related):
    """The cluster an extension resource (a configuration, an extension) as ARM returns it sits on."""
    cluster_id = related["id"][: related["id"].lower().index(_EXTENSION_PROVIDER)]
    *_, provider, type_name, name = cluster_id.split("/")
    return {"id": cluster_id, "name": name, "type": f"{provider}/{type_name}", "location": "eastus"}


def defaults(definition, **assigned):
    """The policy parameter values of an assignment that gives `assigned` and leaves the rest to the defaults."""
    values = {name: spec.get("defaultValue") for name, spec in definition["parameters"].items()}
    values.update(assigned)
    return values


def _evaluate(definition, cluster, related, values):
    properties = {k: v for k, v in definition.items() if k != "name"}
    validate_definition(properties, definition["name"])
    given = {name: {"value": value} for name, value in values.items()}
    return evaluate(properties, given, cluster,
                    lambda type_name, *_: [r for r in related if r["type"].lower() == type_name.lower()])


def complies(definition, related, values):
    """Whether the cluster holding `related` (the resource the definition looks for, as ARM returns it) is
    compliant with `definition` under the policy parameter values `values`."""
    return _evaluate(definition, _holder(related), [related], values).compliant


def deploy(arm, definition, target, name, **assigned):
    """Deploys what the definition deploys to the non-compliant `target` (DINE's deployment parameters, a Key
    Vault reference resolved to a stand-in as ARM would); waits for success."""
    found = _evaluate(definition, cluster_resource(target), [], defaults(definition, **assigned))
    assert found.compliant is False, found.reason
    parameters = found.deployment["properties"]["parameters"]
    for spec in parameters.values():
        if "reference" in spec:
            assert spec.pop("reference")["keyVault"]["id"].startswith("/subscriptions/")
            spec["value"] = VAULT_STAND_IN
    answer = run_deployment(arm, name, found.deployment["properties"]["template"], parameters)
    assert answer["properties"]["provisioningState"] == "Succeeded", answer


def the_flux_extension(cluster):
    return next(e for e in cluster.list("extensions") if e["properties"]["extensionType"] == "microsoft.flux")
