"""The source options of `flux create|update`: every field of every source kind, declared once.

Order matters only for messages and help notes that list fields (the official aliases are named in that order).
"""

from azext_k8s_flux.flux_model import source_values as v
from azext_k8s_flux.flux_model.field import SourceField as F
from azext_k8s_flux.flux_model.kinds import BLOB, BUCKET, GIT, OCI

ALL = (GIT, BUCKET, BLOB, OCI)
GIT_REF, GIT_OR_OCI_REF, GIT_AUTH = "Git Repo Ref", "Git Repo Ref / OCI Repo Ref", "Git Auth"
BUCKET_GROUP, BUCKET_AUTH = "Bucket", "Bucket Auth"
BLOB_GROUP, BLOB_AUTH, BLOB_SP = "Azure Blob", "Azure Blob Auth", "Azure Blob Service Principal Auth"
OCI_REF, OCI_AUTH = "OCI Repo Ref", "OCI Auth/Verification"
AUTH = "Auth"
_TLS_NOTE = " Sent as given (with a warning) when it is base64 that is not PEM."
_PROVIDER = v.one_of("generic", "azure", "github", api=("Generic", "Azure", "GitHub"))
_LAYER_OPERATION = v.one_of("extract", "copy")
_VERIFY_PROVIDER = v.one_of("cosign", "notation")


