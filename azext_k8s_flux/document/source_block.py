"""A document's source block and configurationProtectedSettings -> the source options of `flux create|update`
({option: value} as the command line gives them), so that they go through validate_source like the options do."""

import json

from azext_k8s_flux.document import keys, references, values


def _list_value(document, path, value, field):
    """The API shape of a list option -> its command-line items."""
    if field.api == "verify.verificationConfig" and hasattr(value, "items"):
        return [f"{name}={values.text(document, (*path, name), item)}" for name, item in value.items()]
    if isinstance(value, list) and all(hasattr(item, "items") for item in value):
        return [json.dumps(dict(item)) for item in value]
    return values.text_list(document, path, value)


def option_value(document, path, value, field):
    """The value of the source option `field` from the document value at `path`."""
    if field.secret or (field.file and references.is_reference(value)):
        return references.resolve(document, path, value, field)
    if field.api and field.api.endswith("InSeconds"):
        return values.seconds(document, path, value)
    if field.value == "flag":
        return values.flag(document, path, value)
    if field.value == "list":
        return _list_value(document, path, value, field)
    return values.text(document, path, value)


def read_source_block(document, kind, block_key, inputs):
    """Every field of the source block, into inputs.options (and where each came from, into inputs.origins)."""
    paths = keys.source_paths(kind)
    _walk(document, (block_key,), "", document.data[block_key], paths, inputs)


def _walk(document, path, prefix, node, paths, inputs):
    node = values.mapping(document, path, node)
    allowed = keys.children(paths, prefix)
    for key, value in node.items():
        name = keys.match(key, allowed)
        if name is None:
            raise unknown_key(document, (*path, key), allowed)
        if value is None:
            continue  # `flux show` prints the fields it has no value for as null
        dotted = f"{prefix}.{name}" if prefix else name
        if dotted in paths:
            field = paths[dotted]
            inputs.options[field.name] = option_value(document, (*path, key), value, field)
            inputs.origins[field.flag] = (*path, key)
        else:
            _walk(document, (*path, key), dotted, value, paths, inputs)


def read_protected_settings(document, kind, inputs):
    """configurationProtectedSettings: each key is a protected source field, given as a reference."""
    node = document.data.get("configurationProtectedSettings")
    if node is None:
        return
    path = ("configurationProtectedSettings",)
    fields = keys.protected_keys(kind)
    for key, value in values.mapping(document, path, node).items():
        name = keys.match(key, fields)
        if name is None:
            _refuse_other_kinds_key(document, (*path, key), kind)
            raise unknown_key(document, (*path, key), list(fields))
        field = fields[name]
        inputs.options[field.name] = references.resolve(document, (*path, key), value, field)
        inputs.origins[field.flag] = (*path, key)


def _refuse_other_kinds_key(document, path, kind):
    from azure.cli.core.azclierror import MutuallyExclusiveArgumentError

    from azext_k8s_flux import flux_model as model

    owner = next((f for f in model.fields() if f.protected and f.protected.lower() == str(path[-1]).lower()), None)
    if owner is not None:
        raise MutuallyExclusiveArgumentError(f"{document.where(path)} is a setting of {' or '.join(owner.kinds)} "
                                             f"sources, and the document's source is {kind}.")  # fmt: skip


def unknown_key(document, path, allowed):
    from azure.cli.core.azclierror import InvalidArgumentValueError

    return InvalidArgumentValueError(
        f"Unknown {document.where(path)}.{keys.did_you_mean(path[-1], allowed)}",
        f"Keys allowed there: {', '.join(allowed) or 'none'}.",
    )
