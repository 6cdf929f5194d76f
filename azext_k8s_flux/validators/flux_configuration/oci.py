"""The cross-field rules of an OCI repository's details: layer selector, TLS pairs, workload identity against
--local-auth-ref, and verification options that need a provider. Each value's own check is its field's parser
(flux_model/source_values.py)."""

from azure.cli.core.azclierror import InvalidArgumentValueError, MutuallyExclusiveArgumentError

from azext_k8s_flux.validators.flux_configuration.sources import parsed

_TLS_FIELDS = (("tls_client_certificate", "clientCertificate"), ("tls_private_key", "privateKey"),
               ("tls_ca_certificate", "caCertificate"))  # fmt: skip


def oci_details(given, result):
    source = result.source
    selector = {}
    if "layer_selector_media_type" in given:
        selector["mediaType"] = given["layer_selector_media_type"]
    if "layer_selector_operation" in given:
        selector["operation"] = parsed(given, "layer_selector_operation")
    if selector:
        source["layerSelector"] = selector
    if "oci_insecure" in given:
        source["insecure"] = bool(given["oci_insecure"])
    if "use_workload_identity" in given:
        source["useWorkloadIdentity"] = bool(given["use_workload_identity"])
    if "service_account_name" in given:
        source["serviceAccountName"] = parsed(given, "service_account_name")
    if given.get("use_workload_identity") and "local_auth_ref" in given:
        raise MutuallyExclusiveArgumentError("Give either --use-workload-identity or --local-auth-ref, not both.")
    tls = {api_name: parsed(given, option) for option, api_name in _TLS_FIELDS if option in given}
    if ("clientCertificate" in tls) != ("privateKey" in tls):
        raise InvalidArgumentValueError("Give --tls-client-certificate and --tls-private-key together (mutual TLS).")
    if tls:
        source["tlsConfig"] = tls
        result.secret = True
    _verification(given, source)


def _verification(given, source):
    if "verification_provider" not in given:
        if "verification_config" in given or "match_oidc_identity" in given:
            raise InvalidArgumentValueError(
                "--verification-config and --match-oidc-identity need --verification-provider (cosign or notation)."
            )
        return
    verify = {"provider": parsed(given, "verification_provider")}
    for option, api_name in (("verification_config", "verificationConfig"),
                             ("match_oidc_identity", "matchOidcIdentity")):
        if option in given:
            verify[api_name] = parsed(given, option)
    source["verify"] = verify
