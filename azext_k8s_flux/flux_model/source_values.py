"""The value parsers of the source fields: each is a field's `parse`, (value, flag) -> the value the API takes, or a
typed error naming the option. They check one value on its own; what a value means next to other options (auth
modes, ref combinations, the URL's transport) is the kinds' cross-field rules (validators/flux_configuration/).

Imports are made inside the parsers: the description is read at `-h` time, the parsers only when a command runs.
A secret's parser never repeats the value in an error.
"""

import re

# Patterns, compiled on first use (re caches them): the description is loaded by every command, a parser runs only
# in create and update.
_GUID_TEXT = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_GUID = f"^{_GUID_TEXT}$"
_TENANT = f"^(?:{_GUID_TEXT}|[A-Za-z0-9.-]+\\.[A-Za-z]{{2,}})$"  # a tenant ID or its domain name
_FULL_SHA = r"^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$"
_OCI_DIGEST = r"^(?:sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$"
_IDENTITY_FORMS = "issuer=REGEX,subject=REGEX or JSON {\"issuer\": \"REGEX\", \"subject\": \"REGEX\"}"


def _invalid(message):
    from azure.cli.core.azclierror import InvalidArgumentValueError

    return InvalidArgumentValueError(message)


def duration(value, flag):
    """A Go duration (10m, 1h2m3s) -> whole seconds."""
    from azext_k8s_flux.validators.flux_configuration.durations import parse_duration

    return parse_duration(value, flag)


def secret_name(value, flag):
    """The name of a Secret in the configuration's namespace: a name Kubernetes could not hold fails later."""
    from azext_k8s_flux._validators import check_dns1123_subdomain

    check_dns1123_subdomain(value, f"{flag} (a Kubernetes secret name)")
    return value


def kubernetes_name(value, flag):
    from azext_k8s_flux._validators import check_dns1123_subdomain

    check_dns1123_subdomain(value, flag)
    return value


def one_of(*allowed, api=None):
    """A choice compared without case -> its lowercase form, or the API's spelling of it (`api`, same order)."""
    spelled = dict(zip(allowed, api or allowed, strict=True))
    words = f"{', '.join(allowed[:-1])} or {allowed[-1]}"

    def parse(value, flag):
        chosen = spelled.get(str(value).lower())
        if chosen is None:
            raise _invalid(f"Invalid {flag} '{value}': use {words}.")
        return chosen

    parse.allowed = allowed
    return parse


def full_commit_sha(value, flag):
    """Flux checks out a commit by its full SHA only: an abbreviated one would fail every reconciliation."""
    if not re.match(_FULL_SHA, value.strip()):
        raise _invalid(
            f"Invalid {flag} '{value}': give the full commit SHA (40 hexadecimal characters, or 64 for a "
            "SHA-256 repository), as 'git rev-parse <ref>' prints it. Flux cannot check out an abbreviated one."
        )
    return value


def oci_digest(value, flag):
    if not re.match(_OCI_DIGEST, value.strip()):
        raise _invalid(
            f"Invalid {flag} '{value}': give the artifact's digest as sha256:<64 lowercase hexadecimal "
            "characters>, as 'oras resolve' or 'crane digest' prints it."
        )
    return value


def client_id(what):
    """Azure signs in with a client (application) ID, a GUID: a name or a resource ID would only fail in Flux."""

    def parse(value, flag):
        if not re.match(_GUID, value.strip()):
            raise _invalid(
                f"Invalid {flag} '{value}': give the client ID of the {what}, a GUID such as "
                "00000000-0000-0000-0000-000000000000 ('az identity show' or 'az ad sp show' print it as clientId / "
                "appId), not its name or resource ID."
            )
        return value

    return parse


def tenant(value, flag):
    if not re.match(_TENANT, value.strip()):
        raise _invalid(
            f"Invalid {flag} '{value}': give the tenant ID (a GUID, as "
            "'az account show --query tenantId' prints it) or its domain name (contoso.onmicrosoft.com)."
        )
    return value


def sas_token(value, flag):
    """The token as the portal copies it may start with '?', which is not part of it."""
    return value.lstrip("?")


