"""The field-level difference between a configuration as the service holds it and as a write would leave it
(what `--what-if` prints, and how `create --file` knows that nothing changed).

One row per changed leaf, by API path. Secrets are write-only (the service never returns them), so a secret is only
ever "set (value not compared)" and no row carries its value. A field the PUT leaves out is compared as the value
the service keeps for it (the description's defaults), so `timeoutInSeconds: 600` and no timeout are the same.
"""

from azext_k8s_flux.document.keys import SETTINGS, source_blocks

SECRET_CHANGE = "set (value not compared)"
_EMPTY = (None, [], {}, "")
_COMPARED = tuple(key for key in SETTINGS if key != "name") + tuple(source_blocks())


def _secret_paths():
    from azext_k8s_flux import flux_model as model
    from azext_k8s_flux.flux_model.kinds import KINDS

    return {(KINDS[kind].property, *f.api.split(".")) for f in model.fields() if f.secret and f.api for kind in f.kinds}


def _defaults():
    """{path with '*' for a kustomization name: what the service keeps when a PUT leaves the field out}."""
    from azext_k8s_flux import flux_model as model
    from azext_k8s_flux.flux_model import kustomization_fields
    from azext_k8s_flux.flux_model.kinds import KINDS

    table = {("suspend",): False}
    for f in model.fields():
        if f.api and f.default is not None:
            table.update({(KINDS[kind].property, *f.api.split(".")): f.default for kind in f.kinds})
    for f in kustomization_fields.FIELDS:
        if f.api and f.has_default and f.default is not None:
            table[("kustomizations", "*", *f.api.split("."))] = f.default
    return table


def _default(defaults, path):
    if path in defaults:
        return defaults[path]
    return defaults.get(("kustomizations", "*", *path[2:])) if path[:1] == ("kustomizations",) else None


def changes(before, after, replace):
    """Rows {path, change, before, after} from `before` to `after` (configuration properties, API JSON); `replace`:
    `after` is a whole PUT body (fields it leaves out fall back to the service defaults)."""
    rows = []
    secrets, defaults = _secret_paths(), (_defaults() if replace else {})
    # A configuration that does not exist yet has no values at all, not the defaults.
    old_defaults = defaults if before is not None else {}
    before, after = before or {}, after or {}
    for key in _COMPARED:
        _walk((key,), before.get(key), after.get(key), secrets, (old_defaults, defaults), rows)
    return rows


def _walk(path, old, new, secrets, defaults, rows):
    if path[0] == "configurationProtectedSettings" and len(path) == 2 or path in secrets:
        if new not in _EMPTY:
            rows.append({"path": ".".join(path), "change": SECRET_CHANGE})
        return
    if isinstance(old, dict) or isinstance(new, dict):
        old_map, new_map = (old if isinstance(old, dict) else {}), (new if isinstance(new, dict) else {})
        for key in list(old_map) + [k for k in new_map if k not in old_map]:
            if path[0] == "kustomizations" and len(path) == 2 and key == "name":
                continue  # read-only: the map key is the name
            _walk((*path, key), old_map.get(key), new_map.get(key), secrets, defaults, rows)
        return
    old = _default(defaults[0], path) if old is None else old
    new = _default(defaults[1], path) if new is None else new
    if _same(old, new):
        return
    change = "added" if old in _EMPTY else "removed" if new in _EMPTY else "changed"
    rows.append({"path": ".".join(path), "change": change, "before": old, "after": new})


def _same(old, new):
    if old in _EMPTY and new in _EMPTY:
        return True
    return _plain(old) == _plain(new)


def _plain(value):
    """Without the null fields the service echoes (substituteFrom's optional): they are not a difference."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def merge_patch(target, patch):
    """RFC 7386: what the service holds after a PATCH (null removes, maps merge, anything else replaces)."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result
