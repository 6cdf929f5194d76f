"""`flux policy generate --file`: a document generates the same definitions as the configuration `flux create
--file` makes from it on a cluster, for every source kind and auth mode, without a request; the definitions are
self-consistent; microsoft.flux settings come from --extension-settings."""

import json

import pytest
import yaml

from tests.document.test_export_roundtrip import READ_ONLY
from tests.flux import material as m
from tests.policy.cases import CASES, KUSTOMIZATIONS, other_type
from tests.policy.deploying import complies, defaults, deploy, the_flux_extension
from tests.v1.helpers import last_seq

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")

# The secret each document reference stands for, by the key that holds it.
SECRETS = {"httpsKey": m.HTTPS_KEY, "sshPrivateKey": m.SSH_KEY, "bucketSecretKey": m.BUCKET_SECRET,
           "accountKey": m.ACCOUNT_KEY, "clientSecret": m.SP_SECRET, "clientCertificate": m.CERT,
           "privateKey": m.TLS_KEY, "caCertificate": m.CERT}  # fmt: skip


def _fill_references(node, folder, monkeypatch):
    """Writes the file or sets the variable each {file: ...} / {env: ...} of an exported document names."""
    for key, value in (node.items() if isinstance(node, dict) else ()):
        if isinstance(value, dict) and set(value) == {"file"}:
            (folder / value["file"]).write_text(SECRETS[key])
        elif isinstance(value, dict) and set(value) == {"env"}:
            monkeypatch.setenv(value["env"], SECRETS[key])
        else:
            _fill_references(value, folder, monkeypatch)


def _document_of(cli, new_cluster, case, folder, monkeypatch):
    """A document of the case: the configuration made with options, exported, its references filled."""
    made = new_cluster(case.cluster_type)
    cli(f"k8s-configuration flux create {made.args} -n fleet-config --namespace fleet-config --scope cluster "
        f"{case.source} {KUSTOMIZATIONS} -o none")  # fmt: skip
    path = folder / "fleet-config.yaml"
    cli(f"k8s-configuration flux export {made.args} -n fleet-config --file {path}")
    _fill_references(yaml.safe_load(path.read_text()), folder, monkeypatch)
    return made, path


def _writable(cli, cluster):
    shown = cli(f"k8s-configuration flux show {cluster.args} -n fleet-config -o json").json
    return {k: v for k, v in shown.items() if k not in READ_ONLY}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_document_generates_what_its_configuration_on_a_cluster_generates(cli, new_cluster, emulator, arm,
                                                                           secret_files, monkeypatch, case):
    made, path = _document_of(cli, new_cluster, case, secret_files, monkeypatch)
    applied = new_cluster(case.cluster_type)
    cli(f"k8s-configuration flux create {applied.args} --file {path} -o none")
    assert _writable(cli, applied) == _writable(cli, made)  # the exported document, applied as is

    start = last_seq(emulator)
    from_document = cli(f"k8s-configuration flux policy generate --file {path} {case.generate}").json
    assert [e for e in emulator.requests(kind="arm") if e["seq"] > start] == []
    from_cluster = cli(f"k8s-configuration flux policy generate {applied.args} -n fleet-config {case.generate}").json
    assert json.dumps(from_document, sort_keys=True) == json.dumps(from_cluster, sort_keys=True)
    if case.secret:
        assert case.secret not in json.dumps(from_document)

    extension_definition, definition = from_document["definitions"]
    target = new_cluster(other_type(case.cluster_type))
    deploy(arm, definition, target, f"{target.name}-from-document")
    status, created = target.get("fluxConfigurations", "fleet-config")
    assert status == 200, created
    assert complies(definition, created, defaults(definition))
    assert complies(extension_definition, the_flux_extension(target), defaults(extension_definition))


PUBLIC = """\
name: fleet-config
namespace: fleet-config
gitRepository:
  url: https://github.com/contoso/fleet-infra
  repositoryRef: {branch: main}
kustomizations:
  infra: {path: ./infrastructure, prune: true}
"""


def test_extension_settings_are_checked_and_written_into_both_definitions(cli, emulator, tmp_path):
    path = tmp_path / "public.yaml"
    path.write_text(PUBLIC)
    start = last_seq(emulator)
    result = cli(f"k8s-configuration flux policy generate --file {path} -n edge-config "
                 "--extension-settings multiTenancy.enforce=False --parameters url settings.multiTenancy.enforce")
    assert [e for e in emulator.requests(kind="arm") if e["seq"] > start] == []
    extension, configuration = result.json["definitions"]
    assert configuration["name"] == "edge-config-flux-configuration"
    assert extension["parameters"]["settingMultiTenancyEnforce"]["defaultValue"] == "false"  # canonical
    resources = configuration["policyRule"]["then"]["details"]["deployment"]["properties"]["template"]["resources"]
    assert resources[0]["properties"]["configurationSettings"] == {
        "multiTenancy.enforce": "[parameters('settingMultiTenancyEnforce')]"}
    refused = cli(f"k8s-configuration flux policy generate --file {path} --extension-settings "
                  "multiTenancy.enforce=maybe", expect=1)
    assert "multiTenancy.enforce" in refused.stderr and "maybe" in refused.stderr


@pytest.mark.parametrize("options, expected", [
    ("-n fleet-config", "-g, -c, -t and -n of an existing one, or --file"),
    ("-g rg -c c1 -t managedClusters -n fleet-config --extension-settings a=b", "--extension-settings goes with"),
    ("--file {doc} -g rg -c c1 -t managedClusters --extension-settings a=b", "not both"),
    ("--file {doc} --local-auth-ref Not_A_Name", "Invalid --local-auth-ref"),
    ("--file {secret}", "--local-auth-ref NAME"),
])  # fmt: skip
def test_what_cannot_be_generated_is_refused_before_any_request(cli, emulator, tmp_path, options, expected):
    (tmp_path / "public.yaml").write_text(PUBLIC)
    (tmp_path / "token.txt").write_text(m.HTTPS_KEY + "\n")
    (tmp_path / "secret.yaml").write_text(PUBLIC.replace("repositoryRef", "httpsUser: git\n  repositoryRef")
                                          + "configurationProtectedSettings:\n  httpsKey: {file: ./token.txt}\n")
    start = last_seq(emulator)
    options = options.format(doc=tmp_path / "public.yaml", secret=tmp_path / "secret.yaml")
    refused = cli(f"k8s-configuration flux policy generate {options}", expect=1)
    assert expected in refused.stderr
    assert m.HTTPS_KEY not in refused.stderr + refused.stdout
    assert [e for e in emulator.requests(kind="arm") if e["seq"] > start] == []
