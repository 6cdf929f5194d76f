"""Every rejected input: the azure-cli error type, a message fragment, and no request sent."""

import pytest
from azure.cli.core.azclierror import (
    FileOperationError,
    InvalidArgumentValueError,
    MutuallyExclusiveArgumentError,
    RequiredArgumentMissingError,
)

from azext_k8s_flux import _client_factory
from azext_k8s_flux.operations.flux import flux_create
from azext_k8s_flux.validators.flux_configuration.kustomizations import parse_kustomization
from tests.flux import material as m
from tests.flux.cases import arguments
from tests.flux.fakes import NoRequests

HTTPS = "https://github.com/org/repo"
SSH = "git@github.com:org/repo.git"
BLOB = dict(kind="azblob", url="https://acct.blob.core.windows.net", container_name="flux")
SP = dict(sp_client_id="id", sp_tenant_id="tenant")

E_VALUE, E_EXCL, E_MISSING = InvalidArgumentValueError, MutuallyExclusiveArgumentError, RequiredArgumentMissingError
CREATE_CASES = [
    # configuration
    (dict(name="Bad_Name", url=HTTPS, branch="main"), E_VALUE, "Invalid configuration name"),
    (dict(url=HTTPS, branch="main", namespace="Team A"), E_VALUE, "Invalid namespace"),
    (dict(url=HTTPS, branch="main", kind="svn"), E_VALUE, "use git, bucket, azblob or oci"),
    # git
    (dict(branch="main"), E_MISSING, "--url is required"),
    (dict(url="ftp://example.com/repo", branch="main"), E_VALUE, "http://, https://, ssh:// or git@"),
    (dict(url="https://", branch="main"), E_VALUE, "Invalid --url 'https://'"),
    (dict(BLOB, url="https://acct.blob.core.windows.net/?sv=2024-01-01&sig=" + m.SAS_TOKEN, mi_client_id="m"),
     E_VALUE, "--url 'https://acct.blob.core.windows.net/?***' has a query string"),
    (dict(url="https://github.com/org/repo?access_token=" + m.HTTPS_KEY, branch="main"), E_VALUE,
     "often holds a SAS token or another credential"),
    (dict(kind="bucket", url="https://s3.amazonaws.com?X-Amz-Signature=" + m.BUCKET_SECRET, bucket_name="b",
          local_auth_ref="r"), E_VALUE, "has a query string"),
    (dict(url="ssh://", branch="main"), E_VALUE, "Invalid --url 'ssh://'"),
    (dict(url="https://github.com/org/repo two", branch="main"), E_VALUE, "Invalid --url"),
    (dict(kind="bucket", url="https://:9000", bucket_name="b", local_auth_ref="r"), E_VALUE, "Invalid --url"),
    (dict(kind="oci", url="oci:///org/x"), E_VALUE, "use an oci:// URL"),
    (dict(url=HTTPS), E_MISSING, "Give one of --branch, --tag, --semver, --commit"),
    (dict(url="https://git:" + m.HTTPS_KEY + "@github.com/org/repo", branch="main"), E_VALUE,
     "carries a password or token"),
    (dict(url=HTTPS, branch="main", tag="v1"), E_EXCL, "Give only one of"),
    (dict(url=HTTPS, tag="v1", commit=m.COMMIT), E_EXCL, "(--commit may be combined with --branch)"),
    (dict(url=HTTPS, commit="3c1b9ab"), E_VALUE, "give the full commit SHA"),
    (dict(url=HTTPS, branch="main", commit="main"), E_VALUE, "Invalid --commit 'main'"),
    (dict(kind="oci", url="oci://ghcr.io/org/x", digest="abc"), E_VALUE, "Invalid --digest 'abc'"),
    (dict(kind="oci", url="oci://ghcr.io/org/x", digest="sha256:abc"), E_VALUE, "sha256:<64 lowercase"),
    (dict(url=HTTPS, branch="main", ssh_private_key=m.SSH_KEY), E_EXCL, "can only be used with ssh:// or git@ URLs"),
    (dict(url=HTTPS, branch="main", known_hosts=m.KNOWN_HOSTS), E_EXCL, "can only be used with ssh:// or git@ URLs"),
    (dict(url=SSH, branch="main", https_user="u", https_key="k"), E_EXCL, "can only be used with http(s) URLs"),
    (dict(url=SSH, branch="main", https_ca_cert=m.CERT), E_EXCL, "can only be used with http(s) URLs"),
    (dict(url=HTTPS, branch="main", https_user="u"), E_MISSING, "--https-user and --https-key"),
    (dict(url=HTTPS, branch="main", https_key="k"), E_MISSING, "--https-user and --https-key"),
    (dict(url=SSH, branch="main", ssh_private_key="not a key"), E_VALUE, "is not a private key"),
    (dict(url=SSH, branch="main", known_hosts="github.com notakeytype AAAA"), E_VALUE, "line 1 is not a known_hosts"),
    (dict(url=SSH, branch="main", known_hosts="github.com ssh-ed25519 AAAA"), E_VALUE, "line 1 is not a known_hosts"),
    (dict(url=SSH, branch="main", known_hosts=m.KNOWN_HOSTS.replace("ssh-ed25519", "ssh-rsa")), E_VALUE,
     "line 1 is not a known_hosts"),
    (dict(url=HTTPS, branch="main", https_user="u", https_key="k", https_ca_cert="nope"), E_VALUE,
     "is not a PEM certificate"),
    (dict(url=HTTPS, branch="main", https_user="u", https_key="k", local_auth_ref="s"), E_EXCL, "--local-auth-ref"),
    (dict(url=HTTPS, branch="main", provider="bitbucket"), E_VALUE, "use generic, azure or github"),
    (dict(url=SSH, branch="main", provider="azure"), E_EXCL, "--provider azure"),
    (dict(url=HTTPS, branch="main", timeout="10 minutes"), E_VALUE, "Go duration such as 1h2m3s"),
    (dict(url=HTTPS, branch="main", sync_interval="600"), E_VALUE, "Go duration such as 1h2m3s"),
    (dict(url=HTTPS, branch="main", sync_interval="500ms"), E_VALUE, "whole number of seconds"),
    (dict(url=HTTPS, branch="main", timeout="99999999999999999999h"), E_VALUE, "longer than Flux can hold"),
    (dict(url=HTTPS, branch="main", k=("name=a retry_interval=2562048h",)), E_VALUE, "longer than Flux can hold"),
    (dict(url=HTTPS, branch="main", bucket_name="b"), E_EXCL, "--bucket-name cannot be used with a GitRepository"),
    (dict(url=HTTPS, branch="main", container_name="c"), E_EXCL, "cannot be used with a GitRepository"),
    # bucket
    (dict(kind="bucket", url="https://s3", local_auth_ref="s"), E_MISSING, "--bucket-name is required"),
    (dict(kind="bucket", url="s3://bucket", bucket_name="b", local_auth_ref="s"), E_VALUE, "http:// or https://"),
    (dict(kind="bucket", url="https://s3", bucket_name="b"), E_MISSING, "needs credentials"),
    (dict(kind="bucket", url="https://s3", bucket_name="b", bucket_access_key="a"), E_MISSING, "together"),
    (dict(kind="bucket", url="https://s3", bucket_name="b", bucket_access_key="a", bucket_secret_key="s",
          local_auth_ref="r"), E_EXCL, "not both"),
    (dict(url=HTTPS, branch="main", provider="github"), E_MISSING, "give that secret's name with --local-auth-ref"),
    (dict(kind="bucket", url="https://s3", bucket_name="b", local_auth_ref="r", branch="main"), E_EXCL,
     "--branch cannot be used with a Bucket"),
    # azure blob
    (dict(kind="azblob", url="https://acct.blob.core.windows.net", account_key="k"), E_MISSING,
     "--container-name is required"),
    (dict(BLOB), E_MISSING, "needs one way to authenticate"),
    (dict(BLOB, account_key="k", sas_token="s"), E_EXCL, "not --account-key and --sas-token"),
    (dict(BLOB, account_key="k", mi_client_id="m"), E_EXCL, "Give one way to authenticate"),
    (dict(BLOB, sp_client_id="id", sp_client_secret="s"), E_MISSING, "--sp-tenant-id"),
    (dict(BLOB, **SP), E_MISSING, "exactly one of --sp-client-secret or --sp-client-cert"),
    (dict(BLOB, **SP, sp_client_secret="s", sp_client_cert=m.SP_CERT), E_MISSING, "exactly one of"),
    (dict(BLOB, **SP, sp_client_secret="s", sp_client_cert_password="p"), E_EXCL,
     "can only be used with --sp-client-cert"),
    (dict(BLOB, **SP, sp_client_cert="garbage"), E_VALUE, "--sp-client-cert is not PEM"),
    (dict(BLOB, mi_client_id="flux-identity"), E_VALUE, "Invalid --mi-client-id 'flux-identity': give the client ID"),
    (dict(BLOB, mi_client_id="/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/"
          "userAssignedIdentities/id"), E_VALUE, "not its name or resource ID"),
    (dict(BLOB, **SP, sp_client_secret="s"), E_VALUE, "Invalid --sp-client-id 'id'"),
    (dict(BLOB, sp_client_id=m.GUID, sp_tenant_id="my tenant", sp_client_secret="s"), E_VALUE,
     "Invalid --sp-tenant-id 'my tenant'"),
    (dict(BLOB, **SP, sp_client_cert=m.CERT), E_VALUE, "--sp-client-cert lacks its private key"),
    (dict(BLOB, **SP, sp_client_cert=m.TLS_KEY), E_VALUE, "--sp-client-cert lacks a certificate"),
    (dict(kind="azblob", url="wasb://x", container_name="c", account_key="k"), E_VALUE, "http:// or https://"),
    # oci
    (dict(kind="oci", url="https://ghcr.io/org/x"), E_VALUE, "use an oci:// URL"),
    (dict(kind="oci", url="oci://ghcr.io/org/x", tag="v1", digest=m.DIGEST), E_EXCL, "Give only one of"),
    (dict(kind="oci", url="oci://ghcr.io/org/x", branch="main"), E_EXCL, "--branch cannot be used with an OCIRep"),
    (dict(kind="azblob", container_name="c", account_key="k"), E_MISSING, "--url is required for an AzureBlob"),
    (dict(kind="oci", url="oci://ghcr.io/org/x", layer_selector_operation="move"), E_VALUE, "use extract or copy"),
    (dict(kind="oci", url="oci://ghcr.io/org/x", tls_client_certificate=m.CERT), E_VALUE, "together"),
    (dict(kind="oci", url="oci://ghcr.io/org/x", tls_ca_certificate="x"), E_VALUE, "is not a PEM certificate"),
    (dict(kind="oci", url="oci://ghcr.io/org/x", use_workload_identity=True, local_auth_ref="r"), E_EXCL, "not both"),
    (dict(kind="oci", url="oci://ghcr.io/org/x", verification_provider="gpg"), E_VALUE, "use cosign or notation"),
    (dict(kind="oci", url="oci://ghcr.io/org/x", match_oidc_identity=["issuer=x,subject=y"]), E_VALUE,
     "need --verification-provider"),
    (dict(kind="oci", url="oci://ghcr.io/org/x", verification_provider="cosign", match_oidc_identity=["issuer=x"]),
     E_VALUE, "issuer=REGEX,subject=REGEX"),
    (dict(kind="oci", url="oci://ghcr.io/org/x", verification_provider="cosign", verification_config=["novalue"]),
     E_VALUE, "NAME=BASE64_PUBLIC_KEY"),
    # empty values (an unset variable in a pipeline): stored as they are, they only fail later in the cluster
    (dict(url=HTTPS, branch=""), E_VALUE, "--branch is empty"),
    (dict(url=HTTPS, branch="main", https_user="", https_key="k"), E_VALUE, "--https-user is empty"),
    (dict(url=HTTPS, branch="main", https_user="u", https_key=""), E_VALUE, "--https-key is empty"),
    (dict(kind="bucket", url="https://s3", bucket_name="", local_auth_ref="r"), E_VALUE, "--bucket-name is empty"),
    (dict(kind="bucket", url="https://s3", bucket_name="b", bucket_access_key="", bucket_secret_key=" "), E_VALUE,
     "--bucket-access-key, --bucket-secret-key are empty"),
    (dict(BLOB, sas_token=""), E_VALUE, "--sas-token is empty"),
    (dict(BLOB, account_key=""), E_VALUE, "--account-key is empty"),
    (dict(BLOB, mi_client_id=""), E_VALUE, "--mi-client-id is empty"),
    (dict(BLOB, local_auth_ref=""), E_VALUE, "--local-auth-ref is empty"),
    (dict(BLOB, local_auth_ref="Blob Credentials"), E_VALUE, "Invalid --local-auth-ref (a Kubernetes secret name)"),
    (dict(kind="oci", url="oci://ghcr.io/org/x", use_workload_identity=True, service_account_name="Flux_SA"),
     E_VALUE, "Invalid --service-account-name 'Flux_SA'"),
    (dict(kind="oci", url="oci://ghcr.io/org/x", tag=""), E_VALUE, "--tag is empty"),
    # kustomizations
    (dict(url=HTTPS, branch="main", k=("name=Infra",)), E_VALUE, "Invalid kustomization name 'Infra'"),
    (dict(url=HTTPS, branch="main", k=("name=a", "name=a")), E_VALUE, "given twice"),
    (dict(name="c" * 40, url=HTTPS, branch="main", k=("name=" + "k" * 23,)), E_VALUE, "must fit in 63"),
    (dict(name="c" * 50, url=HTTPS, branch="main"), E_VALUE, "Without -k, a kustomization named 'kustomization-1'"),
    (dict(url=HTTPS, branch="main", k=("name=apps depends_on=infra",)), E_VALUE, "depends on 'infra', which does not"),
    (dict(url=HTTPS, branch="main", k=("name=apps depends_on=infra", "name=infra depends_on=apps")), E_VALUE,
     "cycle: apps -> infra -> apps"),
    (dict(url=HTTPS, branch="main", k=("name=a depends_on=a",)), E_VALUE, "cycle: a -> a"),
]  # fmt: skip


