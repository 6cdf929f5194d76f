"""`flux create|update --file`: only what differs is written (exact requests), the command line overrides single
fields, a document from `flux show -o json` reproduces the configuration, --what-if writes nothing."""

import json
import uuid

import pytest

from tests.document.conftest import DOCUMENT, PUBLIC, REPO

FLUX = "k8s-configuration flux"
READ_ONLY = {"id", "name", "type", "systemData", "provisioningState", "complianceState", "statuses",
             "sourceSyncedCommitId", "sourceUpdatedAt", "statusUpdatedAt", "errorMessage", "repositoryPublicKey",
             "resourceGroup"}  # fmt: skip


def _name(prefix="cfg"):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def _properties(cluster, name):
    status, body = cluster.get("fluxConfigurations", name)
    assert status == 200, body
    return body["properties"]


def _writable(shown):
    return {key: value for key, value in shown.items() if key not in READ_ONLY}


def test_create_twice_writes_once_then_nothing(cli, cluster, document, watch):
    name = _name()
    path = document(PUBLIC.replace("public-config", name, 1))
    requests = watch()
    created = cli(f"{FLUX} create {cluster.args} --file {path}")
    assert requests() == [("GET", f"fluxconfigurations/{name}"),  # is it there? no: the create of flux create
                          ("GET", "microsoft.kubernetesconfiguration/extensions"),
                          ("PUT", f"fluxconfigurations/{name}"), ("GET", f"fluxconfigurations/{name}")]
    assert created.json["kustomizations"]["apps"]["dependsOn"] == ["infra"]
    requests = watch()
    again = cli(f"{FLUX} create {cluster.args} --file {path}")
    assert requests() == [("GET", f"fluxconfigurations/{name}")]
    assert "already has these settings: nothing to change" in again.stderr
    assert _writable(again.json) == _writable(created.json)


def test_update_twice_writes_once_then_nothing(cli, cluster, document, watch):
    name = _name()
    cli(f"{FLUX} create {cluster.args} -n {name} -u {REPO} --branch main -k name=infra path=./infrastructure "
        "prune=true -k name=apps path=./apps depends_on=infra -o none")  # fmt: skip
    path = document(PUBLIC.replace("public-config", name, 1).replace("namespace: public-config", "namespace: default")
                    .replace("{branch: main}", "{branch: release}"))  # fmt: skip
    requests = watch()
    cli(f"{FLUX} update {cluster.args} --file {path} -o none")
    assert requests() == [("GET", f"fluxconfigurations/{name}"), ("PATCH", f"fluxconfigurations/{name}"),
                          ("GET", f"fluxconfigurations/{name}")]  # fmt: skip
    assert _properties(cluster, name)["gitRepository"]["repositoryRef"]["branch"] == "release"
    requests = watch()
    again = cli(f"{FLUX} update {cluster.args} --file {path} -o none")
    assert requests() == [("GET", f"fluxconfigurations/{name}")]
    assert "already has these settings: nothing to change" in again.stderr


@pytest.mark.parametrize("verb", ["create", "update"])
def test_a_document_with_a_secret_sends_only_the_secret_again(cli, cluster, document, watch, verb):
    name = _name()
    path = document(DOCUMENT.replace("team-config", name, 1))
    cli(f"{FLUX} create {cluster.args} --file {path} -o none")
    requests = watch()
    again = cli(f"{FLUX} {verb} {cluster.args} --file {path} -o none")
    assert requests() == [("GET", f"fluxconfigurations/{name}"), ("PATCH", f"fluxconfigurations/{name}"),
                          ("GET", f"fluxconfigurations/{name}")]  # fmt: skip
    assert "sent again, the service does not return secrets" in again.stderr


