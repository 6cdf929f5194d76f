"""Command lines written for the official k8s-configuration extension, end to end against the emulator: official
spellings, dotted names, the JSON identities and opaque TLS values of its CI, and its help's insecure bucket."""

import json
import shlex

import pytest

from tests.flux import material as m

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")

REPO = "https://github.com/Azure/gitops-flux2-kustomize-helm-mt"


@pytest.fixture
def cluster(new_cluster):
    return new_cluster("connectedClusters")


def test_a_dotted_name_works_in_every_command(cli, cluster):
    cli(f"k8s-configuration flux create {cluster.args} -n team.apps -u {REPO} --branch main "
        "-k name=infra path=./infrastructure -o none")  # fmt: skip
    cli(f"k8s-configuration flux kustomization create {cluster.args} -n team.apps -k apps --path ./apps "
        "--dependencies infra -o none")  # fmt: skip
    shown = cli(f"k8s-configuration flux show {cluster.args} -n team.apps").json
    assert shown["name"] == "team.apps" and shown["kustomizations"]["apps"]["dependsOn"] == ["infra"]
    cli(f"k8s-configuration flux delete {cluster.args} -n team.apps --yes")
    assert cluster.get("fluxConfigurations", "team.apps")[0] == 404


def test_oci_verification_as_the_official_ci_gives_it(cli, cluster):
    first = json.dumps({"issuer": "^https://token.actions.githubusercontent.com$", "subject": "^https://github.com/o/r.*$"})
    cli(*shlex.split(f"k8s-configuration flux create {cluster.args} -n oci-verify --namespace oci-verify "
                     "--scope cluster --kind oci -u oci://ghcr.io/org/manifests/podinfo --tag latest "
                     "--verification-provider cosign"),
        "--match-oidc-identity", first, "--verification-config", "verifyKeys=Y2xpZW50Q2VydGlmaWNhdGU=",
        "--kustomization", "name=verificationtest", "path=./", "prune=true", "-o", "none")  # fmt: skip
    cli(*shlex.split(f"k8s-configuration flux update {cluster.args} -n oci-verify --kind oci "
                     "--verification-provider cosign"),
        "--match-oidc-identity", '{"issuer":"https://a.example","subject":"s1"}',
        '{"issuer":"https://b.example","subject":"s2"}', "--verification-config", "k1=YQ==", "k2=Yg==",
        "-o", "none")  # fmt: skip
    verify = cluster.get("fluxConfigurations", "oci-verify")[1]["properties"]["ociRepository"]["verify"]
    assert [item["issuer"] for item in verify["matchOidcIdentity"]] == ["https://a.example", "https://b.example"]


def test_the_official_insecure_bucket_example_warns_and_runs(cli, cluster, tmp_path):
    (secret_file := tmp_path / "bucket-secret").write_text(m.BUCKET_SECRET)
    cli(f"k8s-configuration flux create {cluster.args} -n bucket-config --kind bucket "
        f"-u https://bucket-provider.minio.io --bucket-name my-bucket --bucket-access-key my-access-key "
        f"--bucket-secret-key-file {secret_file} -k name=my-kustomization -o none")  # fmt: skip
    result = cli(f"k8s-configuration flux update {cluster.args} -n bucket-config --bucket-insecure")
    assert "--bucket-insecure true with --url 'https://bucket-provider.minio.io'" in result.stderr
    assert cluster.get("fluxConfigurations", "bucket-config")[1]["properties"]["bucket"]["insecure"] is True
    assert m.BUCKET_SECRET not in result.output


def test_opaque_tls_values_of_the_official_ci_are_sent_with_warnings(cli, cluster):
    values = {"--tls-client-certificate": "Y2xpZW50Q2VydGlmaWNhdGU=", "--tls-private-key": "cHJpdmF0ZUtleQ==",
              "--tls-ca-certificate": "Y2FDZXJ0aWZpY2F0ZQ=="}  # fmt: skip
    args = " ".join(f"{option} {value}" for option, value in values.items())
    result = cli(f"k8s-configuration flux create {cluster.args} -n oci-tls --kind oci "
                 f"-u oci://ghcr.io/org/manifests --tag latest {args} -k name=apps path=./")  # fmt: skip
    for option in values:
        assert f"{option} is base64 but not PEM" in result.stderr
    assert not any(value in result.output for value in values.values())
    assert result.json["provisioningState"] == "Succeeded"  # (the values sent: test_flux_service_accepts)


def test_service_principal_spellings_of_the_official_extension(cli, cluster):
    result = cli(f"k8s-configuration flux create {cluster.args} -n blob-sp --kind azblob "
                 "-u https://account.blob.core.windows.net --container-name flux "
                 f"--service-principal-client-id {m.GUID} --service-principal-tenant-id {m.GUID} "
                 f"--service-principal-client-secret {m.SP_SECRET} --oci-media-type x", expect=1)
    assert "--layer-selector-media-type cannot be used with an AzureBlob source" in result.stderr  # same meaning
    result = cli(f"k8s-configuration flux create {cluster.args} -n blob-sp --kind azblob "
                 "-u https://account.blob.core.windows.net --container-name flux "
                 f"--service-principal-client-id {m.GUID} --service-principal-tenant-id {m.GUID} "
                 f"--service-principal-client-secret {m.SP_SECRET} -k name=apps path=./")  # fmt: skip
    principal = result.json["azureBlob"]["servicePrincipal"]
    assert (principal["clientId"], principal["tenantId"]) == (m.GUID, m.GUID)
    assert m.SP_SECRET not in result.output
