"""Flux configurations: validated arguments -> the PUT body (FluxConfiguration) or the PATCH body."""

from azext_k8s_flux import _sdk
from azext_k8s_flux.payloads.flux_sources import build_source, build_source_patch, source_attribute
from azext_k8s_flux.payloads.kustomizations import build_kustomizations, build_kustomizations_patch


def build_flux_configuration(scope, namespace, source, kustomizations, suspend=None, server_wait=(None, None)):
    """PUT body. `source` is a ValidatedSource; `kustomizations` a list of parsed kustomizations;
    `server_wait` the validated (waitForReconciliation, reconciliationWaitDuration) pair."""
    models = _sdk.flux_models()
    properties = models.FluxConfigurationProperties(
        scope=scope,
        namespace=namespace,
        source_kind=source.kind,
        suspend=bool(suspend),
        kustomizations=build_kustomizations(kustomizations),
    )
    setattr(properties, source_attribute(source.kind), build_source(source.kind, source.source))
    if source.protected:
        properties.configuration_protected_settings = dict(source.protected)
    wait_for_reconciliation, wait_duration = server_wait
    if wait_for_reconciliation is not None:
        properties.wait_for_reconciliation = wait_for_reconciliation
    if wait_duration:
        properties.reconciliation_wait_duration = wait_duration
    return models.FluxConfiguration(properties=properties)


def build_flux_configuration_patch(source=None, kustomizations=None, suspend=None, clear_kinds=(), protected=None):
    """PATCH body holding only what changes.

    `source`: a ValidatedSource with the changed source fields (or None); `kustomizations`: {name: changed
    fields, or None to remove} (or None); `clear_kinds`: source kinds to remove (switching kind sends the old
    source objects as null); `protected`: {key: base64 value, or None to remove} for configurationProtectedSettings.
    """
    models = _sdk.flux_models()
    properties = models.FluxConfigurationPatchProperties()
    for kind in clear_kinds:
        setattr(properties, source_attribute(kind), _sdk.explicit_null())
    if clear_kinds:
        properties.source_kind = source.kind
    if source is not None and source.source:
        setattr(properties, source_attribute(source.kind), build_source_patch(source.kind, source.source))
    if protected:
        properties.configuration_protected_settings = dict(protected)
    if kustomizations:
        properties.kustomizations = build_kustomizations_patch(kustomizations)
    if suspend is not None:
        properties.suspend = bool(suspend)
    return models.FluxConfigurationPatch(properties=properties)
