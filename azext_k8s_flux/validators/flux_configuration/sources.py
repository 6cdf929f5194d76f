"""Source options: which options each source kind takes, and the API fields they become.

`validate_source` turns the command's source options into a `ValidatedSource`: the source object in the
API's JSON shape, the protected settings (base64, as the API requires) and whether anything secret is in it.
Secret values never appear in error messages.
"""

from dataclasses import dataclass, field

from azure.cli.core.azclierror import (
    InvalidArgumentValueError,
    MutuallyExclusiveArgumentError,
    RequiredArgumentMissingError,
)

from azext_k8s_flux._validators import check_dns1123_subdomain
from azext_k8s_flux.validators.flux_configuration.durations import parse_duration

GIT, BUCKET, BLOB, OCI = "GitRepository", "Bucket", "AzureBlob", "OCIRepository"
SOURCE_PROPERTY = {GIT: "gitRepository", BUCKET: "bucket", BLOB: "azureBlob", OCI: "ociRepository"}
KIND_OPTION = {GIT: "git", BUCKET: "bucket", BLOB: "azblob", OCI: "oci"}
_KIND_ALIASES = {
    "git": GIT, "gitrepository": GIT,
    "bucket": BUCKET,
    "azblob": BLOB, "azureblob": BLOB, "blob": BLOB,
    "oci": OCI, "ocirepository": OCI,
}  # fmt: skip
PROTECTED_KEYS = ("sshPrivateKey", "httpsKey", "bucketSecretKey")

_COMMON = {"url", "timeout", "sync_interval", "local_auth_ref"}
KIND_OPTIONS = {
    GIT: _COMMON
    | {"branch", "tag", "semver", "commit", "ssh_private_key", "known_hosts", "https_user", "https_key"}
    | {"https_ca_cert", "provider"},
    BUCKET: _COMMON | {"bucket_name", "bucket_access_key", "bucket_secret_key", "bucket_insecure"},
    BLOB: _COMMON
    | {"container_name", "account_key", "sas_token", "mi_client_id"}
    | {"sp_client_id", "sp_tenant_id", "sp_client_secret", "sp_client_cert", "sp_client_cert_password"}
    | {"sp_client_cert_send_chain"},
    OCI: _COMMON
    | {"tag", "semver", "digest", "layer_selector_media_type", "layer_selector_operation", "oci_insecure"}
    | {"tls_client_certificate", "tls_private_key", "tls_ca_certificate", "use_workload_identity"}
    | {"service_account_name", "verification_provider", "verification_config", "match_oidc_identity"},
}
SOURCE_OPTIONS = frozenset().union(*KIND_OPTIONS.values())
_FLAGS = {"sync_interval": "--sync-interval", "local_auth_ref": "--local-auth-ref"}


def _a(kind):
    return ("an " if kind[0] in "AEIOU" else "a ") + kind


def flag(name):
    return _FLAGS.get(name, "--" + name.replace("_", "-"))


@dataclass
class ValidatedSource:
    kind: str
    source: dict = field(default_factory=dict)  # the source object, API JSON names
    protected: dict = field(default_factory=dict)  # configurationProtectedSettings, base64 values
    secret: bool = False  # True when the request body will carry a secret

    @property
    def property_name(self):
        return SOURCE_PROPERTY[self.kind]


def normalize_kind(value):
    kind = _KIND_ALIASES.get(str(value or "git").replace("-", "").replace("_", "").lower())
    if kind is None:
        raise InvalidArgumentValueError(f"Invalid --kind '{value}': use git, bucket, azblob or oci.")
    return kind


def given_options(opts):
    return {name: value for name, value in opts.items() if name in SOURCE_OPTIONS and value is not None}


def check_options_fit_kind(kind, opts):
    stray = sorted(set(given_options(opts)) - KIND_OPTIONS[kind])
    if stray:
        raise MutuallyExclusiveArgumentError(
            f"{', '.join(flag(s) for s in stray)} cannot be used with {_a(kind)} source (--kind {KIND_OPTION[kind]}). "
            f"Options for this kind: {', '.join(sorted(flag(o) for o in KIND_OPTIONS[kind]))}."
        )


def check_not_empty(given):
    """An empty value (an unset variable in a pipeline, an empty secret file) is never a valid setting: the
    service would store it and Flux would fail later in the cluster, far from the command that caused it."""
    empty = sorted(flag(name) for name, value in given.items() if isinstance(value, str) and not value.strip())
    if empty:
        raise InvalidArgumentValueError(
            f"{', '.join(empty)} {'is' if len(empty) == 1 else 'are'} empty: give a value, or leave the option out. "
            "(An unset variable or an empty file gives an empty value.)"
        )


def validate_source(kind_value, opts, existing=None):
    """Validate the source options of create (existing None) or of an update of the same kind.

    `opts` maps handler parameter names to values (None = not given); secret files are already read.
    `existing` is the current source object (API JSON) when updating: only given options are returned,
    and checks that need the URL use the current one.
    """
    from azext_k8s_flux.validators.flux_configuration import source_kinds

    kind = normalize_kind(kind_value)
    check_options_fit_kind(kind, opts)
    given = given_options(opts)
    check_not_empty(given)
    result = ValidatedSource(kind)
    partial = existing is not None
    if "url" not in given and not partial:
        raise RequiredArgumentMissingError(f"--url is required for {_a(kind)} source.")
    for option, api_name in (("timeout", "timeoutInSeconds"), ("sync_interval", "syncIntervalInSeconds")):
        if option in given:
            result.source[api_name] = parse_duration(given[option], flag(option))
    if "local_auth_ref" in given:
        # The name of a Secret in the configuration's namespace: a name Kubernetes could not hold fails later.
        check_dns1123_subdomain(given["local_auth_ref"], "--local-auth-ref (a Kubernetes secret name)")
        result.source["localAuthRef"] = given["local_auth_ref"]
    check = {GIT: source_kinds.git, BUCKET: source_kinds.bucket, BLOB: source_kinds.azure_blob, OCI: source_kinds.oci}
    check[kind](given, result, existing or {}, partial)
    result.secret = result.secret or any(result.protected.values())
    return result
