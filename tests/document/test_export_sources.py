"""`flux export` of every source kind and auth mode (in-process, against the emulator): no secret value in the
document or the template, each secret the configuration uses named as a reference and as a securestring
parameter, and the template deploys back (through the emulator's ARM template engine) to the same configuration."""

import json
from dataclasses import dataclass, field

import pytest
import yaml

from tests.flux import material as m
from tests.harness.deployments import run_deployment

GUID = m.GUID
READ_ONLY = {"id", "name", "type", "resourceGroup", "systemData", "provisioningState", "complianceState", "statuses",
             "sourceSyncedCommitId", "sourceUpdatedAt", "statusUpdatedAt", "errorMessage", "repositoryPublicKey"}
GIT = "-u https://github.com/contoso/platform --branch main"
SSH = "-u ssh://git@github.com/contoso/platform --branch main"
BLOB = "--kind azblob -u https://contosofleet.blob.core.windows.net --container-name manifests"
OCI = "--kind oci -u oci://ghcr.io/contoso/manifests --tag v1.2.0"
ENV, FILE = "env", "file"


@dataclass
class Case:
    options: str  # the source options of `flux create`
    secrets: dict = field(default_factory=dict)  # {option whose file form holds the value: value}
    references: dict = field(default_factory=dict)  # {document path: reference} the YAML export must hold
    parameters: dict = field(default_factory=dict)  # {securestring parameter: value given at deployment}
    optional: tuple = ()  # securestring parameters that may be left empty (one of two interchangeable secrets)


CASES = {
    "git-https": Case(f"{GIT} --https-user deploy-bot", {"https-key": m.HTTPS_KEY},
                      {"configurationProtectedSettings.httpsKey": {ENV: "FLUX_HTTPS_KEY"}},
                      {"httpsKey": m.HTTPS_KEY}),
    "git-ssh-key": Case(SSH, {"ssh-private-key": m.SSH_KEY, "known-hosts": m.KNOWN_HOSTS},
                        {"configurationProtectedSettings.sshPrivateKey": {FILE: "./ssh-private-key.pem"}},
                        {"sshPrivateKey": m.SSH_KEY}),
    "git-ssh-generated-key": Case(SSH),
    "git-local-auth-ref": Case(f"{GIT} --local-auth-ref git-credentials"),
    "bucket": Case("--kind bucket -u https://s3.contoso.example --bucket-name fleet --bucket-access-key AKIDEXAMPLE",
                   {"bucket-secret-key": m.BUCKET_SECRET},
                   {"configurationProtectedSettings.bucketSecretKey": {ENV: "FLUX_BUCKET_SECRET_KEY"}},
                   {"bucketSecretKey": m.BUCKET_SECRET}),
    "blob-account-key": Case(BLOB, {"account-key": m.ACCOUNT_KEY}, {"azureBlob.accountKey": {ENV: "FLUX_ACCOUNT_KEY"}},
                             {"accountKey": m.ACCOUNT_KEY}, ("accountKey", "sasToken")),
    "blob-sas-token": Case(BLOB, {"sas-token": m.SAS_TOKEN}, {"azureBlob.accountKey": {ENV: "FLUX_ACCOUNT_KEY"}},
                           {"sasToken": m.SAS_TOKEN}, ("accountKey", "sasToken")),
    "blob-sp-secret": Case(f"{BLOB} --sp-client-id {GUID} --sp-tenant-id {GUID}", {"sp-client-secret": m.SP_SECRET},
                           {"azureBlob.servicePrincipal.clientSecret": {ENV: "FLUX_SP_CLIENT_SECRET"}},
                           {"spClientSecret": m.SP_SECRET}),
    "blob-sp-certificate": Case(f"{BLOB} --sp-client-id {GUID} --sp-tenant-id {GUID} --sp-client-cert-send-chain true",
                                {"sp-client-cert": m.SP_CERT},
                                {"azureBlob.servicePrincipal.clientCertificate": {FILE: "./sp-client-cert.pem"}},
                                {"spClientCert": m.SP_CERT}),
    "blob-managed-identity": Case(f"{BLOB} --mi-client-id {GUID}"),
    "oci-tls": Case(OCI, {"tls-client-certificate": m.CERT, "tls-private-key": m.TLS_KEY},
                    {"ociRepository.tlsConfig.clientCertificate": {FILE: "./tls-client-certificate.pem"},
                     "ociRepository.tlsConfig.privateKey": {FILE: "./tls-private-key.pem"}},
                    {"tlsClientCertificate": m.CERT, "tlsPrivateKey": m.TLS_KEY}),
    "oci-workload-identity": Case(f"{OCI} --use-workload-identity true --service-account-name flux-pull"),
}  # fmt: skip


def _references(node, path=()):
    """{dotted path: reference} of every {env|file: ...} in a document."""
    if isinstance(node, dict) and len(node) == 1 and set(node) <= {ENV, FILE}:
        return {".".join(path): node}
    found = {}
    for key, value in (node.items() if isinstance(node, dict) else ()):
        found.update(_references(value, (*path, key)))
    return found


def _writable(shown):
    return {k: v for k, v in shown.items() if k not in READ_ONLY}


def _deploy(arm, name, template, parameters):
    return run_deployment(arm, name, template, {k: {"value": v} for k, v in parameters.items()})


@pytest.mark.parametrize("case_name", list(CASES))
def test_export_names_each_secret_and_deploys_back(cli, arm, new_cluster, tmp_path, case_name):
    case = CASES[case_name]
    cluster = new_cluster("connectedClusters")
    files = ""
    for option, value in case.secrets.items():
        (tmp_path / option).write_text(value)
        files += f" --{option}-file {tmp_path / option}"
    cli(f"k8s-configuration flux create {cluster.args} -n src {case.options}{files} -k name=apps path=./apps -o none")
    before = cli(f"k8s-configuration flux show {cluster.args} -n src -o json").json
    document, template = tmp_path / "src.yaml", tmp_path / "src.json"
    cli(f"k8s-configuration flux export {cluster.args} -n src --file {document}")
    cli(f"k8s-configuration flux export {cluster.args} -n src --format arm --file {template}")

    exported = document.read_text() + template.read_text()
    for secret in (*m.ALL_SECRETS, *case.secrets.values(), "redacted"):
        assert secret.strip() not in exported
    assert _references(yaml.safe_load(document.read_text())) == case.references
    tmpl = json.loads(template.read_text())
    secure = {n: p for n, p in tmpl["parameters"].items() if p["type"] == "securestring"}
    assert set(secure) == set(case.parameters) | set(case.optional)
    assert {n for n, p in secure.items() if p.get("minLength") == 1} == set(case.parameters) - set(case.optional)

    cli(f"k8s-configuration flux delete {cluster.args} -n src --yes")
    deployed = _deploy(arm, f"src-{cluster.name}", tmpl,
                       {"clusterName": cluster.name, "clusterType": "connectedClusters", **case.parameters})
    assert deployed["properties"]["provisioningState"] == "Succeeded", deployed["properties"].get("error")
    after = cli(f"k8s-configuration flux show {cluster.args} -n src -o json").json
    assert _writable(after) == _writable(before)