def test_command_line_options_override_single_fields(cli, cluster, document):
    name = _name("renamed")
    path = document(DOCUMENT)
    cli(f"{FLUX} create {cluster.args} --file {path} -n {name} --namespace override-ns --tag v2.0.0 "
        "-k name=apps prune=false -k name=extra path=./extra -o none")  # fmt: skip
    properties = _properties(cluster, name)
    assert properties["namespace"] == "override-ns"
    reference = {key: value for key, value in properties["gitRepository"]["repositoryRef"].items() if value}
    assert reference == {"tag": "v2.0.0"}  # a revision option replaces the document's revision
    assert properties["gitRepository"]["syncIntervalInSeconds"] == 300  # the rest of the document stays
    apps = properties["kustomizations"]["apps"]
    assert (apps["prune"], apps["path"], apps["dependsOn"], apps["timeoutInSeconds"]) == (False, "./apps", ["infra"],
                                                                                          900)  # fmt: skip
    assert properties["kustomizations"]["infra"]["prune"] is True
    assert properties["kustomizations"]["extra"]["path"] == "./extra"
    assert cluster.get("fluxConfigurations", "team-config")[0] == 404  # -n won over the document's name


def test_show_output_as_a_document_gives_an_equal_configuration(cli, cluster, document, tmp_path):
    name = _name()
    cli(f"{FLUX} create {cluster.args} -n {name} --namespace apps-ns -u {REPO} --branch main --interval 2m "
        "-k name=infra path=./infrastructure prune=true timeout=5m -k name=apps path=./apps depends_on=infra "
        "post_build_substitute=REGION=eastus,TIER=web post_build_substitute_from=ConfigMap:vars,Secret:s:optional "
        "--suspend -o none")  # fmt: skip
    shown = cli(f"{FLUX} show {cluster.args} -n {name} -o json")
    (tmp_path / "shown.json").write_text(shown.stdout)
    copy = cli(f"{FLUX} create {cluster.args} --file {tmp_path / 'shown.json'} -n {name}-copy")
    assert "ignored the read-only keys" in copy.stderr
    assert _writable(copy.json) == _writable(shown.json)
    again = cli(f"{FLUX} create {cluster.args} --file {tmp_path / 'shown.json'} -n {name} --what-if")
    assert again.json["write"] == "none" and again.json["changes"] == []


def test_update_with_a_document_removes_the_kustomizations_it_leaves_out(cli, cluster, document):
    name = _name()
    cli(f"{FLUX} create {cluster.args} -n {name} --namespace public-config -u {REPO} --branch main "
        "-k name=infra path=./infrastructure prune=true -k name=apps path=./apps depends_on=infra "
        "-k name=old path=./old -o none")  # fmt: skip
    path = document(PUBLIC.replace("public-config", name, 1))
    refused = cli(f"{FLUX} update {cluster.args} --file {path}", expect=1)
    assert "Remove kustomization old" in refused.stderr or "--yes" in refused.stderr
    assert set(_properties(cluster, name)["kustomizations"]) == {"infra", "apps", "old"}
    cli(f"{FLUX} update {cluster.args} --file {path} --yes -o none")
    assert set(_properties(cluster, name)["kustomizations"]) == {"infra", "apps"}


def test_update_refuses_to_change_the_namespace(cli, cluster, document, watch):
    name = _name()
    path = document(PUBLIC.replace("public-config", name, 1))
    cli(f"{FLUX} create {cluster.args} --file {path} -o none")
    moved = document(PUBLIC.replace("public-config", name, 1).replace("namespace: public-config", "namespace: b"),
                     name="moved.yaml")  # fmt: skip
    requests = watch()
    result = cli(f"{FLUX} update {cluster.args} --file {moved}", expect=1)
    assert "namespace of the configuration cannot be changed by an update" in result.stderr
    assert "flux create --file" in result.stderr
    assert requests() == [("GET", f"fluxconfigurations/{name}")]


