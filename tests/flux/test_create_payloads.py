"""flux create: the PUT body for every source kind and authentication mode, compared with goldens."""

import pytest

from azext_k8s_flux.operations.flux import flux_create
from tests.flux import material as m
from tests.flux.cases import arguments, write_files
from tests.flux.fakes import FakeFluxClient, wire

GIT_HTTPS = "https://github.com/Azure/gitops-flux2-kustomize-helm-mt"
GIT_SSH = "git@github.com:Azure/gitops-flux2-kustomize-helm-mt.git"
SEED_K = ("name=infra path=./infrastructure prune=true",
          "name=apps path=./apps/staging prune=true depends_on=infra")  # fmt: skip

CASES = {
    "git-https-public": dict(url=GIT_HTTPS, branch="main", k=SEED_K, scope="cluster", namespace="cluster-config"),
    "git-https-basic-auth": dict(url=GIT_HTTPS, tag="v1.2.0", https_user="git", files=dict(https_key=m.HTTPS_KEY),
                                 https_ca_cert=m.CERT),
    "git-ssh-key": dict(url=GIT_SSH, semver=">=1.0.0 <2.0.0",
                        files=dict(ssh_private_key=m.SSH_KEY, known_hosts=m.KNOWN_HOSTS)),
    "git-ssh-generated-key": dict(url="ssh://git@github.com/org/repo.git", commit=m.COMMIT),
    "git-commit-on-branch": dict(url=GIT_HTTPS, branch="release", commit=m.COMMIT),
    "git-local-auth-ref": dict(url=GIT_HTTPS, branch="main", local_auth_ref="git-credentials", timeout="2m",
                               sync_interval="1h2m3s"),
    "git-provider-azure": dict(url="https://dev.azure.com/org/project/_git/repo", branch="main", provider="azure"),
    "git-provider-github": dict(url=GIT_HTTPS, branch="main", provider="github", local_auth_ref="github-app"),
    "bucket-keys": dict(kind="bucket", url="https://s3.amazonaws.com", bucket_name="manifests",
                        bucket_access_key="AKIAEXAMPLE", files=dict(bucket_secret_key=m.BUCKET_SECRET)),
    "bucket-http-url-is-insecure": dict(kind="bucket", url="http://minio.local:9000", bucket_name="manifests",
                                        local_auth_ref="minio-credentials"),
    "bucket-local-ref-insecure": dict(kind="bucket", url="http://minio.local:9000", bucket_name="manifests",
                                      local_auth_ref="minio-credentials", bucket_insecure=True),
    "azblob-account-key": dict(kind="azblob", url="https://acct.blob.core.windows.net", container_name="flux",
                               files=dict(account_key=m.ACCOUNT_KEY)),
    "azblob-sas-token": dict(kind="azblob", url="https://acct.blob.core.windows.net", container_name="flux",
                             files=dict(sas_token="?" + m.SAS_TOKEN)),
    "azblob-sp-secret": dict(kind="azblob", url="https://acct.blob.core.windows.net", container_name="flux",
                             sp_client_id="11111111-1111-1111-1111-111111111111",
                             sp_tenant_id="22222222-2222-2222-2222-222222222222",
                             files=dict(sp_client_secret=m.SP_SECRET)),
    "azblob-sp-cert": dict(kind="azblob", url="https://acct.blob.core.windows.net", container_name="flux",
                           sp_client_id="11111111-1111-1111-1111-111111111111",
                           sp_tenant_id="22222222-2222-2222-2222-222222222222", sp_client_cert_send_chain=True,
                           files=dict(sp_client_cert=m.SP_CERT, sp_client_cert_password=m.SP_CERT_PASSWORD)),
    "azblob-managed-identity": dict(kind="azblob", url="https://acct.blob.core.windows.net", container_name="flux",
                                    mi_client_id="33333333-3333-3333-3333-333333333333"),
    "azblob-local-ref": dict(kind="azblob", url="https://acct.blob.core.windows.net", container_name="flux",
                             local_auth_ref="blob-credentials"),
    "oci-tag-workload-identity": dict(kind="oci", url="oci://ghcr.io/org/manifests", tag="v1",
                                      use_workload_identity=True, service_account_name="flux-oci",
                                      layer_selector_media_type="application/vnd.cncf.flux.content.v1.tar+gzip",
                                      layer_selector_operation="extract"),
    "oci-mutual-tls-digest": dict(kind="oci", url="oci://registry.example.com/manifests", digest=m.DIGEST,
                                  files=dict(tls_client_certificate=m.CERT, tls_private_key=m.TLS_KEY,
                                             tls_ca_certificate=m.CERT)),
    "oci-cosign-keyless": dict(kind="oci", url="oci://ghcr.io/org/manifests", semver="1.x",
                               verification_provider="cosign", local_auth_ref="registry-credentials",
                               match_oidc_identity=["issuer=^https://token.actions.githubusercontent.com$,"
                                                    "subject=^https://github.com/org/.*$"]),
    "kustomizations-all-fields": dict(url=GIT_HTTPS, branch="main", suspend=True, k=(
        "name=infra path=./infrastructure prune=false force=true wait=false timeout=10m sync-interval=1h2m3s "
        "retryInterval=1m post_build_substitute=CLUSTER=prod,REGION=eastus "
        "post_build_substitute_from=ConfigMap:vars,Secret:tokens:optional",
        'name=apps path=./apps dependsOn=["infra"] disable_health_check=true',
    )),
    "default-kustomization": dict(url=GIT_HTTPS, branch="main", scope="namespace", namespace="team-a"),
}  # fmt: skip