@pytest.fixture
def no_requests(monkeypatch):
    monkeypatch.setattr(_client_factory, "cf_extensions", lambda *_: NoRequests())
    monkeypatch.setattr(_client_factory, "cf_source_control_configurations", lambda *_: NoRequests())
    return NoRequests()


@pytest.mark.parametrize("options,error,fragment", CREATE_CASES, ids=[c[2][:40] for c in CREATE_CASES])
def test_create_rejects(options, error, fragment, cmd, no_requests):
    with pytest.raises(error) as raised:
        flux_create(cmd, no_requests, **arguments(**options))
    assert fragment in str(raised.value)
    for secret in m.ALL_SECRETS:
        assert secret not in str(raised.value)


KUSTOMIZATION_TOKENS = [
    (["path=./x"], RequiredArgumentMissingError, "needs name=NAME"),
    (["name=a", "pruned=true"], InvalidArgumentValueError, "Unknown kustomization key 'pruned'. Allowed keys: name,"),
    (["name=a", "prune=maybe"], InvalidArgumentValueError, "Invalid prune 'maybe': use true or false"),
    (["name=a", "timeout=5"], InvalidArgumentValueError, "Go duration such as 1h2m3s"),
    (["name=a", "sync_interval=1d"], InvalidArgumentValueError, "Invalid sync_interval '1d'"),
    (["name=a", "path"], InvalidArgumentValueError, "use key=value"),
    (["name=a", "name=b"], InvalidArgumentValueError, "gives 'name' twice"),
    (["name=a", "wait=true", "disable_health_check=true"], InvalidArgumentValueError, "contradict"),
    (["name=a", "post_build_substitute=novalue"], InvalidArgumentValueError, "VAR1=value1"),
    (["name=a", "post_build_substitute_from=Pod:x"], InvalidArgumentValueError, "ConfigMap:NAME or Secret:NAME"),
    (["name=a", "depends_on=[a"], InvalidArgumentValueError, "use a,b"),
]


