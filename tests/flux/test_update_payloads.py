"""flux update: PATCH bodies hold only what changed; stored secrets are kept; switching kind is confirmed."""

import pytest
from azure.cli.core.azclierror import NoTTYError, ResourceNotFoundError

from azext_k8s_flux.operations.flux import flux_update
from tests.flux import material as m
from tests.flux.cases import arguments, write_files
from tests.flux.existing import HTTPS, git_configuration
from tests.flux.fakes import FakeFluxClient, wire

CASES = {
    "tag": dict(tag="v2.0.0"),
    "https-key-only": dict(files=dict(https_key=m.HTTPS_KEY)),
    "url-and-interval": dict(url="https://github.com/org/other", sync_interval="5m"),
    "kustomization-set": dict(k=("name=infra path=./infrastructure prune=true",
                                 "name=web path=./web depends_on=infra prune=false"), replace_kustomizations=True,
                              yes=True),
    "kustomization-field-change": dict(k=("name=infra path=./infrastructure prune=false",
                                          "name=apps path=./apps/staging prune=true depends_on=infra")),
    "switch-to-bucket": dict(kind="bucket", url="https://s3.amazonaws.com", bucket_name="manifests",
                             bucket_access_key="AKIAEXAMPLE", files=dict(bucket_secret_key=m.BUCKET_SECRET), yes=True),
    "switch-to-oci": dict(kind="oci", url="oci://ghcr.io/org/manifests", tag="latest", yes=True),
    "suspend": dict(suspend=True),
    "https-to-ssh": dict(url="git@github.com:org/repo.git", files=dict(ssh_private_key=m.SSH_KEY)),
}  # fmt: skip


BLOB = {"url": "https://acct.blob.core.windows.net", "containerName": "flux", "timeoutInSeconds": 600,
        "syncIntervalInSeconds": 600, "localAuthRef": None, "managedIdentity": None}  # account key: never returned
BUCKET = {"url": "https://s3.amazonaws.com", "bucketName": "manifests", "accessKey": "AKIAEXAMPLE",
          "insecure": False, "timeoutInSeconds": 600, "syncIntervalInSeconds": 600, "localAuthRef": None}
OCI = {"url": "oci://ghcr.io/org/manifests", "repositoryRef": {"tag": "v1", "semver": None, "digest": None},
       "useWorkloadIdentity": True, "insecure": False, "timeoutInSeconds": 600, "syncIntervalInSeconds": 600}
OTHER_KINDS = {
    "azblob-account-key-to-sas": ("AzureBlob", "azureBlob", BLOB, dict(files=dict(sas_token=m.SAS_TOKEN))),
    "azblob-to-managed-identity": ("AzureBlob", "azureBlob", BLOB, dict(mi_client_id=m.GUID)),
    "bucket-keys-to-local-ref": ("Bucket", "bucket", BUCKET, dict(local_auth_ref="minio-credentials")),
    "bucket-url-to-plain-http": ("Bucket", "bucket", BUCKET, dict(url="http://minio.local:9000")),
    "bucket-rotate-secret": ("Bucket", "bucket", BUCKET, dict(files=dict(bucket_secret_key=m.BUCKET_SECRET))),
    "oci-tag-to-digest": ("OCIRepository", "ociRepository", OCI, dict(digest=m.DIGEST)),
    "oci-add-tls": ("OCIRepository", "ociRepository", OCI,
                    dict(files=dict(tls_client_certificate=m.CERT, tls_private_key=m.TLS_KEY))),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(OTHER_KINDS))
def test_update_payload_other_kinds(case, tmp_path, cmd, golden):
    kind, key, source, options = OTHER_KINDS[case]
    existing = git_configuration(sourceKind=kind, gitRepository=None, **{key: source})
    client = run_update(tmp_path, cmd, options, existing=existing)
    request = patch_request(client)
    assert set(request["body"]["properties"]) <= {key, "configurationProtectedSettings"}
    golden(f"flux/update-{case}", request)


def run_update(tmp_path, cmd, case, cluster_type="connectedClusters", existing=None):
    options = dict(case)
    files = write_files(tmp_path, **options.pop("files", {}))
    client = FakeFluxClient(existing or git_configuration())
    flux_update(cmd, client, **arguments(**options, **files, cluster_type=cluster_type))
    return client


def patch_request(client):
    (verb, args, kwargs), = client.writes()
    assert verb == "PATCH"
    return {"target": list(args[:-1]), "body": wire(args[-1]), "logging_enable": kwargs.get("logging_enable", True)}