def run_create(tmp_path, cmd, case, cluster_type="connectedClusters"):
    options = dict(case)
    files = write_files(tmp_path, **options.pop("files", {}))
    client = FakeFluxClient()
    flux_create(cmd, client, **arguments(**options, **files, cluster_type=cluster_type))
    (verb, args, kwargs), = client.writes()
    assert verb == "PUT"
    return {"target": list(args[:-1]), "body": wire(args[-1]), "logging_enable": kwargs.get("logging_enable", True)}


@pytest.mark.parametrize("case", sorted(CASES))
def test_create_payload(case, tmp_path, cmd, clients, golden):
    request = run_create(tmp_path, cmd, CASES[case])
    golden(f"flux/create-{case}", request)
    carries_secret = "configurationProtectedSettings" in request["body"]["properties"] or any(
        secret in str(request["body"]) for secret in m.ALL_SECRETS
    ) or "tlsConfig" in str(request["body"]) or "servicePrincipal" in str(request["body"])
    assert request["logging_enable"] is (not carries_secret)


@pytest.mark.parametrize("cluster_type", ["managedClusters", "connectedClusters", "provisionedClusters", "appliances"])
def test_create_payload_per_cluster_type(cluster_type, tmp_path, cmd, clients, golden):
    request = run_create(tmp_path, cmd, CASES["git-ssh-key"], cluster_type=cluster_type)
    golden(f"flux/create-git-ssh-key-{cluster_type}", request)


def test_booleans_are_real_booleans(tmp_path, cmd, clients):
    body = run_create(tmp_path, cmd, dict(url=GIT_HTTPS, branch="main", k=("name=a path=./ prune=false",)))["body"]
    assert body["properties"]["kustomizations"]["a"]["prune"] is False


def test_default_kustomization_is_announced(tmp_path, cmd, clients, caplog):
    run_create(tmp_path, cmd, CASES["default-kustomization"])
    assert "created kustomization 'kustomization-1' with path './'" in caplog.text


def test_secrets_are_encoded_and_only_in_protected_settings(tmp_path, cmd, clients):
    import base64

    body = run_create(tmp_path, cmd, CASES["git-ssh-key"])["body"]["properties"]
    assert base64.b64decode(body["configurationProtectedSettings"]["sshPrivateKey"]).decode() == m.SSH_KEY
    assert "PRIVATE KEY" not in str(body["gitRepository"])
