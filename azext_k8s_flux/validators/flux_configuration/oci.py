"""OCI repository details: layer selector, TLS material, workload identity and verification."""

from azure.cli.core.azclierror import InvalidArgumentValueError, MutuallyExclusiveArgumentError

from azext_k8s_flux._validators import check_dns1123_subdomain
from azext_k8s_flux.validators.flux_configuration import keys

_LAYER_OPERATIONS = ("extract", "copy")
_VERIFY_PROVIDERS = ("cosign", "notation")


def _pairs(items, option, example):
    """['k=v', ...] -> {k: v}; a typed error naming the option otherwise."""
    result = {}
    for item in items or []:
        key, sep, value = str(item).partition("=")
        if not sep or not key.strip():
            raise InvalidArgumentValueError(f"Invalid {option} item: use {example}.")
        result[key.strip()] = value.strip()
    return result


def oci_details(given, result):
    source = result.source
    media = given.get("layer_selector_media_type")
    operation = given.get("layer_selector_operation")
    if media is not None or operation is not None:
        selector = {}
        if media is not None:
            selector["mediaType"] = media
        if operation is not None:
            if operation.lower() not in _LAYER_OPERATIONS:
                raise InvalidArgumentValueError(
                    f"Invalid --layer-selector-operation '{operation}': use extract or copy."
                )
            selector["operation"] = operation.lower()
        source["layerSelector"] = selector
    if "oci_insecure" in given:
        source["insecure"] = bool(given["oci_insecure"])
    if "use_workload_identity" in given:
        source["useWorkloadIdentity"] = bool(given["use_workload_identity"])
    if "service_account_name" in given:
        check_dns1123_subdomain(given["service_account_name"], "--service-account-name")
        source["serviceAccountName"] = given["service_account_name"]
    if given.get("use_workload_identity") and "local_auth_ref" in given:
        raise MutuallyExclusiveArgumentError("Give either --use-workload-identity or --local-auth-ref, not both.")
    tls = {}
    for option, api_name, check in (
        ("tls_client_certificate", "clientCertificate", keys.check_certificate),
        ("tls_private_key", "privateKey", keys.check_pem_private_key),
        ("tls_ca_certificate", "caCertificate", keys.check_certificate),
    ):
        if option in given:
            tls[api_name] = check(given[option], "--" + option.replace("_", "-"))
    if ("clientCertificate" in tls) != ("privateKey" in tls):
        raise InvalidArgumentValueError("Give --tls-client-certificate and --tls-private-key together (mutual TLS).")
    if tls:
        source["tlsConfig"] = tls
        result.secret = True
    _verification(given, source)


def _verification(given, source):
    provider = given.get("verification_provider")
    config = given.get("verification_config")
    identities = given.get("match_oidc_identity")
    if provider is None:
        if config is not None or identities is not None:
            raise InvalidArgumentValueError(
                "--verification-config and --match-oidc-identity need --verification-provider (cosign or notation)."
            )
        return
    if provider.lower() not in _VERIFY_PROVIDERS:
        raise InvalidArgumentValueError(f"Invalid --verification-provider '{provider}': use cosign or notation.")
    verify = {"provider": provider.lower()}
    if config is not None:
        verify["verificationConfig"] = _pairs(config, "--verification-config", "NAME=BASE64_PUBLIC_KEY")
    if identities is not None:
        matches = []
        for item in identities:
            pairs = _pairs(str(item).split(","), "--match-oidc-identity", "issuer=REGEX,subject=REGEX")
            if set(pairs) != {"issuer", "subject"}:
                raise InvalidArgumentValueError("Invalid --match-oidc-identity item: use issuer=REGEX,subject=REGEX.")
            matches.append({"issuer": pairs["issuer"], "subject": pairs["subject"]})
        verify["matchOidcIdentity"] = matches
    source["verify"] = verify
