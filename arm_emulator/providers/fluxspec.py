"""fluxConfigurations properties: validation and the values the service fills in (§6.11, §3.2-3.3).

Secret source fields (x-ms-secret) are dropped on the way in: they are write-only and nothing in
the emulator needs their values.
"""

from __future__ import annotations

import hashlib
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from ..agent import SOURCE_FIELDS
from ..core.errors import ArmError, validation_failed
from .common import check_types

SCOPES = ("cluster", "namespace")
_SOURCE_DEFAULTS: dict[str, dict[str, Any]] = {
    "gitRepository": {"url": None, "timeoutInSeconds": 600, "syncIntervalInSeconds": 600,
                      "repositoryRef": None, "sshKnownHosts": None, "httpsUser": None, "httpsCACert": None,
                      "localAuthRef": None, "provider": None},
    "bucket": {"url": None, "bucketName": None, "insecure": True, "timeoutInSeconds": 600,
               "syncIntervalInSeconds": 600, "accessKey": None, "localAuthRef": None},
    "azureBlob": {"url": None, "containerName": None, "timeoutInSeconds": 600, "syncIntervalInSeconds": 600,
                  "servicePrincipal": None, "managedIdentity": None, "localAuthRef": None},
    "ociRepository": {"url": None, "timeoutInSeconds": 600, "syncIntervalInSeconds": 600, "repositoryRef": None,
                      "layerSelector": None, "verify": None, "insecure": False, "useWorkloadIdentity": False,
                      "serviceAccountName": None, "localAuthRef": None},
}
_REF_KEYS = {"gitRepository": ("branch", "tag", "semver", "commit"), "ociRepository": ("tag", "semver", "digest")}
_SECRET_FIELDS = {"azureBlob": ("accountKey", "sasToken")}
# Write-only maps the service keeps but answers with every value replaced by REDACTED.
REDACTED = "<redacted>"
_REDACTED_FIELDS = {"ociRepository": ("tlsConfig",)}
_KNOWN_FIELDS = {field: {*defaults, *_SECRET_FIELDS.get(field, ()), *_REDACTED_FIELDS.get(field, ())}
                 for field, defaults in _SOURCE_DEFAULTS.items()}
_SP_SECRETS = ("clientSecret", "clientCertificate", "clientCertificatePassword")
_KUSTOMIZATION_DEFAULTS = {"path": "", "timeoutInSeconds": 600, "syncIntervalInSeconds": 600,
                           "retryIntervalInSeconds": None, "prune": False, "force": False, "wait": True}
_KUSTOMIZATION_FIELDS = {*_KUSTOMIZATION_DEFAULTS, "name", "dependsOn", "postBuild"}
# Request properties the service knows; anything else is dropped, never stored or echoed.
REQUEST_TYPES = {"scope": "string", "namespace": "string", "sourceKind": "string", "suspend": "boolean",
                 **dict.fromkeys(_SOURCE_DEFAULTS, "object"), "kustomizations": "object",
                 "configurationProtectedSettings": "map", "waitForReconciliation": "boolean",
                 "reconciliationWaitDuration": "string"}
REQUEST_FIELDS = tuple(REQUEST_TYPES)


def _invalid(message: str) -> ArmError:
    return ArmError(400, "InvalidRequestContent",
                    f"The request content was invalid and could not be deserialized: '{message}'.")


