"""`flux policy generate`: its reads, its parameters, its refusals, its files and commands, and the aliases it
uses. The self-consistency of what it generates: test_self_consistency.py."""

import json
import re
from pathlib import Path

import pytest

from tests.policy.cases import KUSTOMIZATIONS, VAULT
from tests.policy.deploying import complies, defaults, deploy, the_flux_extension
from tests.v1.helpers import last_seq

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")

PUBLISHED = Path(__file__).resolve().parents[1] / "data" / "policy" / "published-aliases.txt"
GIT = "-u https://github.com/contoso/fleet-infra --branch main"
HTTPS = "-u https://dev.azure.com/contoso/_git/fleet --branch main --https-user git --https-key-file token.txt"


@pytest.fixture
def configured(cli, new_cluster, secret_files):
    """configured(source options, cluster type) -> a cluster with the Flux configuration fleet-config on it."""

    def make(source=GIT, cluster_type="managedClusters"):
        cluster = new_cluster(cluster_type)
        cli(f"k8s-configuration flux create {cluster.args} -n fleet-config --namespace fleet-config "
            f"{source} {KUSTOMIZATIONS} -o none")  # fmt: skip
        return cluster

    return make


def requests_since(emulator, seq):
    """(method, last two path segments) of every ARM request after `seq`."""
    return [(e["method"], "/".join(e["path"].lower().rsplit("/", 2)[-2:]))
            for e in emulator.requests(kind="arm") if e["seq"] > seq]  # fmt: skip


def generate(cli, cluster, options="", expect=0):
    return cli(f"k8s-configuration flux policy generate {cluster.args} -n fleet-config {options}", expect=expect)


def test_two_reads_and_the_default_parameters(cli, configured, emulator):
    cluster = configured()
    start = last_seq(emulator)
    result = generate(cli, cluster).json
    assert requests_since(emulator, start) == [
        ("GET", "fluxconfigurations/fleet-config"),
        ("GET", "microsoft.kubernetesconfiguration/extensions"),
    ]
    extension, configuration = result["definitions"]
    assert set(configuration["parameters"]) == {"url", "branch", "namespace", "effect"}
    assert configuration["parameters"]["effect"]["allowedValues"] == ["DeployIfNotExists", "AuditIfNotExists",
                                                                      "Disabled"]  # fmt: skip
    assert list(extension["parameters"]) == ["effect"]
    details = configuration["policyRule"]["then"]["details"]
    assert details["name"] == "fleet-config"
    assert details["roleDefinitionIds"] == [
        "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c"]
    assert configuration["policyRule"]["if"] == {"field": "type", "in": [
        "Microsoft.Kubernetes/connectedClusters", "Microsoft.ContainerService/managedClusters"]}
    resources = details["deployment"]["properties"]["template"]["resources"]
    assert [(r["type"], r["apiVersion"]) for r in resources] == [
        ("Microsoft.KubernetesConfiguration/extensions", "2025-03-01"),
        ("Microsoft.KubernetesConfiguration/fluxConfigurations", "2025-04-01")]
    assert "flux" in resources[1]["dependsOn"][0]
    assert "PUT of identical extension properties changes nothing" in configuration["metadata"]["note"]
    initiative = result["initiative"]
    assert [d["policyDefinitionReferenceId"] for d in initiative["definitions"]] == ["flux-extension",
                                                                                     "flux-configuration"]
    assert set(initiative["definitions"][1]["parameters"]) == set(initiative["parameters"]) == {
        "url", "branch", "namespace", "effect"}


def test_chosen_parameters_are_written_and_checked_through_the_assignment(cli, configured, new_cluster, arm):
    cluster = configured()
    _, definition = generate(cli, cluster, "--parameters apps.path infra.prune effect").json["definitions"]
    assert set(definition["parameters"]) == {"kustomizationAppsPath", "kustomizationInfraPrune", "effect"}
    assert definition["parameters"]["kustomizationInfraPrune"] == {
        "type": "Boolean", "defaultValue": True, "metadata": definition["parameters"]["kustomizationInfraPrune"][
            "metadata"]}
    target = new_cluster("connectedClusters")
    deploy(arm, definition, target, f"{target.name}-assigned", kustomizationAppsPath="./apps/production")
    status, created = target.get("fluxConfigurations", "fleet-config")
    assert created["properties"]["kustomizations"]["apps"]["path"] == "./apps/production"
    assert created["properties"]["gitRepository"]["url"] == "https://github.com/contoso/fleet-infra"  # a literal
    assigned = defaults(definition, kustomizationAppsPath="./apps/production")
    assert complies(definition, created, assigned)
    assert not complies(definition, created, defaults(definition))