FIELDS = [
    F("url", ALL, "URL of the source: https://, http://, ssh:// or git@ for Git; http(s):// for a Bucket or Azure "
      "Blob container; oci:// for an OCI repository.", api="url", options=("-u",), flux_v1="repositoryUrl"),
    F("timeout", ALL, "Source operations timeout, as a Go duration such as 10m or 1h2m3s.", api="timeoutInSeconds",
      parse=v.duration, default=600, flux_v1="operatorParams --git-timeout"),
    F("sync_interval", ALL, "How often the source is synced, as a Go duration such as 10m or 1h2m3s.",
      api="syncIntervalInSeconds", parse=v.duration, options=("--interval",), default=600,
      flux_v1="operatorParams --git-poll-interval"),
    F("local_auth_ref", ALL, "Name of a secret in the configuration's namespace that holds the source credentials.",
      group=AUTH, api="localAuthRef", parse=v.secret_name, options=("--local-ref",)),
    # Git
    F("branch", (GIT,), "Git branch to follow.", GIT_REF, api="repositoryRef.branch",
      flux_v1="operatorParams --git-branch"),
    F("tag", (GIT, OCI), "Git or OCI tag to follow.", GIT_OR_OCI_REF, api="repositoryRef.tag"),
    F("semver", (GIT, OCI), "Semver range of Git or OCI tags to follow, e.g. '>=1.0.0 <2.0.0'.", GIT_OR_OCI_REF,
      api="repositoryRef.semver"),
    F("commit", (GIT,), "Full Git commit SHA to pin; may be combined with --branch, the branch it is on.", GIT_REF,
      api="repositoryRef.commit", parse=v.full_commit_sha, composed=True),
    F("ssh_private_key", (GIT,), "Private SSH key for an ssh:// or git@ URL (PEM/OpenSSH text, or base64 of it).",
      GIT_AUTH, protected="sshPrivateKey", parse=v.ssh_private_key, composed=True, secret=True, file="text",
      flux_v1="configurationProtectedSettings.sshPrivateKey"),
    F("known_hosts", (GIT,), "known_hosts lines for the SSH server (text, or base64 of it).", GIT_AUTH,
      api="sshKnownHosts", parse=v.known_hosts, composed=True, file="text", flux_v1="sshKnownHostsContents"),
    F("https_user", (GIT,), "User name for HTTPS basic authentication (with --https-key).", GIT_AUTH,
      api="httpsUser", flux_v1="configurationProtectedSettings.httpsUser"),
    F("https_key", (GIT,), "Password or token for HTTPS authentication (with --https-user).", GIT_AUTH,
      protected="httpsKey", secret=True, file="line", flux_v1="configurationProtectedSettings.httpsKey"),
    F("https_ca_cert", (GIT,), "CA certificate (PEM, or base64 of it) for HTTPS servers with a private CA.",
      GIT_AUTH, api="httpsCACert", parse=v.certificate, composed=True, file="text"),
    F("provider", (GIT,), "Git authentication provider: generic, azure (workload identity to Azure DevOps) or github "
      "(GitHub App credentials in --local-auth-ref).", GIT_AUTH, api="provider",
      parse=_PROVIDER, composed=True, choices=_PROVIDER.allowed, api_version="2024-11-01"),
    # Bucket
    F("bucket_name", (BUCKET,), "Name of the S3-compatible bucket.", BUCKET_GROUP, api="bucketName"),
    F("bucket_access_key", (BUCKET,), "Access key ID of the bucket.", BUCKET_AUTH, api="accessKey"),
    F("bucket_secret_key", (BUCKET,), "Secret access key of the bucket.", BUCKET_AUTH, protected="bucketSecretKey",
      secret=True, file="line"),
    F("bucket_insecure", (BUCKET,), "Talk to the bucket over plain HTTP. Default: follows --url (true for http://, "
      "false for https://); a value that contradicts the URL is sent with a warning.", BUCKET_GROUP,
      api="insecure", value="flag", default=True),  # sent on create, following --url (source_kinds.py)
    # Azure Blob
    F("container_name", (BLOB,), "Name of the Azure Blob container.", BLOB_GROUP, api="containerName",
      api_version="2022-07-01"),
    F("account_key", (BLOB,), "Azure Storage account key.", BLOB_AUTH, api="accountKey", secret=True, file="line",
      api_version="2022-07-01"),
    F("sas_token", (BLOB,), "Azure Blob SAS token.", BLOB_AUTH, api="sasToken", parse=v.sas_token, composed=True,
      secret=True, file="line", api_version="2022-07-01"),
    F("sp_client_id", (BLOB,), "Client ID of the service principal for Azure Blob.", BLOB_SP,
      api="servicePrincipal.clientId", parse=v.client_id("service principal (app registration)"),
      composed=True, aliases=("--service-principal-client-id",), api_version="2022-07-01"),
    F("sp_tenant_id", (BLOB,), "Tenant ID of the service principal for Azure Blob.", BLOB_SP,
      api="servicePrincipal.tenantId", parse=v.tenant, composed=True, aliases=("--service-principal-tenant-id",),
      api_version="2022-07-01"),
    F("sp_client_secret", (BLOB,), "Client secret of the service principal.", BLOB_SP,
      api="servicePrincipal.clientSecret", secret=True, file="line",
      aliases=("--service-principal-client-secret",), api_version="2022-07-01"),
    F("sp_client_cert", (BLOB,), "Client certificate (PEM with key, or base64 of it) of the service principal.",
      BLOB_SP, api="servicePrincipal.clientCertificate", parse=v.certificate_with_key, composed=True, secret=True,
      file="text", aliases=("--service-principal-client-certificate",), api_version="2022-07-01"),
    F("sp_client_cert_password", (BLOB,), "Password of the service principal's client certificate.", BLOB_SP,
      api="servicePrincipal.clientCertificatePassword", secret=True, file="line",
      aliases=("--sp-cert-password", "--service-principal-client-certificate-password"), api_version="2022-07-01"),
    F("sp_client_cert_send_chain", (BLOB,), "Send the certificate chain when authenticating with --sp-client-cert.",
      BLOB_SP, api="servicePrincipal.clientCertificateSendChain", value="flag", default=False,
      aliases=("--sp-cert-send-chain", "--service-principal-client-certificate-send-chain"),
      api_version="2022-07-01"),
    F("mi_client_id", (BLOB,), "Client ID of the managed identity used for Azure Blob.", BLOB_AUTH,
      api="managedIdentity.clientId", parse=v.client_id("managed identity"), composed=True,
      aliases=("--managed-identity-client-id",), api_version="2022-07-01"),
    # OCI
    F("digest", (OCI,), "OCI artifact digest to pin (sha256:...).", OCI_REF, api="repositoryRef.digest",
      parse=v.oci_digest, composed=True, api_version="2024-11-01"),
    F("layer_selector_media_type", (OCI,), "OCI layer media type to take the manifests from.", OCI_REF,
      api="layerSelector.mediaType", aliases=("--oci-media-type", "--oci-layer-selector-media-type"),
      api_version="2024-11-01"),
    F("layer_selector_operation", (OCI,), "What to do with the selected OCI layer: extract (default) or copy.",
      OCI_REF, api="layerSelector.operation", parse=_LAYER_OPERATION, composed=True,
      choices=_LAYER_OPERATION.allowed, default="extract",
      aliases=("--oci-operation", "--oci-layer-selector-operation"), api_version="2024-11-01"),
    F("oci_insecure", (OCI,), "Allow plain HTTP to the OCI registry.", OCI_AUTH, api="insecure", value="flag",
      default=False, api_version="2024-11-01"),
    F("tls_client_certificate", (OCI,), "OCI client certificate for mutual TLS (PEM, or base64 of it)." + _TLS_NOTE,
      OCI_AUTH, api="tlsConfig.clientCertificate", parse=v.tls_certificate, composed=True, secret=True, file="text",
      api_version="2024-11-01"),
    F("tls_private_key", (OCI,), "Private key of --tls-client-certificate (PEM, or base64 of it)." + _TLS_NOTE,
      OCI_AUTH, api="tlsConfig.privateKey", parse=v.tls_private_key, composed=True, secret=True, file="text",
      api_version="2024-11-01"),
    F("tls_ca_certificate", (OCI,), "CA certificate of the OCI registry (PEM, or base64 of it)." + _TLS_NOTE,
      OCI_AUTH, api="tlsConfig.caCertificate", parse=v.tls_certificate, composed=True, secret=True, file="text",
      api_version="2024-11-01"),
    F("use_workload_identity", (OCI,), "Authenticate to the OCI registry with workload identity.", OCI_AUTH,
      api="useWorkloadIdentity", value="flag", default=False, api_version="2024-11-01"),
    F("service_account_name", (OCI,), "Service account whose credentials pull from the OCI registry.", OCI_AUTH,
      api="serviceAccountName", parse=v.kubernetes_name, composed=True, api_version="2024-11-01"),
    F("verification_provider", (OCI,), "OCI signature verification provider: cosign or notation.", OCI_AUTH,
      api="verify.provider", parse=_VERIFY_PROVIDER, composed=True, api_version="2024-11-01"),
    F("verification_config", (OCI,), "Verification keys as NAME=BASE64_PUBLIC_KEY items.", OCI_AUTH,
      api="verify.verificationConfig", value="list", parse=v.verification_keys,
      composed=True, api_version="2024-11-01"),
    F("match_oidc_identity", (OCI,), "Keyless cosign identities, each as issuer=REGEX,subject=REGEX or as JSON "
      "'{\"issuer\": \"REGEX\", \"subject\": \"REGEX\"}' (or a JSON list of such objects).", OCI_AUTH,
      api="verify.matchOidcIdentity", value="list", parse=v.oidc_identities,
      composed=True, api_version="2024-11-01"),
]  # fmt: skip
