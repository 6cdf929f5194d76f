"""The configuration itself: name, scope and namespace, and the kustomizations of a create."""

from azure.cli.core.azclierror import InvalidArgumentValueError

from azext_k8s_flux._validators import check_dns1123_label
from azext_k8s_flux.validators_flux.kustomizations import DEFAULT_NAME, DEFAULT_PATH, validate_kustomizations

SCOPES = ("cluster", "namespace")


def validate_configuration(name, scope, namespace):
    check_dns1123_label(name, "configuration name (-n/--name)")
    if scope not in SCOPES:
        raise InvalidArgumentValueError(f"Invalid --scope '{scope}': use cluster or namespace.")
    check_dns1123_label(namespace, "namespace (--namespace)")


def kustomizations_for_create(config_name, kustomizations):
    """(specs, defaulted): the -k kustomizations, checked, or the default one when none was given."""
    specs = list(kustomizations or [])
    defaulted = not specs
    if defaulted:
        specs = [{"name": DEFAULT_NAME, "path": DEFAULT_PATH}]
    validate_kustomizations(config_name, specs)
    return specs, defaulted