@pytest.mark.parametrize("tokens,error,fragment", KUSTOMIZATION_TOKENS, ids=[c[2][:30] for c in KUSTOMIZATION_TOKENS])
def test_kustomization_tokens_rejected(tokens, error, fragment):
    with pytest.raises(error) as raised:
        parse_kustomization(tokens)
    assert fragment in str(raised.value)


def test_missing_secret_file(cmd, no_requests, tmp_path):
    with pytest.raises(FileOperationError, match="Cannot read --ssh-private-key-file"):
        flux_create(cmd, no_requests, **arguments(url=SSH, branch="main", ssh_private_key_file=str(tmp_path / "nope")))


def test_secret_value_and_file_together(cmd, no_requests, tmp_path):
    path = tmp_path / "key"
    path.write_text("k")
    with pytest.raises(MutuallyExclusiveArgumentError, match="--https-key or --https-key-file, not both"):
        flux_create(cmd, no_requests, **arguments(url=HTTPS, branch="main", https_user="u", https_key="k",
                                                   https_key_file=str(path)))  # fmt: skip


def _generated_keys():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

    ed = ed25519.Ed25519PrivateKey.generate()
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    protected = serialization.BestAvailableEncryption(b"passphrase")
    return {
        "openssh-passphrase": ed.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
                                               protected).decode(),  # fmt: skip
        "pkcs8-passphrase": rsa_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                  protected).decode(),  # fmt: skip
        "traditional-passphrase": rsa_key.private_bytes(serialization.Encoding.PEM,
                                                        serialization.PrivateFormat.TraditionalOpenSSL,
                                                        protected).decode(),  # fmt: skip
        "openssh-plain": ed.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
                                          serialization.NoEncryption()).decode(),  # fmt: skip
        "public": ed.public_key().public_bytes(serialization.Encoding.OpenSSH,
                                               serialization.PublicFormat.OpenSSH).decode() + " me@laptop\n",
    }  # fmt: skip


