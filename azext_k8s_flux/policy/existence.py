"""existenceCondition of the two definitions: what a cluster's resource must match to count as compliant.

Every field with a published alias is compared (aliases.py); the kustomizations have one alias for the whole map,
so each kustomization's fields are compared through `value` expressions over it, guarded with if() so that a
missing kustomization or key reads as a mismatch instead of an evaluation error. Secret values are write-only
and never compared. What cannot be compared is returned, so that the output can say so.
"""

from azext_k8s_flux.document.arm_template import literal
from azext_k8s_flux.flux_model.kinds import KINDS
from azext_k8s_flux.policy.aliases import extension_alias, flux_alias
from azext_k8s_flux.policy.values import quoted

_MISSING = "'<missing>'"
_NO_LIST = "json('[]')"


def _expected(path, value, by_path):
    return by_path.get(path, literal(value))


def _leaves(node, prefix):
    for key, value in node.items():
        if isinstance(value, dict) and value:
            yield from _leaves(value, (*prefix, key))
        else:
            yield (*prefix, key), value


def _map_entry(map_expression, key, then, otherwise=_MISSING):
    """then(entry expression) when the map has `key`; otherwise a value that matches nothing."""
    entry = f"{map_expression}[{quoted(key)}]"
    return f"if(contains(coalesce({map_expression}, createObject()), {quoted(key)}), {then(entry)}, {otherwise})"


def _depends_on(entry):
    return _map_entry(entry, "dependsOn", lambda d: f"coalesce({d}, {_NO_LIST})", _NO_LIST)


def _kustomization_checks(kustomizations, by_path, not_compared):
    whole = f"field('{flux_alias('kustomizations')}')"
    checks = [{"value": f"[length(coalesce({whole}, createObject()))]", "equals": len(kustomizations)}]
    for name, body in kustomizations.items():
        for key, value in body.items():
            path = ("kustomizations", name, key)
            if key == "dependsOn":
                safe = _map_entry(whole, name, _depends_on, _NO_LIST)
                checks.append({"value": f"[length({safe})]", "equals": len(value)})
                checks += [{"value": f"[contains({safe}, {quoted(item)})]", "equals": True} for item in value]
            elif isinstance(value, (dict, list)):
                not_compared.append(".".join(path))
            else:
                expression = _map_entry(whole, name, lambda e, k=key: _map_entry(e, k, lambda v: v))
                checks.append({"value": f"[{expression}]", "equals": _expected(path, value, by_path)})
    return checks


def configuration_condition(properties, by_path):
    """(existenceCondition, [paths not compared]) of a configuration's writable properties."""
    not_compared = []
    checks = [{"field": flux_alias("provisioningState"), "notEquals": "Failed"}]
    source_key = KINDS[properties["sourceKind"]].property
    for key, value in properties.items():
        if key in ("kustomizations", "configurationProtectedSettings"):
            continue
        pairs = _leaves(value, (key,)) if key == source_key else [((key,), value)]
        for path, leaf in pairs:
            alias = flux_alias(".".join(path))
            if alias is None or isinstance(leaf, (dict, list)):
                not_compared.append(".".join(path))
                continue
            checks.append({"field": alias, "equals": _expected(path, leaf, by_path)})
    checks += _kustomization_checks(properties.get("kustomizations") or {}, by_path, not_compared)
    return {"allOf": checks}, not_compared


def extension_condition(properties, by_path):
    """existenceCondition of microsoft.flux with the given writable properties (its settings compared key by
    key through the configurationSettings alias)."""
    checks = [{"field": extension_alias("extensionType"), "equals": "microsoft.flux"},
              {"field": extension_alias("provisioningState"), "notEquals": "Failed"}]  # fmt: skip
    for key in ("releaseTrain", "autoUpgradeMinorVersion", "version"):
        if key in properties:
            checks.append({"field": extension_alias(key), "equals": literal(properties[key])})
    namespace = ((properties.get("scope") or {}).get("cluster") or {}).get("releaseNamespace")
    if namespace:
        checks.append({"field": extension_alias("scope.cluster.releaseNamespace"), "equals": literal(namespace)})
    settings = f"field('{extension_alias('configurationSettings')}')"
    for key, value in (properties.get("configurationSettings") or {}).items():
        expected = _expected(("configurationSettings", key), value, by_path)
        checks.append({"value": f"[{_map_entry(settings, key, lambda v: v)}]", "equals": expected})
    return {"allOf": checks}
