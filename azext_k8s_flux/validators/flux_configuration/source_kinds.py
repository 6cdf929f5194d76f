"""The cross-field rules of each source kind: which options go together (refs, auth modes, the URL's transport)
and where the composed fields land. Each function reads the given options (`given`), fills `result`
(a ValidatedSource) and raises a typed error naming the options at fault, never their values. A value's own check
is its field's parser (flux_model/source_values.py), applied here through `parsed`."""

from azure.cli.core.azclierror import (
    MutuallyExclusiveArgumentError,
    RequiredArgumentMissingError,
)
from knack.log import get_logger

from azext_k8s_flux.validators.flux_configuration import keys, urls

logger = get_logger(__name__)

_GIT_REFS = ("branch", "tag", "semver", "commit")
_OCI_REFS = ("tag", "semver", "digest")


def _flag(name):
    from azext_k8s_flux.validators.flux_configuration.sources import flag

    return flag(name)


def _parsed(given, name):
    from azext_k8s_flux.validators.flux_configuration.sources import parsed

    return parsed(given, name)


def _flags(names):
    return ", ".join(_flag(n) for n in names)


# A commit may name the branch it is on (Flux then clones only that branch; the API's docs ask for both).
_COMBINABLE = ({"branch", "commit"},)


def _revision(given, refs):
    """The given refs, each parsed (a commit or digest Flux could never check out is caught here rather than as a
    failed reconciliation later)."""
    return {name: _parsed(given, name) for name in refs if name in given}


def _one_ref(given, refs, partial, required):
    chosen = [ref for ref in refs if ref in given]
    if len(chosen) > 1 and set(chosen) not in _COMBINABLE:
        also = " (--commit may be combined with --branch)" if "commit" in refs else ""
        raise MutuallyExclusiveArgumentError(f"Give only one of {_flags(refs)}{also} (got {_flags(chosen)}).")
    if not chosen:
        if required and not partial:
            raise RequiredArgumentMissingError(f"Give one of {_flags(refs)} to say which revision to follow.")
        return None
    # When the ref changes, the others are reset so that only the new one is in force.
    ref = {name: None for name in refs} if partial else {}
    ref.update({name: given[name] for name in chosen})
    return ref


def git(given, result, existing, partial):
    source = result.source
    url = given.get("url", existing.get("url") or "")
    if "url" in given:
        urls.check_git_url(url)
        source["url"] = url
    ssh = urls.is_ssh_url(url)
    if partial and "url" in given:
        _clear_other_transport(source, result.protected, existing, ssh)
    ref = _one_ref(_revision(given, _GIT_REFS), _GIT_REFS, partial, required=True)
    if ref is not None:
        source["repositoryRef"] = ref
    ssh_options = [o for o in ("ssh_private_key", "known_hosts") if o in given]
    https_options = [o for o in ("https_user", "https_key", "https_ca_cert") if o in given]
    if ssh_options and not ssh:
        raise MutuallyExclusiveArgumentError(
            f"{_flags(ssh_options)} can only be used with ssh:// or git@ URLs, and --url is '{urls.display(url)}'. "
            "Use --https-user/--https-key for an https URL, or give the SSH URL of the repository."
        )
    if https_options and ssh:
        raise MutuallyExclusiveArgumentError(
            f"{_flags(https_options)} can only be used with http(s) URLs, and --url '{urls.display(url)}' is an SSH "
            "URL. "
            "Use --ssh-private-key-file for SSH, or give the https URL of the repository."
        )
    has_user = "https_user" in given or (partial and existing.get("httpsUser"))
    if ("https_user" in given and "https_key" not in given and not partial) or ("https_key" in given and not has_user):
        raise RequiredArgumentMissingError("Give --https-user and --https-key (or --https-key-file) together.")
    if "local_auth_ref" in given and ("ssh_private_key" in given or "https_key" in given):
        raise MutuallyExclusiveArgumentError(
            "--local-auth-ref names a secret in the cluster that holds the credentials: do not also give "
            "--ssh-private-key or --https-key."
        )
    if "ssh_private_key" in given:
        result.protected["sshPrivateKey"] = _parsed(given, "ssh_private_key")
    if "known_hosts" in given:
        source["sshKnownHosts"] = _parsed(given, "known_hosts")
    if "https_user" in given:
        source["httpsUser"] = given["https_user"]
    if "https_key" in given:
        result.protected["httpsKey"] = keys.b64encode(given["https_key"])
    if "https_ca_cert" in given:
        source["httpsCACert"] = _parsed(given, "https_ca_cert")
    if "provider" in given:
        provider = _parsed(given, "provider")
        if provider != "Generic" and (ssh or "https_key" in given or "https_user" in given):
            raise MutuallyExclusiveArgumentError(
                f"--provider {given['provider']} authenticates with the cluster's identity over https: "
                "do not combine it with an SSH URL or --https-user/--https-key."
            )
        if provider == "GitHub" and not ("local_auth_ref" in given or (partial and existing.get("localAuthRef"))):
            raise RequiredArgumentMissingError(
                "--provider github authenticates as a GitHub App, whose credentials (githubAppID, "
                "githubAppInstallationID, githubAppPrivateKey) Flux reads from a secret in the cluster: give "
                "that secret's name with --local-auth-ref."
            )
        source["provider"] = provider