@pytest.mark.parametrize(("key", "fragment"), [
    ("openssh-passphrase", "is protected by a passphrase"),
    ("pkcs8-passphrase", "is protected by a passphrase"),
    ("traditional-passphrase", "is protected by a passphrase"),
    ("public", "is a public key (the .pub file)"),
])  # fmt: skip
def test_ssh_keys_flux_could_not_use_are_refused(key, fragment, cmd, no_requests, tmp_path):
    # Flux in the cluster is given no passphrase through the API, so a protected key only failed there, later.
    path = tmp_path / "id"
    path.write_text(_generated_keys()[key])
    with pytest.raises(InvalidArgumentValueError) as raised:
        flux_create(cmd, no_requests, **arguments(url=SSH, branch="main", ssh_private_key_file=str(path)))
    assert fragment in str(raised.value)


def test_unprotected_openssh_key_is_accepted(cmd, clients, tmp_path):
    import base64

    from tests.flux.fakes import FakeFluxClient, wire

    path = tmp_path / "id"
    key = _generated_keys()["openssh-plain"]
    path.write_text(key)
    client = FakeFluxClient()
    flux_create(cmd, client, **arguments(url=SSH, branch="main", ssh_private_key_file=str(path)))
    protected = wire(client.writes()[0][1][-1])["properties"]["configurationProtectedSettings"]
    assert base64.b64decode(protected["sshPrivateKey"]).decode() == key