@pytest.mark.parametrize("case", sorted(CASES))
def test_update_payload(case, tmp_path, cmd, golden):
    client = run_update(tmp_path, cmd, CASES[case])
    assert [call[0] for call in client.calls] == ["GET", "PATCH"]
    golden(f"flux/update-{case}", patch_request(client))


@pytest.mark.parametrize("cluster_type", ["managedClusters", "connectedClusters", "provisionedClusters", "appliances"])
def test_update_payload_per_cluster_type(cluster_type, tmp_path, cmd, golden):
    golden(f"flux/update-tag-{cluster_type}", patch_request(run_update(tmp_path, cmd, CASES["tag"], cluster_type)))


def test_update_keeps_secrets_it_was_not_given(tmp_path, cmd):
    body = patch_request(run_update(tmp_path, cmd, dict(tag="v3")))["body"]
    assert "configurationProtectedSettings" not in body["properties"]
    assert set(body["properties"]) == {"gitRepository"}


def test_update_with_unchanged_values_sends_nothing(tmp_path, cmd, caplog):
    client = run_update(tmp_path, cmd, dict(url=HTTPS, branch="main",
                                            k=("name=infra path=./infrastructure prune=true",
                                               "name=apps path=./apps/staging prune=true depends_on=infra")))
    assert client.writes() == []
    assert "nothing to change" in caplog.text


def test_switching_kind_without_terminal_fails_fast(tmp_path, cmd):
    client = FakeFluxClient(git_configuration())
    with pytest.raises(NoTTYError) as raised:
        flux_update(cmd, client, **arguments(kind="oci", url="oci://ghcr.io/org/x"))
    assert "--yes" in raised.value.recommendations[0] and "from GitRepository to OCIRepository" in str(raised.value)
    assert client.writes() == []


def test_switching_kind_checks_the_new_source_fully(tmp_path, cmd):
    client = FakeFluxClient(git_configuration())
    with pytest.raises(Exception, match="--bucket-name is required"):
        flux_update(cmd, client, **arguments(kind="bucket", url="https://s3", yes=True))
    assert client.writes() == []


def test_update_checks_options_against_the_current_url(cmd):
    client = FakeFluxClient(git_configuration())
    with pytest.raises(Exception, match="can only be used with ssh:// or git@ URLs"):
        flux_update(cmd, client, **arguments(ssh_private_key=m.SSH_KEY))
    assert client.writes() == []


def test_update_of_missing_configuration(cmd):
    client = FakeFluxClient(None)
    with pytest.raises(ResourceNotFoundError, match="Flux configuration 'cfg' on connectedClusters 'cluster1'"):
        flux_update(cmd, client, **arguments(tag="v1"))
    assert client.writes() == []


def test_update_without_options_sends_nothing(cmd):
    from azure.cli.core.azclierror import RequiredArgumentMissingError

    from tests.flux.fakes import NoRequests

    with pytest.raises(RequiredArgumentMissingError, match="Nothing to update"):
        flux_update(cmd, NoRequests(), **arguments())


def test_removing_kustomizations_left_out_of_the_complete_set_is_confirmed(cmd):
    # --replace-kustomizations: leaving `apps` (prune=true) out deletes its workloads, so it is asked first, as
    # `kustomization delete` and `flux delete` ask.
    client = FakeFluxClient(git_configuration())
    complete = dict(k=("name=infra path=./infrastructure prune=true",), replace_kustomizations=True)
    with pytest.raises(NoTTYError) as raised:
        flux_update(cmd, client, **arguments(**complete))
    message = str(raised.value)
    assert "Remove kustomization apps of 'cfg' (left out of -k with --replace-kustomizations)?" in message
    assert "With prune (apps): the workloads it deployed will be removed from the cluster." in message
    assert "--yes" in raised.value.recommendations[0] and client.writes() == []
    flux_update(cmd, client, **arguments(**complete, yes=True))
    assert wire(client.writes()[0][1][-1])["properties"]["kustomizations"] == {"apps": None}


def test_adding_a_kustomization_with_the_full_set_asks_nothing(cmd):
    client = FakeFluxClient(git_configuration())
    flux_update(cmd, client, **arguments(k=("name=infra path=./infrastructure prune=true",
                                            "name=apps path=./apps/staging prune=true depends_on=infra",
                                            "name=web path=./web")))  # fmt: skip
    assert list(wire(client.writes()[0][1][-1])["properties"]["kustomizations"]) == ["web"]