def test_more_than_twenty_parameters_are_refused_with_the_count(cli, configured, emulator):
    cluster = configured(GIT + " -k name=extra path=./extra")
    available = ["url", "branch", "timeoutInSeconds", "syncIntervalInSeconds", "namespace", "scope", "suspend",
                 "effect", "extra.path"]
    for name in ("infra", "apps"):
        available += [f"{name}.{key}" for key in ("path", "prune", "force", "timeoutInSeconds",
                                                  "syncIntervalInSeconds", "wait")]
    refused = generate(cli, cluster, "--parameters " + " ".join(available), expect=1)
    assert "21 policy parameters were requested" in refused.stderr and "at most 20" in refused.stderr
    assert generate(cli, cluster, "--parameters " + " ".join(available[:20])).json


def test_twenty_with_key_vault_ones_counted(cli, configured):
    cluster = configured(HTTPS)
    options = (f"--key-vault {VAULT} --key-vault-secret https-key=git-token --parameters url branch namespace "
               "scope suspend effect infra.path infra.prune infra.force infra.wait apps.path apps.prune apps.force "
               "apps.wait timeoutInSeconds syncIntervalInSeconds httpsUser infra.timeoutInSeconds "
               "apps.timeoutInSeconds")
    refused = generate(cli, cluster, options, expect=1)
    assert "21 policy parameters were requested (19 from --parameters, 2 for Key Vault)" in refused.stderr


def test_an_unknown_field_gets_a_did_you_mean(cli, configured):
    refused = generate(cli, configured(), "--parameters url brnch", expect=1)
    assert "'brnch' is not a field of this configuration" in refused.stderr
    assert "Did you mean 'branch'?" in refused.stderr
    assert "Traceback" not in refused.stderr


@pytest.mark.parametrize("options, expected", [
    ("", ["authenticates with a secret (https-key)", "--local-auth-ref NAME", "--key-vault VAULT_RESOURCE_ID",
          "--key-vault-secret https-key=SECRET_NAME"]),
    (f"--local-auth-ref git-credentials --key-vault {VAULT} --key-vault-secret https-key=git-token",
     ["either --local-auth-ref or --key-vault, not both"]),
    (f"--key-vault {VAULT} --key-vault-secret htps-key=git-token", ["Did you mean 'https-key'?"]),
    (f"--key-vault {VAULT} --key-vault-secret bucket-secret-key=git-token", ["not a secret of a GitRepository"]),
])  # fmt: skip
def test_a_secret_needs_one_way_to_reach_the_cluster(cli, configured, options, expected):
    refused = generate(cli, configured(HTTPS), options, expect=1)
    for fragment in expected:
        assert fragment in refused.stderr
    assert "Traceback" not in refused.stderr


@pytest.mark.parametrize("options, expected", [
    ("--key-vault fleet-kv --key-vault-secret https-key=git-token", "takes the vault's resource ID, not its name"),
    ("--key-vault-secret https-key=git-token", "--key-vault-secret needs --key-vault"),
    (f"--key-vault {VAULT}", "--key-vault needs --key-vault-secret"),
    (f"--key-vault {VAULT} --key-vault-secret https-key", "--key-vault-secret takes OPTION=SECRET_NAME"),
    ("--local-auth-ref Not_A_Name", "Invalid --local-auth-ref"),
    ("--output-dir ''", "--output-dir is empty"),
    ("--definition-subscription ''", "--definition-subscription is empty"),
])  # fmt: skip
def test_malformed_secret_options_are_refused_before_any_request(cli, configured, emulator, options, expected):
    cluster = configured(HTTPS)
    start = last_seq(emulator)
    refused = generate(cli, cluster, options, expect=1)
    assert expected in refused.stderr
    assert requests_since(emulator, start) == []


def test_the_key_vault_parameter_takes_a_resource_id(cli, configured):
    cluster = configured(HTTPS)
    _, definition = generate(cli, cluster, f"--key-vault {VAULT} --key-vault-secret https-key=git-token"
                             ).json["definitions"]  # fmt: skip
    vault = definition["parameters"]["keyVaultResourceId"]
    assert vault["defaultValue"] == VAULT and "RESOURCE ID" in vault["metadata"]["description"]
    assert "not its name" in vault["metadata"]["description"]
    given = definition["policyRule"]["then"]["details"]["deployment"]["properties"]["parameters"]
    assert given["httpsKey"] == {"reference": {"keyVault": {"id": "[parameters('keyVaultResourceId')]"},
                                               "secretName": "[parameters('httpsKeySecretName')]"}}  # fmt: skip
    template = definition["policyRule"]["then"]["details"]["deployment"]["properties"]["template"]
    assert template["parameters"]["httpsKey"] == {"type": "securestring"}
    protected = template["resources"][1]["properties"]["configurationProtectedSettings"]
    assert protected == {"httpsKey": "[base64(parameters('httpsKey'))]"}


