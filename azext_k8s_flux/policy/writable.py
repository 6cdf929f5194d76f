"""The writable part of a Flux configuration and of a microsoft.flux extension, from what ARM returns.

What a PUT would send to create the same resource again: read-only fields, nulls (the service's "not set") and
write-only secret fields (never returned with a value) left out. The configuration document reader of
azext_k8s_flux/document/ has the same job for documents; this is the policy generator's own small copy.
"""

from azext_k8s_flux.flux_model import fields
from azext_k8s_flux.flux_model.kinds import KINDS

_CONFIGURATION_KEYS = ("scope", "namespace", "sourceKind", "suspend", "waitForReconciliation",
                       "reconciliationWaitDuration")  # fmt: skip
_KUSTOMIZATION_READ_ONLY = ("name",)
_EXTENSION_KEYS = ("extensionType", "autoUpgradeMinorVersion", "releaseTrain", "scope", "configurationSettings")


def without_nulls(value):
    if isinstance(value, dict):
        kept = {k: without_nulls(v) for k, v in value.items() if v is not None}
        return {k: v for k, v in kept.items() if v != {}}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def secret_paths(kind):
    """Dotted paths, inside the kind's source object, of its write-only (secret) fields."""
    return [f.api for f in fields() if f.secret and f.api and kind in f.kinds]


def _drop(node, dotted):
    *parents, last = dotted.split(".")
    for key in parents:
        node = node.get(key) if isinstance(node, dict) else None
    if isinstance(node, dict):
        node.pop(last, None)


def writable_configuration(resource):
    """{properties} of a fluxConfigurations GET (REST JSON) that a PUT would send."""
    properties = dict(resource.get("properties") or {})
    kind = properties.get("sourceKind") or "GitRepository"
    source_key = KINDS[kind].property
    source = without_nulls(dict(properties.get(source_key) or {}))
    for path in secret_paths(kind):
        _drop(source, path)
    kept = {key: properties[key] for key in _CONFIGURATION_KEYS if properties.get(key) is not None}
    kept["sourceKind"] = kind
    kept[source_key] = without_nulls(source)
    kept["kustomizations"] = {
        name: without_nulls({k: v for k, v in (body or {}).items() if k not in _KUSTOMIZATION_READ_ONLY})
        for name, body in (properties.get("kustomizations") or {}).items()
    }
    return kept


def writable_extension(resource):
    """{properties} of a microsoft.flux extension GET that a PUT would send again: the version only when it is
    pinned (no minor auto-upgrade), the cluster scope with its release namespace."""
    properties = resource.get("properties") or {}
    kept = {key: properties[key] for key in _EXTENSION_KEYS if properties.get(key) is not None}
    if properties.get("autoUpgradeMinorVersion") is False and properties.get("version"):
        kept["version"] = properties["version"]
    kept["configurationSettings"] = dict(properties.get("configurationSettings") or {})
    return without_nulls(kept)


def protected_setting_keys(resource):
    """Keys of protected settings an extension was installed with (ARM returns the keys, never the values)."""
    return sorted((resource.get("properties") or {}).get("configurationProtectedSettings") or {})
