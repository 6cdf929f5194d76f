"""What a generated definition deploys satisfies its own existenceCondition, for every source kind and auth mode:
otherwise every remediation would deploy again, forever.

For each case: a configuration made with `flux create` on one cluster; `flux policy generate`; the deployment the
definition runs (its parameters as Azure Policy passes them, with the definitions' default values and
[field('name')]/[field('type')] of the target) deployed by the emulator's template engine to a fresh cluster of
the other kind; the configuration and the extension read back from ARM must satisfy the existenceConditions, as the
emulator's Azure Policy engine (arm_emulator/policy) evaluates them.
"""

import copy

import pytest

from tests.policy.cases import CASES, KUSTOMIZATIONS, other_type
from tests.policy.deploying import complies, defaults, deploy, the_flux_extension

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_deployed_configuration_satisfies_the_existence_condition(cli, new_cluster, arm, secret_files, case):
    source = new_cluster(case.cluster_type)
    cli(f"k8s-configuration flux create {source.args} -n fleet-config --namespace fleet-config --scope cluster "
        f"{case.source} {KUSTOMIZATIONS} -o none")  # fmt: skip
    extension_definition, definition = cli(
        f"k8s-configuration flux policy generate {source.args} -n fleet-config {case.generate}").json["definitions"]
    status, original = source.get("fluxConfigurations", "fleet-config")
    switched = "--local-auth-ref" in case.generate
    assert complies(definition, original, defaults(definition)) is not switched, \
        "the cluster generated from is compliant, unless its credentials now come from an in-cluster secret"

    target = new_cluster(other_type(case.cluster_type))
    deploy(arm, definition, target, f"{target.name}-configuration")
    status, created = target.get("fluxConfigurations", "fleet-config")
    assert status == 200, created
    assert complies(definition, created, defaults(definition))
    extension = the_flux_extension(target)
    assert complies(extension_definition, extension, defaults(extension_definition))
    assert set(created["properties"]["kustomizations"]) == {"infra", "apps"}
    assert created["properties"]["kustomizations"]["apps"]["dependsOn"] == ["infra"]

    drifted = copy.deepcopy(created)
    drifted["properties"]["kustomizations"]["apps"]["path"] = "./apps/production"
    assert not complies(definition, drifted, defaults(definition))
    failed = copy.deepcopy(created)
    failed["properties"]["provisioningState"] = "Failed"
    assert not complies(definition, failed, defaults(definition))


@pytest.mark.parametrize("cluster_type, pinning", [
    ("managedClusters", ""), ("connectedClusters", "--auto-upgrade-minor-version false --version 1.24.1")])
def test_the_extension_definition_installs_what_it_checks(cli, new_cluster, arm, cluster_type, pinning):
    source = new_cluster(cluster_type)
    cli(f"k8s-extension create {source.args} -n flux --extension-type microsoft.flux "
        f"--configuration-settings multiTenancy.enforce=false {pinning} -o none")  # fmt: skip
    cli(f"k8s-configuration flux create {source.args} -n fleet-config --namespace fleet-config "
        f"-u https://github.com/contoso/fleet-infra --branch main {KUSTOMIZATIONS} -o none")  # fmt: skip
    extension_definition, _ = cli(
        f"k8s-configuration flux policy generate {source.args} -n fleet-config").json["definitions"]
    assert complies(extension_definition, the_flux_extension(source), defaults(extension_definition))

    target = new_cluster(other_type(cluster_type))
    deploy(arm, extension_definition, target, f"{target.name}-extension")
    installed = the_flux_extension(target)
    assert installed["properties"]["configurationSettings"]["multiTenancy.enforce"] == "false"
    assert installed["properties"]["autoUpgradeMinorVersion"] is not bool(pinning)
    assert installed["properties"]["version"] == ("1.24.1" if pinning else None)
    assert complies(extension_definition, installed, defaults(extension_definition))
    installed["properties"]["configurationSettings"]["multiTenancy.enforce"] = "true"
    assert not complies(extension_definition, installed, defaults(extension_definition))