def ssh_private_key(value, flag):
    """An unencrypted PEM/OpenSSH private key (text or base64 of it) -> base64, as protected settings hold it."""
    from azext_k8s_flux.validators.flux_configuration.keys import check_ssh_private_key

    return check_ssh_private_key(value, flag)


def known_hosts(value, flag):
    from azext_k8s_flux.validators.flux_configuration.keys import check_known_hosts

    return check_known_hosts(value, flag)


def certificate(value, flag):
    """A PEM certificate (text or base64 of it) -> base64 of the PEM."""
    from azext_k8s_flux.validators.flux_configuration.keys import check_certificate

    return check_certificate(value, flag)


def certificate_with_key(value, flag):
    """A PEM bundle of a certificate and its private key -> base64 of the PEM."""
    from azext_k8s_flux.validators.flux_configuration.keys import pem_bundle

    return pem_bundle(value, flag)


def _tls(check_name):
    """PEM (text or base64) -> base64 of the PEM. Other base64 is what the API stores too (the official CI sends
    such values): sent as given, with a warning; anything else the API could not take is refused."""

    def parse(value, flag):
        import base64
        import binascii

        from azure.cli.core.azclierror import InvalidArgumentValueError
        from knack.log import get_logger

        from azext_k8s_flux.validators.flux_configuration import keys

        try:
            return getattr(keys, check_name)(value, flag)
        except InvalidArgumentValueError:
            compact = "".join(line.strip() for line in value.strip().splitlines())  # base64 wrapped in lines
            try:
                decoded = base64.b64decode(compact, validate=True) if compact and len(compact) % 4 == 0 else b""
            except binascii.Error:
                decoded = b""
            if not decoded:
                raise
            get_logger(__name__).warning(
                "%s is base64 but not PEM: it is sent as given. Flux needs a PEM %s; if the registry connection "
                "fails, check this value.", flag, "private key" if "key" in flag else "certificate")  # fmt: skip
            return compact

    return parse


tls_certificate = _tls("check_certificate")
tls_private_key = _tls("check_pem_private_key")


def _pairs(items, flag, example):
    """['k=v', ...] -> {k: v}; a typed error naming the option otherwise."""
    from azext_k8s_flux._validators import split_key_value

    result = {}
    for item in items or []:
        pair = split_key_value(item, strip_value=True)
        if pair is None:
            raise _invalid(f"Invalid {flag} item: use {example}.")
        result[pair[0]] = pair[1]
    return result


def verification_keys(items, flag):
    """NAME=BASE64_PUBLIC_KEY items -> {name: key}."""
    return _pairs(items, flag, "NAME=BASE64_PUBLIC_KEY")


def oidc_identities(items, flag):
    """Items, each issuer=REGEX,subject=REGEX or the official JSON form (an object {"issuer": ..., "subject": ...}
    or a list of them) -> [{issuer, subject}]."""
    return [match for item in items for match in _identities(str(item), flag)]


def _identities(item, flag):
    import json

    text = item.strip()
    if text.startswith(("{", "[")):
        try:
            loaded = json.loads(text)
        except ValueError:
            raise _invalid(f"Invalid {flag} item: it is not valid JSON. Use {_IDENTITY_FORMS}.") from None
        objects = loaded if isinstance(loaded, list) else [loaded]
        if not objects or not all(_is_identity(obj) for obj in objects):
            raise _invalid(
                f"Invalid {flag} item: each JSON object needs string 'issuer' and 'subject' fields. "
                f"Use {_IDENTITY_FORMS}."
            )
        return [{"issuer": obj["issuer"], "subject": obj["subject"]} for obj in objects]
    pairs = _pairs(text.split(","), flag, _IDENTITY_FORMS)
    if set(pairs) != {"issuer", "subject"}:
        raise _invalid(f"Invalid {flag} item: use {_IDENTITY_FORMS}.")
    return [{"issuer": pairs["issuer"], "subject": pairs["subject"]}]


def _is_identity(obj):
    return isinstance(obj, dict) and all(isinstance(obj.get(key), str) and obj[key] for key in ("issuer", "subject"))
