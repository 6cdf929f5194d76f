"""`flux policy generate --file`: the configuration a document describes, and the microsoft.flux extension it
would run on, in the shape ARM returns them, so that the generator treats them as it treats a live cluster's.

The document is read and checked as `flux create --file` reads it (document/), through the same validators. The
configuration is what ARM holds after `flux create --file`: the PUT body with the service's defaults that the
description (flux_model) names for fields left out. Without a cluster, microsoft.flux is the one `flux create`
installs (cluster scope, flux-system, minor versions auto-upgraded, Stable) with the given settings; a setting
left out is the extension's default (flux_model/extension_settings.py). Nothing is sent.
"""

from azext_k8s_flux.document.arm_template import DEFAULT_EXTENSION


def configuration_from_document(file, name):
    """{name, properties} of the configuration in the document `file` (-n `name` over the document's)."""
    from azext_k8s_flux import _sdk
    from azext_k8s_flux.document.apply import document_inputs, naming_document_keys
    from azext_k8s_flux.document.desired import desired_configuration
    from azext_k8s_flux.document.overrides import CommandLine

    inputs = document_inputs(file, CommandLine(name=name))
    with naming_document_keys(inputs):
        desired = desired_configuration(inputs)
    properties = _sdk.as_dict(desired.body)["properties"]
    return {"name": inputs.name, "properties": with_service_defaults(properties)}


def with_service_defaults(properties):
    """`properties` with each source and kustomization field the body leaves out set to the service's default
    (a nested field only where its object is given: no service principal, no default of its fields)."""
    from azext_k8s_flux.document.writable import find, source_kind
    from azext_k8s_flux.flux_model import fields
    from azext_k8s_flux.flux_model.kustomization_fields import FIELDS

    kind = source_kind(properties)
    source = find(properties, kind.property)[1]
    if source is not None:
        _fill(source, [(f.api, f.default) for f in fields() if kind.api in f.kinds and f.api])
    kustomization_defaults = [(f.api, f.default) for f in FIELDS if f.api and f.api != "name" and f.has_default]
    for spec in (properties.get("kustomizations") or {}).values():
        _fill(spec, kustomization_defaults)
    return properties


def _fill(node, defaults):
    from azext_k8s_flux.document.writable import put_at, value_at

    for path, default in defaults:
        parent = path.rpartition(".")[0]
        if default is not None and value_at(node, path) is None and (not parent or value_at(node, parent)):
            put_at(node, node, path, default)


def extension_without_cluster(settings):
    """microsoft.flux as `flux create` installs it, with `settings` (checked as k8s-extension checks them)."""
    from azext_k8s_flux.validators.extension_rules import FLUX_RELEASE_NAMESPACE
    from azext_k8s_flux.validators.flux_settings import check_flux_settings

    checked = check_flux_settings(settings or {}, "--extension-settings")
    return {"name": DEFAULT_EXTENSION["name"], "properties": {
        **DEFAULT_EXTENSION["properties"], "scope": {"cluster": {"releaseNamespace": FLUX_RELEASE_NAMESPACE}},
        "configurationSettings": checked}}  # fmt: skip
