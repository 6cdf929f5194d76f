"""The description of a Flux configuration's source options (kinds.py, source_fields.py), and what is derived from it.

Where is X decided? A source option's API path, secret-ness, file form, official alias, help, API version and
Flux v1 origin: source_fields.py; the check of its value (its field's `parse`): source_values.py. Cross-field rules
of a kind (auth modes, ref combinations, the URL's transport): validators/flux_configuration/source_kinds.py.
Everything below reads the table when called, so that a field added to it is registered, parsed, sent and masked
with no other edit.
"""

from azext_k8s_flux.flux_model import source_fields
from azext_k8s_flux.flux_model.kinds import KINDS


def fields():
    return source_fields.FIELDS


def field_named(name):
    return next(f for f in fields() if f.name == name)


def option_names():
    """Every source option (handler keyword)."""
    return frozenset(f.name for f in fields())


def kind_options(kind):
    """The source options a kind takes."""
    return frozenset(f.name for f in fields() if kind in f.kinds)


def file_fields():
    return [f for f in fields() if f.file]


def protected_keys():
    """configurationProtectedSettings keys of the source fields (removed together when the kind changes)."""
    return tuple(f.protected for f in fields() if f.protected)


def masked_fields():
    """{parent object: (keys)} of the secret values in a configuration as the API returns it."""
    masked = {}
    for f in fields():
        if f.secret and f.api:
            for kind in f.kinds:
                parent, key = f.api_paths(KINDS[kind].property)
                masked.setdefault(parent, ())
                if key not in masked[parent]:
                    masked[parent] += (key,)
    return masked


def official_aliases():
    """{option: official spellings}, in table order."""
    return {f.name: f.aliases for f in fields() if f.aliases}


V1_PROTECTED = "configurationProtectedSettings."


def v1_credential_fields():
    """{Flux v1 configurationProtectedSettings key: the source field it becomes}, in table order."""
    return {f.flux_v1[len(V1_PROTECTED):]: f for f in fields() if (f.flux_v1 or "").startswith(V1_PROTECTED)}


def credential_option(v1_key):
    """The option of `flux migrate` that gives a Flux v1 credential (configurationProtectedSettings key) again: the
    v2 field's file form when it has one, e.g. sshPrivateKey -> --ssh-private-key-file."""
    field = v1_credential_fields()[v1_key]
    return field.file_flag if field.file else field.flag
