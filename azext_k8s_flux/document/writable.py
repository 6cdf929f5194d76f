"""The writable part of a configuration (and of a microsoft.flux extension) as the service returns it: what a
document, a template or a policy definition sets.

Which fields exist, where they sit and what the service uses when one is left out come from the description
(flux_model). An export leaves out a field that is null or equal to that default, so that it holds what was
chosen, not what the service filled in; a policy definition keeps the defaults (keep_defaults=True), so that its
existenceCondition compares them too. Secret fields are never copied (the service does not return them; a
response that did would still not leak into an export): document/secrets_in_use.py names them instead.

Keys are matched without regard to case and written as the input spells them: `flux show -o json` prints
httpsCaCert where the API says httpsCACert, and each view keeps its own spelling.
"""

from azext_k8s_flux.flux_model.kinds import KINDS

# Top-level properties a configuration is created with, in document order; the source block, kustomizations and
# protected settings follow.
TOP_LEVEL = ("scope", "namespace", "sourceKind", "suspend", "waitForReconciliation", "reconciliationWaitDuration")


def find(node, key):
    """(key as `node` spells it, value) of `key` compared without case; (key, None) when absent."""
    if isinstance(node, dict):
        for name, value in node.items():
            if name.lower() == key.lower():
                return name, value
    return key, None


def value_at(node, dotted):
    for part in dotted.split("."):
        node = find(node, part)[1]
    return node


def put_at(target, source, dotted, value):
    """Set `value` at `dotted` in `target`, each key spelled as `source` spells it."""
    *parents, leaf = dotted.split(".")
    for part in parents:
        name, source = find(source, part)
        target = target.setdefault(name, {})
    target[find(source, leaf)[0]] = value


def _kept(value, default, keep_defaults=False):
    """Chosen, not filled in: the service answers unset lists and maps as null or empty (REST spec examples show
    `dependsOn: []`). With keep_defaults, everything the service holds a value for."""
    if keep_defaults:
        return value is not None and value != {}
    return value not in (None, [], {}) and value != default


def source_kind(properties):
    kind = find(properties, "sourceKind")[1] or "GitRepository"
    return KINDS.get(kind) or next((k for api, k in KINDS.items() if api.lower() == str(kind).lower()), None)


def source_block(properties, keep_defaults=False):
    """The live source object of a configuration, writable fields only: (its key, the object) or (None, None)."""
    from azext_k8s_flux.flux_model import fields

    kind = source_kind(properties)
    if kind is None:
        return None, None
    key, current = find(properties, kind.property)
    block = {}
    for field in fields():
        if kind.api in field.kinds and field.api and not field.secret:
            value = value_at(current, field.api)
            if _kept(value, field.default, keep_defaults):
                put_at(block, current, field.api, value)
    return key, block


def kustomizations(properties, keep_defaults=False):
    from azext_k8s_flux.flux_model.kustomization_fields import FIELDS

    key, current = find(properties, "kustomizations")
    out = {}
    for name, spec in (current or {}).items():
        out[name] = {}
        for field in FIELDS:
            if field.api in (None, "name"):  # the name is the map key (read-only in the body)
                continue
            value = value_at(spec, field.api)
            if _kept(value, field.default if field.has_default else None, keep_defaults):
                put_at(out[name], spec, field.api, value)
    return key, out


def writable(properties, keep_defaults=False):
    """The writable part of a configuration's properties (dict: flattened `flux show` output or API
    `properties`), in document order; fields at the service's default left out unless keep_defaults."""
    out = {}
    for key in TOP_LEVEL:
        name, value = find(properties, key)
        if value is not None:
            out[name] = value
    name, block = source_block(properties, keep_defaults)
    if name is not None:
        out[name] = block
    name, specs = kustomizations(properties, keep_defaults)
    if specs:
        out[name] = specs
    return out


def writable_configuration(resource):
    """{properties} of a fluxConfigurations GET (REST JSON) that a PUT would send, defaults kept, with sourceKind,
    the source block and kustomizations always present."""
    properties = resource.get("properties") or {}
    kind = source_kind(properties)
    out = writable(properties, keep_defaults=True)
    out["sourceKind"] = kind.api
    out.setdefault(kind.property, {})
    out.setdefault("kustomizations", {})
    return out


def writable_extension(resource):
    """{properties} of a microsoft.flux extension GET that a PUT would send again: release train, settings, the
    version only when it is pinned (no minor auto-upgrade), the cluster scope's release namespace. Protected
    settings are never returned, so never here."""
    props = resource.get("properties") or {}
    auto = props.get("autoUpgradeMinorVersion", True)
    body = {"extensionType": props.get("extensionType") or "microsoft.flux", "autoUpgradeMinorVersion": auto}
    if props.get("releaseTrain"):
        body["releaseTrain"] = props["releaseTrain"]
    if not auto and (props.get("version") or props.get("currentVersion")):
        body["version"] = props.get("version") or props.get("currentVersion")
    body["configurationSettings"] = dict(props.get("configurationSettings") or {})
    namespace = ((props.get("scope") or {}).get("cluster") or {}).get("releaseNamespace")
    if namespace:
        body["scope"] = {"cluster": {"releaseNamespace": namespace}}
    return body


def protected_setting_keys(resource):
    """Keys of protected settings an extension was installed with (ARM returns the keys, never the values)."""
    return sorted((resource.get("properties") or {}).get("configurationProtectedSettings") or {})
