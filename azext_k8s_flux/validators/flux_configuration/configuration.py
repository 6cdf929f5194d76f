"""The configuration itself: name, scope and namespace, and the kustomizations of a create."""

from azure.cli.core.azclierror import InvalidArgumentValueError

from azext_k8s_flux._validators import (
    MAX_OBJECT_NAME,
    check_dns1123_label,
    check_dns1123_subdomain,
    kustomization_object_name,
)
from azext_k8s_flux.validators.flux_configuration.kustomizations import (
    DEFAULT_NAME,
    DEFAULT_PATH,
    validate_kustomizations,
)

SCOPES = ("cluster", "namespace")


def validate_configuration(name, scope, namespace):
    # The service takes a DNS subdomain of at most 63 characters (team.apps), as the official command does.
    check_dns1123_subdomain(name, "configuration name (-n/--name)", max_length=MAX_OBJECT_NAME)
    if scope not in SCOPES:
        raise InvalidArgumentValueError(f"Invalid --scope '{scope}': use cluster or namespace.")
    check_dns1123_label(namespace, "namespace (--namespace)")


def kustomizations_for_create(config_name, kustomizations):
    """(specs, defaulted): the -k kustomizations, checked, or the default one when none was given."""
    specs = list(kustomizations or [])
    defaulted = not specs
    if defaulted:
        specs = [{"name": DEFAULT_NAME, "path": DEFAULT_PATH}]
        if not kustomization_object_name(config_name, DEFAULT_NAME)[1]:
            raise InvalidArgumentValueError(
                f"Without -k, a kustomization named '{DEFAULT_NAME}' is created, and its object in the cluster, "
                f"'{config_name}-{DEFAULT_NAME}', would be longer than 63 characters. Give a kustomization with a "
                "short name (for example -k name=main path=./) or a shorter -n/--name."
            )
    validate_kustomizations(config_name, specs)
    return specs, defaulted


def validate_server_wait(wait_for_reconciliation, reconciliation_wait_duration):
    """The service-side wait of a PUT: (waitForReconciliation, ISO-8601 duration), both None when not asked."""
    from azure.cli.core.azclierror import MutuallyExclusiveArgumentError

    from azext_k8s_flux.validators.flux_configuration.durations import parse_duration

    if reconciliation_wait_duration is None:
        return wait_for_reconciliation, None
    if wait_for_reconciliation is False:
        raise MutuallyExclusiveArgumentError(
            "--reconciliation-wait-duration sets how long Azure waits for reconciliation: it needs "
            "--wait-for-reconciliation true (or leave that option out)."
        )
    seconds = parse_duration(reconciliation_wait_duration, "--reconciliation-wait-duration")
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    iso = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + (f"{secs}S" if secs else "")
    return True, iso