def _clear_other_transport(source, protected, existing, ssh):
    """A new URL of the other transport (SSH vs HTTPS) drops the settings of the old one."""
    if urls.is_ssh_url(existing.get("url") or "") == ssh:
        return
    stale = ("httpsUser", "httpsCACert") if ssh else ("sshKnownHosts",)
    for name in stale:
        if existing.get(name):
            source[name] = None
    protected["httpsKey" if ssh else "sshPrivateKey"] = None


def _location(given, source, partial, what, kind, name_option, name_field):
    """URL and bucket/container name, shared by the Bucket and Azure Blob sources (the name is required on create)."""
    if "url" in given:
        urls.check_http_url(given["url"], what)
        source["url"] = given["url"]
    if name_option in given:
        source[name_field] = given[name_option]
    elif not partial:
        flag = "--" + name_option.replace("_", "-")
        raise RequiredArgumentMissingError(f"{flag} is required for {kind} source.")


def bucket(given, result, existing, partial):
    source = result.source
    _location(given, source, partial, "a Bucket", "a Bucket", "bucket_name", "bucketName")
    has_access = "bucket_access_key" in given
    has_secret = "bucket_secret_key" in given
    if not partial and has_access != has_secret:
        raise RequiredArgumentMissingError("Give --bucket-access-key and --bucket-secret-key together.")
    if (has_access or has_secret) and "local_auth_ref" in given:
        raise MutuallyExclusiveArgumentError(
            "Give either --bucket-access-key/--bucket-secret-key or --local-auth-ref, not both."
        )
    if not partial and not (has_access or "local_auth_ref" in given):
        raise RequiredArgumentMissingError(
            "A Bucket source needs credentials: --bucket-access-key with --bucket-secret-key (or "
            "--bucket-secret-key-file), or --local-auth-ref naming a secret in the cluster."
        )
    if partial and "local_auth_ref" in given:
        source["accessKey"], result.protected["bucketSecretKey"] = None, None  # the secret now holds them
    elif partial and has_access:
        source["localAuthRef"] = None
    if has_access:
        source["accessKey"] = given["bucket_access_key"]
    if has_secret:
        result.protected["bucketSecretKey"] = keys.b64encode(given["bucket_secret_key"])
    _bucket_transport(given, source, existing, partial)


def _bucket_transport(given, source, existing, partial):
    """`insecure` (plain HTTP) should agree with the URL's scheme, or Flux talks TLS to an HTTP endpoint (or the
    reverse) and every sync fails: a warning says so. Not given, it follows the scheme; the API's own default is
    insecure=true, so it is always sent on create."""
    url = given.get("url", existing.get("url") or "")
    plain_http = url.lower().startswith("http://")
    if "bucket_insecure" in given:
        insecure = bool(given["bucket_insecure"])
        if url and insecure != plain_http:
            # The service takes it (the official help's own example sets it on an https:// bucket): say what
            # Flux will do, and send what was asked.
            logger.warning(
                "--bucket-insecure %s with --url '%s': Flux will talk to the bucket %s. Use an http:// URL for "
                "plain HTTP and an https:// URL for TLS, or leave --bucket-insecure out to follow the URL.",
                str(insecure).lower(), urls.display(url), "without TLS" if insecure else "over TLS",
            )
        source["insecure"] = insecure
    elif not partial or ("url" in given and plain_http != bool(existing.get("insecure"))):
        source["insecure"] = plain_http


