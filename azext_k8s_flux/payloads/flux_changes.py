"""What an update changes: the existing configuration (API JSON) + the given options -> only the differences.

Secrets are write-only: an update that does not give a secret leaves the stored one in place (merge-patch
leaves absent keys unchanged), so re-running update never needs every secret again.
"""

from dataclasses import dataclass, field

from azext_k8s_flux import flux_model as model
from azext_k8s_flux.flux_model import kustomization_fields
from azext_k8s_flux.flux_model.kinds import GIT, KINDS
from azext_k8s_flux.validators.flux_configuration.kustomizations import validate_kustomizations
from azext_k8s_flux.validators.flux_configuration.sources import given_options, normalize_kind, validate_source

# What the service keeps for a kustomization field that a request leaves out (arm-contract 3.3).
KUSTOMIZATION_DEFAULTS = kustomization_fields.service_defaults()


@dataclass
class UpdatePlan:
    current_kind: str
    source: object = None  # ValidatedSource with the changed fields, or None
    clear_kinds: tuple = ()
    protected: dict = field(default_factory=dict)
    kustomizations: dict = field(default_factory=dict)  # name -> changed fields, or None to remove
    suspend: object = None

    @property
    def switching_kind(self):
        return bool(self.clear_kinds)

    @property
    def secret(self):
        return bool(self.source and self.source.secret) or any(self.protected.values())

    @property
    def empty(self):
        changes_source = self.source is not None and (self.source.source or self.switching_kind)
        return not (changes_source or self.protected or self.kustomizations or self.suspend is not None)


def _same(want, have):
    empty = (None, [], {})
    if want in empty and have in empty:
        return True
    if isinstance(want, dict) and isinstance(have, dict):
        return all(_same(value, have.get(key)) for key, value in want.items())
    if isinstance(want, list) and isinstance(have, list):
        # Items the service echoes with extra null fields (substituteFrom's optional) are still the same.
        return len(want) == len(have) and all(_same(w, h) for w, h in zip(want, have, strict=True))
    return want == have


def _write_only():
    """Source fields the service never returns (or returns without their secret parts: the objects holding a
    secret field): a value for them is always sent, since the current one cannot be compared."""
    return {f.api.split(".")[0] for f in model.fields() if f.secret and f.api}


def _drop_unchanged(source, current):
    """Keep only the source fields whose value differs from the current one (secrets never compare equal:
    the service does not return them)."""
    write_only = _write_only()
    return {key: value for key, value in source.items() if key in write_only or not _same(value, current.get(key))}


def _post_build_change(want, have, complete):
    """The merge-patch of postBuild, or None when nothing changes.

    Merge-patch merges maps, so a given substitute map would only add to the stored one: the variables it
    leaves out are sent as null. A given substituteFrom list replaces the stored one (lists are replaced).
    With `complete` (flux update -k declares the whole kustomization) a part that is not given is removed.
    """
    have = have or {}
    patch = {}
    substitute = want.get("substitute")
    stored = have.get("substitute") or {}
    if "substitute" in want and (substitute or {}) != stored:
        patch["substitute"] = {**{key: None for key in stored}, **(substitute or {})}
    elif "substitute" not in want and complete and stored:
        patch["substitute"] = None
    if "substituteFrom" in want and not _same(want["substituteFrom"], have.get("substituteFrom")):
        patch["substituteFrom"] = want["substituteFrom"]
    elif "substituteFrom" not in want and complete and have.get("substituteFrom"):
        patch["substituteFrom"] = None
    return patch or None


def kustomization_changes(spec, current, defaults=None):
    """The fields of `spec` that differ from `current`; fields `spec` leaves out compare with `defaults`
    (the service defaults for a full declaration, or nothing for a partial update)."""
    if current is None:
        return dict(spec)
    changes = {}
    wanted = dict(defaults or {})
    wanted.update({key: value for key, value in spec.items() if key != "name"})
    for key, want in wanted.items():
        if key == "postBuild" and want is not None:
            change = _post_build_change(want, current.get(key), complete=defaults is not None)
            if change is not None:
                changes[key] = change
        elif not _same(want, current.get(key)):
            changes[key] = want
    return changes


def plan_kustomization_set(config_name, specs, existing):
    """`flux update --replace-kustomizations -k ...` declares the complete set: new ones added, fields left out
    back to the service defaults, kustomizations not named removed."""
    validate_kustomizations(config_name, specs)
    existing = existing or {}
    wanted = {spec["name"]: spec for spec in specs}
    changes = {name: None for name in existing if name not in wanted}
    for name, spec in wanted.items():
        diff = kustomization_changes(spec, existing.get(name), KUSTOMIZATION_DEFAULTS)
        if diff:
            changes[name] = diff if name in existing else spec
    return changes


def plan_kustomization_merge(config_name, specs, existing):
    """`flux update -k ...` changes only what it names (as the official command's merge-patch does): a named
    kustomization gets the given fields and keeps the others, a new name is created with the given fields, and
    kustomizations not named stay as they are."""
    existing = existing or {}
    validate_kustomizations(config_name, specs, existing)
    changes = {}
    for spec in specs:
        diff = kustomization_changes(spec, existing.get(spec["name"]))
        if diff:
            changes[spec["name"]] = diff
    return changes


def plan_update(config_name, existing, kind_value, options, kustomizations=None, suspend=None, replace=False):
    """The changes of `flux update`; `replace` (--replace-kustomizations) makes -k the complete set."""
    properties = existing.get("properties") or {}
    current_kind = properties.get("sourceKind") or GIT
    kind = normalize_kind(kind_value) if kind_value else current_kind
    plan = UpdatePlan(current_kind)
    if kind != current_kind:
        plan.source = validate_source(kind, options)
        plan.clear_kinds = tuple(k for k in KINDS if k != kind)
        plan.protected = {key: None for key in model.protected_keys()}
        plan.protected.update(plan.source.protected)
    elif given_options(options):
        current = properties.get(KINDS[kind].property) or {}
        plan.source = validate_source(kind, options, existing=current)
        plan.source.source = _drop_unchanged(plan.source.source, current)
        plan.protected = dict(plan.source.protected)
    if kustomizations:
        plan_kustomizations = plan_kustomization_set if replace else plan_kustomization_merge
        plan.kustomizations = plan_kustomizations(config_name, kustomizations, properties.get("kustomizations"))
    if suspend is not None and bool(suspend) != bool(properties.get("suspend")):
        plan.suspend = bool(suspend)
    return plan