def test_what_if_prints_the_changes_and_writes_nothing(cli, cluster, document, watch):
    name = _name()
    path = document(DOCUMENT.replace("team-config", name, 1))
    requests = watch()
    new = cli(f"{FLUX} create {cluster.args} --file {path} --what-if")
    assert requests() == [("GET", f"fluxconfigurations/{name}")]
    assert new.json["write"] == "PUT" and cluster.get("fluxConfigurations", name)[0] == 404
    added = {row["path"]: row for row in new.json["changes"]}
    assert added["gitRepository.url"] == {"path": "gitRepository.url", "change": "added", "before": None,
                                          "after": REPO}  # fmt: skip
    assert added["configurationProtectedSettings.httpsKey"] == {"path": "configurationProtectedSettings.httpsKey",
                                                                "change": "set (value not compared)"}  # fmt: skip
    cli(f"{FLUX} create {cluster.args} --file {path} -o none")
    edited = document(DOCUMENT.replace("team-config", name, 1).replace("prune: true, timeout", "prune: false, "
                                                                       "timeout"), name="edited.yaml")  # fmt: skip
    for verb in ("create", "update"):
        requests = watch()
        plan = cli(f"{FLUX} {verb} {cluster.args} --file {edited} --branch dev --what-if")
        assert requests() == [("GET", f"fluxconfigurations/{name}")]
        assert plan.json["write"] == ("PUT" if verb == "create" else "PATCH")
        assert sorted((row["path"], row["change"], row.get("before"), row.get("after"))
                      for row in plan.json["changes"]) == [
            ("configurationProtectedSettings.httpsKey", "set (value not compared)", None, None),
            ("gitRepository.repositoryRef.branch", "changed", "main", "dev"),
            ("kustomizations.apps.prune", "changed", True, False),
        ]  # fmt: skip
    assert _properties(cluster, name)["gitRepository"]["repositoryRef"]["branch"] == "main"


def test_what_if_without_a_document_on_update(cli, cluster, watch):
    name = _name()
    cli(f"{FLUX} create {cluster.args} -n {name} -u {REPO} --branch main -k name=apps path=./apps -o none")
    requests = watch()
    table = cli(f"{FLUX} update {cluster.args} -n {name} --suspend -k name=apps prune=true --what-if -o table")
    assert requests() == [("GET", f"fluxconfigurations/{name}")]
    rows = [line.split() for line in table.stdout.splitlines()]
    assert rows[0] == ["Path", "Change", "Before", "After"]
    assert sorted(rows[2:]) == [["kustomizations.apps.prune", "changed", "False", "True"],
                                ["suspend", "changed", "False", "True"]]  # fmt: skip
    query = cli(f"{FLUX} update {cluster.args} -n {name} --suspend --what-if --query changes[].path -o json")
    assert json.loads(query.stdout) == ["suspend"]
    assert _properties(cluster, name)["suspend"] is False


# Documents of the other source kinds: (document, whether it references a secret)
KIND_DOCUMENTS = {
    "bucket": ("sourceKind: Bucket\nbucket:\n  url: https://s3.example.com\n  bucketName: manifests\n"
               "  accessKey: AKIAEXAMPLE\nconfigurationProtectedSettings:\n  bucketSecretKey: {file: ./token.txt}\n",
               True),
    "azure-blob": ("sourceKind: AzureBlob\nazureBlob:\n  url: https://acct.blob.core.windows.net\n"
                   "  containerName: flux\n  managedIdentity: {clientId: 00000000-0000-0000-0000-000000000000}\n",
                   False),
    "oci": ("sourceKind: OCIRepository\nociRepository:\n  url: oci://ghcr.io/org/manifests\n"
            "  repositoryRef: {tag: v1}\n  useWorkloadIdentity: true\n  layerSelector: {mediaType: "
            "application/vnd.cncf.flux.content.v1.tar+gzip}\n", False),
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(KIND_DOCUMENTS))
def test_every_source_kind_applies_once(cli, cluster, document, watch, kind):
    name = _name(kind)
    text, secret = KIND_DOCUMENTS[kind]
    path = document(f"name: {name}\nkustomizations:\n  apps: {{path: ./apps}}\n" + text)
    cli(f"{FLUX} create {cluster.args} --file {path} -o none")
    requests = watch()
    plan = cli(f"{FLUX} create {cluster.args} --file {path} --what-if")
    assert [row for row in plan.json["changes"] if "before" in row] == []
    cli(f"{FLUX} create {cluster.args} --file {path} -o none")
    writes = [("PATCH", f"fluxconfigurations/{name}"), ("GET", f"fluxconfigurations/{name}")] if secret else []
    assert requests() == [("GET", f"fluxconfigurations/{name}")] * 2 + writes