def _source(field: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _invalid(f"{field} must be an object")
    out = {k: v for k, v in value.items() if k in _KNOWN_FIELDS[field] and k not in _SECRET_FIELDS.get(field, ())}
    _redact_maps(out)
    if isinstance(out.get("servicePrincipal"), dict):
        sp = {k: v for k, v in out["servicePrincipal"].items() if k not in _SP_SECRETS}
        sp.setdefault("clientCertificateSendChain", False)
        out["servicePrincipal"] = sp
    for key, default in _SOURCE_DEFAULTS[field].items():
        if out.get(key) is None:
            out[key] = default
    if field in _REF_KEYS:
        ref = out.get("repositoryRef") or {}
        if not isinstance(ref, dict):
            raise _invalid(f"{field}.repositoryRef must be an object")
        out["repositoryRef"] = {k: ref.get(k) for k in _REF_KEYS[field]} | ref
    return out


def _redact_maps(source: dict[str, Any]) -> None:
    """ociRepository.tlsConfig and verify.verificationConfig: keep the keys, never the values."""
    if isinstance(source.get("tlsConfig"), dict):
        source["tlsConfig"] = {k: REDACTED for k, v in source["tlsConfig"].items() if v is not None}
    verify = source.get("verify")
    if isinstance(verify, dict) and isinstance(verify.get("verificationConfig"), dict):
        verify["verificationConfig"] = {k: REDACTED for k, v in verify["verificationConfig"].items() if v is not None}


def _kustomizations(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _invalid("kustomizations must be a map of objects")
    out = {}
    for name, kust in value.items():
        if kust is None:
            continue
        if not isinstance(kust, dict):
            raise _invalid(f"kustomizations.{name} must be an object")
        item = {"name": name, **{k: v for k, v in kust.items() if k in _KUSTOMIZATION_FIELDS and k != "name"}}
        for key, default in _KUSTOMIZATION_DEFAULTS.items():
            if item.get(key) is None and (key not in item or default is not None):
                item[key] = default
        deps = item.get("dependsOn")
        if deps is not None and (not isinstance(deps, list) or not all(isinstance(d, str) for d in deps)):
            raise _invalid(f"kustomizations.{name}.dependsOn must be a list of kustomization names")
        out[name] = item
    return out


def normalize(spec: dict[str, Any]) -> dict[str, Any]:
    """Validate a PUT/merged-PATCH spec and fill the service defaults; returns a new dict."""
    check_types(spec, REQUEST_TYPES)
    props = dict(spec)
    props["scope"] = props.get("scope") or "cluster"
    if props["scope"] not in SCOPES:
        raise validation_failed(f"Invalid scope '{props['scope']}'. Allowed values: 'cluster', 'namespace'.")
    props["namespace"] = props.get("namespace") or "default"
    props["sourceKind"] = props.get("sourceKind") or "GitRepository"
    if props["sourceKind"] not in SOURCE_FIELDS:
        raise validation_failed(f"Invalid source kind '{props['sourceKind']}'. Allowed values: "
                                f"{', '.join(repr(k) for k in SOURCE_FIELDS)}.")
    props["suspend"] = bool(props.get("suspend") or False)
    selected = SOURCE_FIELDS[props["sourceKind"]]
    for field in SOURCE_FIELDS.values():
        value = props.get(field)
        if value is None or (value == {} and field != selected):
            props.pop(field, None)
            continue
        props[field] = _source(field, value)
    if not (props.get(selected) or {}).get("url"):
        raise validation_failed(
            f"Invalid source kind match. Config with specified source kind '{props['sourceKind']}' must contain "
            "corresponding body specified in the properties.")
    props["kustomizations"] = _kustomizations(props.get("kustomizations"))
    return props


def public_key_for(props: dict[str, Any], secret_keys: list[str], seed: str) -> str:
    """SSH git URL and no key given: the service generates a key pair and reports its public half."""
    git = props.get("gitRepository") or {}
    if props.get("sourceKind") != "GitRepository" or "sshPrivateKey" in secret_keys or git.get("localAuthRef"):
        return ""
    return generated_public_key(str(git.get("url") or ""), seed)


def generated_public_key(url: str, seed: str) -> str:
    """The public half of the key pair the service makes for an SSH repository URL ("" for any other URL)."""
    if not (url.startswith("ssh://") or url.startswith("git@")):
        return ""
    private = ed25519.Ed25519PrivateKey.from_private_bytes(hashlib.sha256(seed.lower().encode()).digest())
    public = private.public_key().public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    return public.decode()