def azure_blob(given, result, existing, partial):
    source = result.source
    _location(given, source, partial, "an Azure Blob container", "an Azure Blob", "container_name", "containerName")
    sp_options = [o for o in given if o.startswith("sp_")]
    modes = {
        "--account-key": "account_key" in given,
        "--sas-token": "sas_token" in given,
        "--sp-client-id/--sp-tenant-id (service principal)": bool(sp_options),
        "--mi-client-id": "mi_client_id" in given,
        "--local-auth-ref": "local_auth_ref" in given,
    }
    chosen = [mode for mode, present in modes.items() if present]
    if len(chosen) > 1:
        raise MutuallyExclusiveArgumentError(f"Give one way to authenticate to Azure Blob, not {' and '.join(chosen)}.")
    if not chosen and not partial:
        raise RequiredArgumentMissingError(
            "An Azure Blob source needs one way to authenticate: --account-key, --sas-token, a service principal "
            "(--sp-client-id, --sp-tenant-id with --sp-client-secret or --sp-client-cert), --mi-client-id, "
            "or --local-auth-ref."
        )
    if chosen and partial:
        # A new authentication mode replaces the previous one.
        for name in ("accountKey", "sasToken", "servicePrincipal", "managedIdentity", "localAuthRef"):
            source.setdefault(name, None)
    if "account_key" in given:
        source["accountKey"] = given["account_key"]
        result.secret = True
    if "sas_token" in given:
        source["sasToken"] = _parsed(given, "sas_token")
        result.secret = True
    if "mi_client_id" in given:
        source["managedIdentity"] = {"clientId": _parsed(given, "mi_client_id")}
    if sp_options:
        source["servicePrincipal"] = _service_principal(given)
        result.secret = True


def _service_principal(given):
    missing = [o for o in ("sp_client_id", "sp_tenant_id") if o not in given]
    if missing:
        raise RequiredArgumentMissingError(f"A service principal needs {_flags(missing)} as well.")
    with_secret = "sp_client_secret" in given
    with_cert = "sp_client_cert" in given
    if with_secret == with_cert:
        raise RequiredArgumentMissingError(
            "Give exactly one of --sp-client-secret or --sp-client-cert (or their -file forms) "
            "for the service principal."
        )
    cert_only = [o for o in ("sp_client_cert_password", "sp_client_cert_send_chain") if o in given]
    if cert_only and not with_cert:
        raise MutuallyExclusiveArgumentError(f"{_flags(cert_only)} can only be used with --sp-client-cert.")
    principal = {"clientId": given["sp_client_id"], "tenantId": given["sp_tenant_id"]}
    if with_secret:
        principal["clientSecret"] = given["sp_client_secret"]
    else:
        principal["clientCertificate"] = _parsed(given, "sp_client_cert")
        if "sp_client_cert_password" in given:
            principal["clientCertificatePassword"] = given["sp_client_cert_password"]
        principal["clientCertificateSendChain"] = bool(given.get("sp_client_cert_send_chain", False))
    principal["clientId"], principal["tenantId"] = _parsed(given, "sp_client_id"), _parsed(given, "sp_tenant_id")
    return principal


def oci(given, result, existing, partial):
    from azext_k8s_flux.validators.flux_configuration.oci import oci_details

    source = result.source
    if "url" in given:
        urls.check_oci_url(given["url"])
        source["url"] = given["url"]
    ref = _one_ref(_revision(given, _OCI_REFS), _OCI_REFS, partial, required=False)
    if ref is not None:
        source["repositoryRef"] = ref
    oci_details(given, result)
