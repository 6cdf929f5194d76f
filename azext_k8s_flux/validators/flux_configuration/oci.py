"""OCI repository details: layer selector, TLS material, workload identity and verification."""

import base64
import binascii
import json

from azure.cli.core.azclierror import InvalidArgumentValueError, MutuallyExclusiveArgumentError
from knack.log import get_logger

from azext_k8s_flux._validators import check_dns1123_subdomain, split_key_value
from azext_k8s_flux.validators.flux_configuration import keys

logger = get_logger(__name__)

_LAYER_OPERATIONS = ("extract", "copy")
_IDENTITY_FORMS = "issuer=REGEX,subject=REGEX or JSON {\"issuer\": \"REGEX\", \"subject\": \"REGEX\"}"
_VERIFY_PROVIDERS = ("cosign", "notation")


def _pairs(items, option, example):
    """['k=v', ...] -> {k: v}; a typed error naming the option otherwise."""
    result = {}
    for item in items or []:
        pair = split_key_value(item, strip_value=True)
        if pair is None:
            raise InvalidArgumentValueError(f"Invalid {option} item: use {example}.")
        result[pair[0]] = pair[1]
    return result


def _tls_value(value, option, check):
    """PEM (text or base64) -> base64 of the PEM. Other base64 is what the API stores too (the official CI sends
    such values): sent as given, with a warning; anything else the API could not take is refused."""
    try:
        return check(value, option)
    except InvalidArgumentValueError:
        compact = "".join(line.strip() for line in value.strip().splitlines())  # base64 wrapped in lines
        try:
            decoded = base64.b64decode(compact, validate=True) if compact and len(compact) % 4 == 0 else b""
        except binascii.Error:
            decoded = b""
        if not decoded:
            raise
        logger.warning("%s is base64 but not PEM: it is sent as given. Flux needs a PEM %s; if the registry "
                       "connection fails, check this value.", option,
                       "private key" if "key" in option else "certificate")  # fmt: skip
        return compact


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
            tls[api_name] = _tls_value(given[option], "--" + option.replace("_", "-"), check)
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
        verify["matchOidcIdentity"] = [match for item in identities for match in _identities(str(item))]
    source["verify"] = verify


def _identities(item):
    """One --match-oidc-identity item -> [{issuer, subject}]: issuer=REGEX,subject=REGEX, or the official JSON
    form, an object {"issuer": ..., "subject": ...} or a list of them."""
    text = item.strip()
    if text.startswith(("{", "[")):
        try:
            loaded = json.loads(text)
        except ValueError:
            raise InvalidArgumentValueError(
                f"Invalid --match-oidc-identity item: it is not valid JSON. Use {_IDENTITY_FORMS}."
            ) from None
        objects = loaded if isinstance(loaded, list) else [loaded]
        if not objects or not all(_is_identity(obj) for obj in objects):
            raise InvalidArgumentValueError(
                f"Invalid --match-oidc-identity item: each JSON object needs string 'issuer' and 'subject' fields. "
                f"Use {_IDENTITY_FORMS}."
            )
        return [{"issuer": obj["issuer"], "subject": obj["subject"]} for obj in objects]
    pairs = _pairs(text.split(","), "--match-oidc-identity", _IDENTITY_FORMS)
    if set(pairs) != {"issuer", "subject"}:
        raise InvalidArgumentValueError(f"Invalid --match-oidc-identity item: use {_IDENTITY_FORMS}.")
    return [{"issuer": pairs["issuer"], "subject": pairs["subject"]}]


def _is_identity(obj):
    return isinstance(obj, dict) and all(isinstance(obj.get(key), str) and obj[key] for key in ("issuer", "subject"))