def test_files_and_commands(cli, configured, tmp_path):
    cluster = configured()
    folder = tmp_path / "policy"
    sub = "11111111-2222-3333-4444-555555555555"
    result = generate(cli, cluster, f"--output-dir {folder} --definition-subscription {sub}").json
    names = sorted(Path(f).name for f in result["files"])
    assert names == sorted(["flux-extension.rules.json", "flux-extension.params.json", "flux-extension.definition.json",
                            "fleet-config.rules.json", "fleet-config.params.json", "fleet-config.definition.json",
                            "initiative.definitions.json", "initiative.params.json"])  # fmt: skip
    contents = {name: json.loads((folder / name).read_text()) for name in names}
    assert set(contents["fleet-config.rules.json"]) == {"if", "then"}
    assert set(contents["fleet-config.params.json"]) == {"url", "branch", "namespace", "effect"}
    ids = [d["policyDefinitionId"] for d in contents["initiative.definitions.json"]]
    assert ids == [f"/subscriptions/{sub}/providers/Microsoft.Authorization/policyDefinitions/fleet-config-flux-"
                   f"{role}" for role in ("extension", "configuration")]  # fmt: skip
    first, second, third = result["commands"]
    assert first.startswith("az policy definition create --name fleet-config-flux-extension ")
    assert f"--rules {folder}/flux-extension.rules.json --params {folder}/flux-extension.params.json" in first
    assert "--mode Indexed" in second and f"--rules {folder}/fleet-config.rules.json" in second
    assert third.startswith("az policy set-definition create --name fleet-config-flux ")
    assert f"--definitions {folder}/initiative.definitions.json" in third and f"--subscription {sub}" in third


def _aliases(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "field" and "/" in item:
                yield item
            yield from _aliases(item)
    elif isinstance(value, list):
        for item in value:
            yield from _aliases(item)
    elif isinstance(value, str):
        yield from (name for name in re.findall(r"field\('([^']+)'\)", value) if "/" in name)


def test_every_alias_is_published_and_what_has_none_is_named(cli, configured):
    published = {line for line in PUBLISHED.read_text().splitlines() if line and not line.startswith("#")}
    cluster = configured("--kind oci -u oci://ghcr.io/contoso/fleet-manifests --tag v1.0.0 "
                         "--verification-provider cosign --verification-config key1=cHVibGljLWtleQ==")
    result = generate(cli, cluster)
    used = set(_aliases(result.json["definitions"]))
    assert used and used <= published, used - published
    _, definition = result.json["definitions"]
    assert "ociRepository.verify.verificationConfig.key1" in definition["metadata"]["notComparedFields"]
    assert "No Azure Policy alias exists for ociRepository.verify.verificationConfig.key1" in result.stderr


def test_an_output_folder_that_cannot_be_written_is_named(cli, configured, tmp_path):
    (tmp_path / "taken").write_text("a file, not a folder")
    refused = generate(cli, configured(), f"--output-dir {tmp_path / 'taken'}", expect=1)
    assert f"Could not write into --output-dir '{tmp_path / 'taken'}'" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_table_output(cli, configured, tmp_path):
    cluster = configured()
    rows = generate(cli, cluster, "-o table").stdout.splitlines()
    assert rows[0].split() == ["Kind", "Name", "Parameters"]
    assert [r.split() for r in rows[2:]] == [["Definition", "fleet-config-flux-extension", "1"],
                                             ["Definition", "fleet-config-flux-configuration", "4"],
                                             ["Initiative", "fleet-config-flux", "4"]]  # fmt: skip
    written = generate(cli, cluster, f"--output-dir {tmp_path} -o table").stdout
    assert str(tmp_path / "initiative.params.json") in written


def test_an_extension_setting_as_a_parameter_reaches_both_definitions(cli, new_cluster, arm, secret_files):
    cluster = new_cluster("managedClusters")
    cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux "
        "--configuration-settings multiTenancy.enforce=false -o none")  # fmt: skip
    cli(f"k8s-configuration flux create {cluster.args} -n fleet-config --namespace fleet-config {GIT} "
        f"{KUSTOMIZATIONS} -o none")  # fmt: skip
    result = generate(cli, cluster, "--parameters url settings.multiTenancy.enforce effect").json
    extension, configuration = result["definitions"]
    assert set(extension["parameters"]) == {"settingMultiTenancyEnforce", "effect"}
    assert extension["parameters"]["settingMultiTenancyEnforce"]["defaultValue"] == "false"
    assert set(configuration["parameters"]) == {"url", "settingMultiTenancyEnforce", "effect"}
    assert result["initiative"]["definitions"][0]["parameters"] == {
        "settingMultiTenancyEnforce": {"value": "[parameters('settingMultiTenancyEnforce')]"},
        "effect": {"value": "[parameters('effect')]"}}
    for definition in (extension, configuration):
        target = new_cluster("connectedClusters")
        deploy(arm, definition, target, f"{target.name}-setting", settingMultiTenancyEnforce="true")
        installed = the_flux_extension(target)
        assert installed["properties"]["configurationSettings"] == {"multiTenancy.enforce": "true"}
        assigned = defaults(extension, settingMultiTenancyEnforce="true")
        assert complies(extension, installed, assigned)
        assert not complies(extension, installed, defaults(extension))
