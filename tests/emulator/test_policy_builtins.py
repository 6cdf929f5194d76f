"""Azure's built-in Flux policy definitions (our own minimal rewrites in tests/data/policy, the same rule
structure and aliases) evaluated by the engine: a cluster without the resource is non-compliant with a
deployment; that deployment, run through the template engine and the providers, creates what its template
says; evaluating again shows whether the built-in is self-consistent."""

from __future__ import annotations

import pytest
from policy_helpers import SUBSCRIPTION, cluster_id, contains, definition, related, remediate, render, world

from arm_emulator.policy import evaluate, validate_definition

VAULT = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-fleet"
SECRETS = {(VAULT.lower(), "git-ssh-key"): "ssh-private-key-material",
           (VAULT.lower(), "git-token"): "token-material",
           (VAULT.lower(), "bucket-secret"): "bucket-secret-material"}
FLUX_EXT = {"name": "flux", "properties": {"extensionType": "microsoft.flux"}}
CONTRIBUTOR = "/providers/microsoft.authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c"


def values(**given):
    return {k: {"value": v} for k, v in given.items()}


GIT = {"configurationName": "fleet-baseline", "configurationNamespace": "fleet-system",
       "repositoryUrl": "https://example.org/platform/fleet-manifests", "repositoryRefBranch": "release",
       "kustomizationName": "base", "kustomizationPath": "./clusters/base"}
SSH_GIT = {**GIT, "repositoryUrl": "ssh://git@example.org/platform/fleet-manifests.git"}
BUCKET = {"configurationName": "fleet-objects", "configurationNamespace": "fleet-system",
          "bucketUrl": "https://objects.example.org", "bucketName": "manifests", "kustomizationName": "base"}

# fixture -> (assignment parameters, self-consistent)
CASES = {
    "flux-git-public": (values(**GIT), True),
    "flux-git-ssh": (values(**SSH_GIT, repositorySshKnownHosts="ZXhhbXBsZS5vcmcgc3NoLWVkMjU1MTkgQUFBQQ==",
                            keyVaultName=VAULT, keyVaultSecretName="git-ssh-key"), True),
    "flux-git-https": (values(**GIT, repositoryHttpsUser="fleet-bot", keyVaultName=VAULT,
                              httpsKeyKeyVaultSecretName="git-token"), True),
    "flux-git-https-ca": (values(**GIT, repositoryhttpsCACert="LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"), False),
    "flux-git-local-secret": (values(**GIT, repositorylocalAuthRef="fleet-git-credentials"), True),
    "flux-bucket-key-vault": (values(**BUCKET, bucketAccessKey="fleet-reader", keyVaultName=VAULT,
                                     keyVaultSecretName="bucket-secret"), True),
    "flux-bucket-local-secret": (values(**BUCKET, bucketLocalAuthRef="fleet-bucket-credentials"), True),
}


@pytest.mark.parametrize("name", sorted(CASES) + ["flux-extension"])
def test_builtin_definition_is_valid(name):
    validate_definition(definition(name))


def deploy_and_evaluate_again(tmp_path, name, kind, assigned):
    """A cluster without the configuration: evaluate, remediate, check the created resource, evaluate again."""
    ctx = world(tmp_path, [{"name": "edge-01", "type": kind, "extensions": [FLUX_EXT]}])
    rid = cluster_id("edge-01", kind)
    cluster, policy, calls = render(ctx, rid), definition(name), []

    before = evaluate(policy, assigned, cluster, related(ctx, calls))
    assert (before.applicable, before.effect, before.compliant) == (True, "deployifnotexists", False)
    assert calls == [("Microsoft.KubernetesConfiguration/fluxConfigurations", rid)]
    assert before.role_definition_ids == [CONTRIBUTOR]
    assert before.deployment_scope == rid.split("/providers/")[0]
    deployed = before.deployment["properties"]["parameters"]
    assert deployed["clusterName"] == {"value": "edge-01"}
    assert deployed["clusterResourceType"] == {"value": cluster["type"]}

    created = remediate(ctx, before, SECRETS)
    assert [cid for cid, _ in created] == [f"{rid}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/"
                                           f"{assigned['configurationName']['value']}"]
    (cid, body), = created
    shown = render(ctx, cid, "2022-03-01")
    expected = {k: v for k, v in body["properties"].items() if k != "configurationProtectedSettings"}
    assert contains(shown["properties"], expected), (shown["properties"], expected)
    assert shown["properties"]["provisioningState"] == "Succeeded"
    return ctx, shown, evaluate(policy, assigned, cluster, related(ctx))


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("kind", ["managedClusters", "connectedClusters"])
def test_configuration_builtin_deploys_what_its_template_says(tmp_path, name, kind):
    assigned, consistent = CASES[name]
    _, shown, after = deploy_and_evaluate_again(tmp_path, name, kind, assigned)
    assert after.compliant is consistent, after.reason
    assert after.matching == ([shown["id"]] if consistent else [])


