"""Command-line options given with --file override single fields of the document: a source option replaces that
field (a revision option replaces the document's revision: --tag over a branch), `-k name=X ...` changes the fields
it gives of kustomization X (or adds X), and -n, --scope, --namespace, --suspend and the server-side wait options
replace their keys."""

from dataclasses import dataclass, field

from azext_k8s_flux.document.inputs import DocumentInputs

# Options of which one names the revision to follow: one given on the command line replaces the document's.
_REVISIONS = ("branch", "tag", "semver", "commit", "digest")


@dataclass
class CommandLine:
    """The options of `flux create|update` other than --file (None: not given)."""

    name: str = None
    scope: str = None
    namespace: str = None
    kind: str = None
    options: dict = field(default_factory=dict)  # source options (secret files already read)
    kustomizations: list = None
    suspend: bool = None
    wait_for_reconciliation: bool = None
    reconciliation_wait_duration: str = None


def with_overrides(inputs, command_line):
    """`inputs` (a DocumentInputs, or None without --file) with the command line's options over it."""
    from azext_k8s_flux.validators.flux_configuration.sources import flag, normalize_kind

    inputs = inputs or DocumentInputs(None)
    given = {name: value for name, value in command_line.options.items() if value is not None}
    if any(name in given for name in _REVISIONS):
        for name in _REVISIONS:
            inputs.options.pop(name, None)
    for name, value in given.items():
        inputs.options[name] = value
        inputs.origins.pop(flag(name), None)
    for attribute in ("name", "scope", "namespace", "suspend", "wait_for_reconciliation",
                      "reconciliation_wait_duration"):  # fmt: skip
        value = getattr(command_line, attribute)
        if value is not None:
            setattr(inputs, attribute, value)
    if command_line.kind is not None:
        inputs.kind = normalize_kind(command_line.kind)
    if command_line.kustomizations:
        inputs.kustomizations = _merge_kustomizations(inputs.kustomizations or [], command_line.kustomizations)
    return inputs


def _merge_kustomizations(specs, given):
    merged = {spec["name"]: dict(spec) for spec in specs}
    for spec in given:
        merged.setdefault(spec["name"], {}).update(spec)
    return list(merged.values())
