"""A document's kustomizations map -> kustomizations in the API's JSON shape, parsed by the same code as `-k`
(kustomization_from_values) so that a document and the command line share every rule."""

from azext_k8s_flux.document import keys, values
from azext_k8s_flux.document.source_block import unknown_key


def _substitute_from(document, path, value):
    """substituteFrom as the API writes it ([{kind, name, optional}]) -> the `-k` form (Kind:NAME[:optional])."""
    if not isinstance(value, list):
        raise _wrong_type(document, path, "a list of {kind, name, optional} mappings")
    items = []
    for index, item in enumerate(value):
        item = values.mapping(document, (*path, index), item)
        kind = values.text(document, (*path, index, "kind"), item.get("kind"))
        name = values.text(document, (*path, index, "name"), item.get("name"))
        optional = item.get("optional")
        items.append(f"{kind}:{name}" + (":optional" if optional else ""))
    return items


def _wrong_type(document, path, wanted):
    from azure.cli.core.azclierror import InvalidArgumentValueError

    return InvalidArgumentValueError(f"{document.where(path)} must be {wanted}.")


def _field_value(document, path, value, field):
    if field.parser == "duration":
        return values.seconds(document, path, value)
    if field.parser == "bool":
        return values.flag(document, path, value)
    if field.parser == "list":
        return values.text_list(document, path, value)
    if field.parser == "substitute":
        node = values.mapping(document, path, value)
        return {str(k): values.text(document, (*path, k), v) for k, v in node.items()}
    if field.parser == "substitute_from":
        return _substitute_from(document, path, value)
    return values.text(document, path, value)


def _collect(document, path, prefix, node, paths, found):
    allowed = keys.children(paths, prefix) + ([] if prefix else list(keys.KUSTOMIZATION_READ_ONLY))
    for key, value in values.mapping(document, path, node).items():
        name = keys.match(key, allowed)
        if name is None:
            raise unknown_key(document, (*path, key), allowed)
        dotted = f"{prefix}.{name}" if prefix else name
        if value is None or dotted in keys.KUSTOMIZATION_READ_ONLY:
            continue
        if dotted in paths:
            field = paths[dotted]
            found[field.key] = _field_value(document, (*path, key), value, field)
        else:
            _collect(document, (*path, key), dotted, value, paths, found)


def read_kustomizations(document):
    """[kustomization in API JSON shape] in document order, or None when the document has none."""
    from azext_k8s_flux.validators.flux_configuration.kustomizations import kustomization_from_values

    node = document.data.get("kustomizations")
    if node is None:
        return None
    specs = []
    for name, body in values.mapping(document, ("kustomizations",), node).items():
        path = ("kustomizations", name)
        found = {"name": values.text(document, path, name)}
        _collect(document, path, "", body if body is not None else {}, keys.kustomization_paths(), found)
        specs.append(kustomization_from_values(found, what=document.where(path)))
    return specs
