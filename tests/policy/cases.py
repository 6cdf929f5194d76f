"""Configurations of every source kind and auth mode, as `flux create` makes them, and the `policy generate`
options each needs. Shared by the self-consistency and the no-secret tests."""

from dataclasses import dataclass

from tests.flux import material as m

VAULT = ("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-secrets/providers/"
         "Microsoft.KeyVault/vaults/fleet-kv")
KUSTOMIZATIONS = ("-k name=infra path=./infrastructure prune=true "
                  "-k name=apps path=./apps/staging prune=true depends_on=infra")  # fmt: skip
FILES = {"token.txt": m.HTTPS_KEY + "\n", "id_ed25519": m.SSH_KEY, "known_hosts": m.KNOWN_HOSTS,
         "bucket-secret.txt": m.BUCKET_SECRET + "\n", "account-key.txt": m.ACCOUNT_KEY + "\n",
         "sp-secret.txt": m.SP_SECRET + "\n", "client.pem": m.CERT, "client.key": m.TLS_KEY}  # fmt: skip


@dataclass(frozen=True)
class Case:
    id: str
    cluster_type: str
    source: str  # flux create options of the source
    generate: str = ""  # flux policy generate options
    secret: str = ""  # the secret flux create was given (never in any output)


CASES = [
    Case("git-public", "managedClusters", "-u https://github.com/contoso/fleet-infra --branch main"),
    Case("git-https-key-vault", "connectedClusters",
         "-u https://dev.azure.com/contoso/_git/fleet --branch main --https-user git --https-key-file token.txt",
         f"--key-vault {VAULT} --key-vault-secret https-key=git-token", m.HTTPS_KEY),
    Case("git-https-local-secret", "managedClusters",
         "-u https://dev.azure.com/contoso/_git/fleet --tag v1.4.0 --https-user git --https-key-file token.txt",
         "--local-auth-ref git-credentials", m.HTTPS_KEY),
    Case("git-ssh-key-vault", "managedClusters",
         "-u ssh://git@github.com/contoso/fleet-infra --branch main --ssh-private-key-file id_ed25519 "
         "--known-hosts-file known_hosts", f"--key-vault {VAULT} --key-vault-secret ssh-private-key=git-ssh-key",
         "TESTKEYTESTKEY"),
    Case("git-local-auth-ref", "connectedClusters",
         "-u https://github.com/contoso/fleet-infra --semver '>=1.0.0 <2.0.0' --local-auth-ref git-credentials"),
    Case("bucket-key-vault", "connectedClusters",
         "--kind bucket -u https://s3.amazonaws.com --bucket-name fleet-infra --bucket-access-key AKIAFLEETACCESS "
         "--bucket-secret-key-file bucket-secret.txt",
         f"--key-vault {VAULT} --key-vault-secret bucket-secret-key=bucket-secret", m.BUCKET_SECRET),
    Case("bucket-local-secret", "managedClusters",
         "--kind bucket -u https://s3.amazonaws.com --bucket-name fleet-infra --bucket-access-key AKIAFLEETACCESS "
         "--bucket-secret-key-file bucket-secret.txt", "--local-auth-ref bucket-credentials", m.BUCKET_SECRET),
    Case("azure-blob-key-vault", "managedClusters",
         "--kind azblob -u https://contosofleet.blob.core.windows.net --container-name fleet-infra "
         "--account-key-file account-key.txt", f"--key-vault {VAULT} --key-vault-secret account-key=blob-key",
         m.ACCOUNT_KEY),
    Case("azure-blob-service-principal-key-vault", "connectedClusters",
         f"--kind azblob -u https://contosofleet.blob.core.windows.net --container-name fleet-infra "
         f"--sp-client-id {m.GUID} --sp-tenant-id {m.GUID} --sp-client-secret-file sp-secret.txt",
         f"--key-vault {VAULT} --key-vault-secret sp-client-secret=blob-sp-secret", m.SP_SECRET),
    Case("azure-blob-managed-identity", "connectedClusters",
         f"--kind azblob -u https://contosofleet.blob.core.windows.net --container-name fleet-infra "
         f"--mi-client-id {m.GUID}"),
    Case("oci-public", "connectedClusters", "--kind oci -u oci://ghcr.io/contoso/fleet-manifests --tag v1.0.0"),
    Case("oci-mutual-tls-key-vault", "managedClusters",
         "--kind oci -u oci://contoso.azurecr.io/fleet-manifests --semver '>=1.0.0' "
         "--tls-client-certificate-file client.pem --tls-private-key-file client.key",
         f"--key-vault {VAULT} --key-vault-secret tls-client-certificate=oci-cert tls-private-key=oci-key",
         "TESTTLSKEYTESTTLSKEY"),
    Case("oci-digest-local-secret", "managedClusters",
         f"--kind oci -u oci://contoso.azurecr.io/fleet-manifests --digest {m.DIGEST} "
         "--local-auth-ref registry-credentials"),
]


def other_type(cluster_type):
    return "connectedClusters" if cluster_type == "managedClusters" else "managedClusters"
