"""The inputs (document + command line) through the validators the options go through: the PUT body of a create,
and the checks an update makes before and after reading the configuration."""

from dataclasses import dataclass

from azure.cli.core.azclierror import InvalidArgumentValueError


@dataclass
class Desired:
    body: object  # FluxConfiguration (the PUT body)
    source: object  # ValidatedSource
    defaulted: object  # the default kustomization when none was given (for the note), else None


def desired_configuration(inputs):
    from azext_k8s_flux.flux_model.kinds import GIT
    from azext_k8s_flux.payloads.flux_configuration import build_flux_configuration
    from azext_k8s_flux.validators.flux_configuration.configuration import (
        kustomizations_for_create,
        validate_configuration,
        validate_server_wait,
    )
    from azext_k8s_flux.validators.flux_configuration.sources import validate_source

    scope, namespace = inputs.scope or "cluster", inputs.namespace or "default"
    validate_configuration(inputs.name, scope, namespace)
    source = validate_source(inputs.kind or GIT, inputs.options)
    specs, defaulted = kustomizations_for_create(inputs.name, inputs.kustomizations)
    server_wait = validate_server_wait(inputs.wait_for_reconciliation, inputs.reconciliation_wait_duration)
    body = build_flux_configuration(scope, namespace, source, specs, inputs.suspend, server_wait)
    return Desired(body, source, specs[0] if defaulted else None)


def check_before_update(inputs):
    """What can be checked without the configuration: a document's complete source (one with a URL) and its
    kustomizations, so that a bad document stops before any request."""
    from azext_k8s_flux.validators.flux_configuration.configuration import validate_configuration
    from azext_k8s_flux.validators.flux_configuration.kustomizations import validate_kustomizations
    from azext_k8s_flux.validators.flux_configuration.sources import validate_source

    if inputs.document is None:
        return
    validate_configuration(inputs.name, inputs.scope or "cluster", inputs.namespace or "default")
    if inputs.kind and inputs.options.get("url"):
        validate_source(inputs.kind, inputs.options)
    if inputs.kustomizations:
        validate_kustomizations(inputs.name, inputs.kustomizations)


def check_unchangeable(inputs, properties):
    """scope, namespace and the server-side wait are set by a PUT only: an update that asks to change them is
    refused (a document that repeats them is fine)."""
    from azext_k8s_flux.validators.flux_configuration.configuration import validate_server_wait

    wait, duration = validate_server_wait(inputs.wait_for_reconciliation, inputs.reconciliation_wait_duration)
    asked = {"scope": inputs.scope, "namespace": inputs.namespace, "waitForReconciliation": wait,
             "reconciliationWaitDuration": duration}  # fmt: skip
    differ = [key for key, value in asked.items() if value is not None and value != properties.get(key)]
    if differ:
        now = ", ".join(f"{key} {properties.get(key)!r}" for key in differ)
        raise InvalidArgumentValueError(
            f"{', '.join(differ)} of the configuration cannot be changed by an update (now: {now}).",
            "Use `az k8s-configuration flux create --file` to replace the configuration, or leave these keys as they "
            "are.",
        )
