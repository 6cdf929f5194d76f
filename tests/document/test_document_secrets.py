"""Secrets of a document: read from the file or variable it names, sent where the options send them (protected
settings base64, as `--https-key-file` does), and never in output, errors, warnings or the --debug trace."""

import base64
import uuid

import pytest

from azext_k8s_flux.operations.flux import flux_create, flux_update
from tests.document.conftest import DOCUMENT, REPO
from tests.flux.cases import CLUSTER
from tests.flux.existing import git_configuration
from tests.flux.fakes import FakeFluxClient, wire
from tests.secrets import material as m

FLUX = "k8s-configuration flux"
BLOB = f"""\
name: blob-config
sourceKind: AzureBlob
azureBlob:
  url: https://acct.blob.core.windows.net
  containerName: flux
  servicePrincipal:
    clientId: {m.GUID}
    tenantId: {m.GUID}
    clientSecret: {{env: DOCUMENT_TEST_SP_SECRET}}
"""


def _sent(client):
    (verb, args, kwargs), = client.writes()
    return verb, wire(args[-1])["properties"], kwargs


def test_a_protected_secret_from_a_file_reaches_the_put_as_base64(cmd, clients, document):
    client = FakeFluxClient()
    flux_create(cmd, client, **CLUSTER, file=document(DOCUMENT, token=m.HTTPS_KEY))
    verb, body, kwargs = _sent(client)
    assert verb == "PUT" and kwargs["logging_enable"] is False  # kept out of --debug
    assert body["configurationProtectedSettings"] == {"httpsKey": m.b64(m.HTTPS_KEY)}  # newline of the file dropped
    assert body["gitRepository"]["httpsUser"] == "git"


def test_a_source_secret_from_a_variable_reaches_the_put(cmd, clients, document, monkeypatch):
    monkeypatch.setenv("DOCUMENT_TEST_SP_SECRET", m.SP_SECRET)
    client = FakeFluxClient()
    flux_create(cmd, client, **CLUSTER, file=document(BLOB))
    verb, body, kwargs = _sent(client)
    assert kwargs["logging_enable"] is False
    assert body["azureBlob"]["servicePrincipal"]["clientSecret"] == m.SP_SECRET


def test_update_with_an_unchanged_document_sends_the_secret_alone(cmd, document):
    stored = {"force": False, "wait": True, "syncIntervalInSeconds": 600, "timeoutInSeconds": 600}  # service defaults
    existing = git_configuration(gitRepository={"url": REPO, "repositoryRef": {"branch": "main"}, "httpsUser": "git",
                                                "syncIntervalInSeconds": 300, "timeoutInSeconds": 600},
                                 namespace="team-config", kustomizations={
                                     "infra": {**stored, "path": "./infrastructure", "prune": True},
                                     "apps": {**stored, "path": "./apps", "dependsOn": ["infra"], "prune": True,
                                              "timeoutInSeconds": 900}})  # fmt: skip
    client = FakeFluxClient(existing)
    flux_update(cmd, client, **CLUSTER, file=document(DOCUMENT, token=m.HTTPS_KEY))
    verb, body, kwargs = _sent(client)
    assert verb == "PATCH" and kwargs["logging_enable"] is False
    assert body == {"configurationProtectedSettings": {"httpsKey": m.b64(m.HTTPS_KEY)}}


def _debug(cli, command, expect=0):
    result = cli(f"{command} --debug", expect=expect)
    assert "DEBUG: " in result.stderr
    return result


@pytest.fixture
def secret_document(document, monkeypatch):
    monkeypatch.setenv("DOCUMENT_TEST_SP_SECRET", m.SP_SECRET)

    def write(name):
        return document(DOCUMENT.replace("team-config", name, 1), token=m.HTTPS_KEY)

    return write


def test_no_secret_in_any_output_of_a_document_apply(cli, cluster, secret_document):
    name = f"cfg-{uuid.uuid4().hex[:8]}"
    path = secret_document(name)
    for command in (f"create {cluster.args} --file {path} --what-if",
                    f"create {cluster.args} --file {path}",
                    f"create {cluster.args} --file {path}",  # unchanged: the secret alone, sent again
                    f"update {cluster.args} --file {path} --branch dev --what-if -o table",
                    f"update {cluster.args} --file {path} --branch dev",
                    f"update {cluster.args} --file {path} -o yaml"):  # fmt: skip
        m.assert_no_leak(_debug(cli, f"{FLUX} {command}"), m.HTTPS_KEY)


def test_no_secret_in_errors_about_a_document(cli, cluster, document, monkeypatch, tmp_path):
    monkeypatch.setenv("DOCUMENT_TEST_SP_SECRET", m.SP_SECRET)
    ssh_with_token = document(DOCUMENT.replace("url: " + REPO, "url: ssh://git@github.com/org/fleet"),
                              token=m.HTTPS_KEY)  # fmt: skip
    result = _debug(cli, f"{FLUX} create {cluster.args} --file {ssh_with_token}", expect=1)
    assert "can only be used with http(s) URLs" in result.stderr
    m.assert_no_leak(result, m.HTTPS_KEY)
    inline = tmp_path / "inline.yaml"
    inline.write_text(BLOB.replace("{env: DOCUMENT_TEST_SP_SECRET}", m.SP_SECRET))
    result = _debug(cli, f"{FLUX} create {cluster.args} --file {inline}", expect=1)
    assert "a secret written inline" in result.stderr
    m.assert_no_leak(result, m.SP_SECRET)
    bad_tenant = tmp_path / "tenant.yaml"
    bad_tenant.write_text(BLOB.replace(f"tenantId: {m.GUID}", "tenantId: not a tenant"))
    result = _debug(cli, f"{FLUX} create {cluster.args} --file {bad_tenant}", expect=1)
    assert "--sp-tenant-id" in result.stderr and "azureBlob.servicePrincipal.tenantId" in result.stderr
    m.assert_no_leak(result, m.SP_SECRET)


def test_the_base64_of_a_secret_is_never_printed_either(cli, cluster, secret_document):
    name = f"cfg-{uuid.uuid4().hex[:8]}"
    result = _debug(cli, f"{FLUX} create {cluster.args} --file {secret_document(name)}")
    assert base64.b64encode(m.HTTPS_KEY.encode()).decode() not in result.output