def test_https_builtin_given_a_ca_certificate_is_not_self_consistent_either(tmp_path):
    assigned = {**CASES["flux-git-https"][0], **values(repositoryhttpsCACert="LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t")}
    _, shown, after = deploy_and_evaluate_again(tmp_path, "flux-git-https", "managedClusters", assigned)
    assert shown["properties"]["gitRepository"]["httpsCACert"] == "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"
    assert after.compliant is False  # it compares the httpsCAFile alias, which the template never sets


@pytest.mark.parametrize("name", ["flux-git-ssh", "flux-git-https"])
def test_ssh_and_https_builtins_deploy_the_sync_interval_as_the_retry_interval(tmp_path, name):
    assigned = {**CASES[name][0], **values(kustomizationSyncInterval=300, kustomizationRetryInterval=120)}
    _, shown, after = deploy_and_evaluate_again(tmp_path, name, "connectedClusters", assigned)
    assert shown["properties"]["kustomizations"]["base"]["retryIntervalInSeconds"] == 300
    assert after.compliant is True  # kustomizations are never compared


@pytest.mark.parametrize("name, failed_counts", [("flux-git-public", False), ("flux-bucket-local-secret", True)])
def test_bucket_builtins_count_a_failed_configuration_as_compliant(tmp_path, name, failed_counts):
    ctx, shown, after = deploy_and_evaluate_again(tmp_path, name, "managedClusters", CASES[name][0])
    assert after.compliant is True
    stored = ctx.store.get(shown["id"])
    stored.body["properties"]["provisioningState"] = "Failed"
    ctx.store.put(stored)
    cluster = render(ctx, shown["id"].split("/providers/Microsoft.KubernetesConfiguration")[0])
    again = evaluate(definition(name), CASES[name][0], cluster, related(ctx))
    assert again.compliant is failed_counts


@pytest.mark.parametrize("kind, identity", [("managedClusters", None), ("connectedClusters", "SystemAssigned")])
def test_extension_builtin_installs_flux_once_and_is_then_compliant(tmp_path, kind, identity):
    ctx = world(tmp_path, [{"name": "edge-02", "type": kind}])
    rid = cluster_id("edge-02", kind)
    cluster, policy = render(ctx, rid), definition("flux-extension")

    before = evaluate(policy, {}, cluster, related(ctx))
    assert (before.applicable, before.compliant) == (True, False)
    created = remediate(ctx, before)
    assert [cid for cid, _ in created] == [f"{rid}/providers/Microsoft.KubernetesConfiguration/extensions/flux"]
    shown = render(ctx, created[0][0], "2022-03-01")
    assert contains(shown["properties"], {**created[0][1]["properties"], "configurationSettings": {
        "helm-controller.enabled": "true", "notification-controller.enabled": "true",
        "image-automation-controller.enabled": "false", "image-reflector-controller.enabled": "false"}})
    assert (shown.get("identity") or {}).get("type") == identity

    after = evaluate(policy, {}, cluster, related(ctx))
    assert after.compliant is True, after.reason


def test_disabled_effect_evaluates_nothing(tmp_path):
    ctx = world(tmp_path, [{"name": "edge-03", "type": "managedClusters"}])
    cluster = render(ctx, cluster_id("edge-03", "managedClusters"))
    found = evaluate(definition("flux-extension"), values(effect="Disabled"), cluster, related(ctx))
    assert (found.effect, found.compliant, found.deployment) == ("disabled", None, None)
