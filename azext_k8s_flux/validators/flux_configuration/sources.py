"""Source options: which options each source kind takes, and the API fields they become.

`validate_source` turns the command's source options into a `ValidatedSource`: the source object in the
API's JSON shape, the protected settings (base64, as the API requires) and whether anything secret is in it.
Secret values never appear in error messages.
"""

from dataclasses import dataclass, field

from azure.cli.core.azclierror import (
    InvalidArgumentValueError,
    MutuallyExclusiveArgumentError,
    RequiredArgumentMissingError,
)

from azext_k8s_flux import flux_model as model
from azext_k8s_flux.flux_model.kinds import BLOB, BUCKET, GIT, KINDS, OCI, kind_named


def _a(kind):
    return KINDS[kind].article()


def flag(name):
    return model.field_named(name).flag


def parsed(given, name):
    """A given option's value as its field's parser returns it (flux_model/source_values.py), for the kind rules that
    place composed fields."""
    f = model.field_named(name)
    return given[name] if f.parse is None else f.parse(given[name], f.flag)


@dataclass
class ValidatedSource:
    kind: str
    source: dict = field(default_factory=dict)  # the source object, API JSON names
    protected: dict = field(default_factory=dict)  # configurationProtectedSettings, base64 values
    secret: bool = False  # True when the request body will carry a secret

    @property
    def property_name(self):
        return KINDS[self.kind].property


def normalize_kind(value):
    kind = kind_named(value or "git")
    if kind is None:
        raise InvalidArgumentValueError(f"Invalid --kind '{value}': use git, bucket, azblob or oci.")
    return kind


def given_options(opts):
    names = model.option_names()
    return {name: value for name, value in opts.items() if name in names and value is not None}


def check_options_fit_kind(kind, opts):
    takes = model.kind_options(kind)
    stray = sorted(set(given_options(opts)) - takes)
    if stray:
        raise MutuallyExclusiveArgumentError(
            f"{', '.join(flag(s) for s in stray)} cannot be used with {_a(kind)} source (--kind {KINDS[kind].option}). "
            f"Options for this kind: {', '.join(sorted(flag(o) for o in takes))}."
        )


def check_not_empty(given):
    """An empty value (an unset variable in a pipeline, an empty secret file) is never a valid setting: the
    service would store it and Flux would fail later in the cluster, far from the command that caused it."""
    empty = sorted(flag(name) for name, value in given.items() if isinstance(value, str) and not value.strip())
    if empty:
        raise InvalidArgumentValueError(
            f"{', '.join(empty)} {'is' if len(empty) == 1 else 'are'} empty: give a value, or leave the option out. "
            "(An unset variable or an empty file gives an empty value.)"
        )


def validate_source(kind_value, opts, existing=None):
    """Validate the source options of create (existing None) or of an update of the same kind.

    `opts` maps handler parameter names to values (None = not given); secret files are already read.
    `existing` is the current source object (API JSON) when updating: only given options are returned,
    and checks that need the URL use the current one.
    """
    from azext_k8s_flux.validators.flux_configuration import source_kinds

    kind = normalize_kind(kind_value)
    check_options_fit_kind(kind, opts)
    given = given_options(opts)
    check_not_empty(given)
    result = ValidatedSource(kind)
    partial = existing is not None
    if "url" not in given and not partial:
        raise RequiredArgumentMissingError(f"--url is required for {_a(kind)} source.")
    _apply_parsed_fields(kind, given, result)
    check = {GIT: source_kinds.git, BUCKET: source_kinds.bucket, BLOB: source_kinds.azure_blob, OCI: source_kinds.oci}
    check[kind](given, result, existing or {}, partial)
    # Whether the body is kept out of --debug: the description says which options are secret.
    result.secret = result.secret or any(result.protected.values()) or any(f.secret for f in model.fields()
                                                                           if f.name in given)  # fmt: skip
    return result


def _apply_parsed_fields(kind, given, result):
    """The fields the description parses itself (those with `parse`): each value parsed and placed at its API path,
    or in the protected settings; the kind's rules then do the rest."""
    for f in model.fields():
        if f.parse is None or f.composed or f.name not in given or kind not in f.kinds:
            continue
        value = f.parse(given[f.name], f.flag)
        if f.protected:
            from azext_k8s_flux.validators.flux_configuration.keys import b64encode

            result.protected[f.protected] = b64encode(value, f.flag)
        else:
            *parents, key = f.api.split(".")
            node = result.source
            for parent in parents:
                node = node.setdefault(parent, {})
            node[key] = value
        result.secret = result.secret or f.secret
