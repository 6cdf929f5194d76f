"""`az k8s-configuration flux kustomization create|update|delete|show|list`.

Each write is GET of the configuration (to check names and the dependsOn graph) + one PATCH that touches only
that kustomization's key; the configuration's secrets are never resent. create and update take the kustomization
fields (flux_model.kustomization_fields) as **kwargs, registered from the description.
"""

from azure.cli.core.azclierror import RequiredArgumentMissingError, ResourceNotFoundError, ValidationError
from knack.log import get_logger

from azext_k8s_flux._cluster import cluster_ref
from azext_k8s_flux.operations.flux import get_configuration, get_configuration_json, send
from azext_k8s_flux.operations.wait import check_wait_options, then_wait

logger = get_logger(__name__)


def _kustomizations(configuration):
    items = (configuration.get("properties") or {}).get("kustomizations") or {}
    return {name: dict(value or {}, name=name) for name, value in items.items()}


def _find(configuration, config_name, kustomization_name):
    items = _kustomizations(configuration)
    if kustomization_name not in items:
        raise ResourceNotFoundError(
            f"Kustomization '{kustomization_name}' was not found in Flux configuration '{config_name}'. "
            f"Its kustomizations: {', '.join(sorted(items)) or 'none'}."
        )
    return items


def _spec(kustomization_name, fields):
    """The kustomization the command's options describe (`fields`: the handler's keywords, one per field of
    flux_model.kustomization_fields), in API JSON shape."""
    from azext_k8s_flux.flux_model.kustomization_fields import keys
    from azext_k8s_flux.validators.flux_configuration.kustomizations import kustomization_from_values

    unknown = sorted(set(fields) - set(keys()))
    if unknown:
        raise TypeError(f"unexpected kustomization arguments: {', '.join(unknown)}")
    values = {key: fields.get(key) for key in keys() if key != "name"}
    values["name"] = kustomization_name
    return kustomization_from_values(values, what="the kustomization")


def _patch(cmd, client, cluster, name, changes, no_wait):
    from azext_k8s_flux.payloads.flux_configuration import build_flux_configuration_patch

    return send(client.begin_update, name, cluster, build_flux_configuration_patch(kustomizations=changes), no_wait)


def kustomization_create(cmd, client, resource_group_name, cluster_name, cluster_type, name, kustomization_name,
                         cluster_resource_provider=None, wait_for_compliance=False, wait_timeout=None,
                         wait_interval=None, no_wait=False, **kwargs):  # fmt: skip
    """Add a kustomization to a Flux configuration."""
    check_wait_options(wait_for_compliance, no_wait)
    from azext_k8s_flux.validators.flux_configuration.kustomizations import validate_kustomizations

    spec = _spec(kustomization_name, kwargs)
    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    existing = _kustomizations(get_configuration_json(client, cluster, name))
    if kustomization_name in existing:
        raise ValidationError(
            f"Kustomization '{kustomization_name}' already exists in Flux configuration '{name}'. Change it with "
            f"'az k8s-configuration flux kustomization update {cluster.cli_args()} -n {name} -k {kustomization_name}'."
        )
    validate_kustomizations(name, [spec], existing)
    result = _patch(cmd, client, cluster, name, {kustomization_name: spec}, no_wait)
    return then_wait(cmd, client, cluster, name, result, wait_for_compliance, wait_timeout, wait_interval)


def kustomization_update(cmd, client, resource_group_name, cluster_name, cluster_type, name, kustomization_name,
                         cluster_resource_provider=None, wait_for_compliance=False, wait_timeout=None,
                         wait_interval=None, no_wait=False, **kwargs):  # fmt: skip
    """Change some fields of a kustomization; the others keep their values."""
    check_wait_options(wait_for_compliance, no_wait)
    from azext_k8s_flux import _sdk
    from azext_k8s_flux.payloads.flux_changes import kustomization_changes
    from azext_k8s_flux.validators.flux_configuration.kustomizations import validate_kustomizations

    spec = _spec(kustomization_name, kwargs)
    if set(spec) == {"name"}:
        raise RequiredArgumentMissingError("Nothing to update: give the fields to change, for example --path, "
                                           "--prune, --depends-on or --sync-interval.")  # fmt: skip
    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    configuration = get_configuration(client, cluster, name)
    existing = _find(_sdk.as_dict(configuration), name, kustomization_name)
    validate_kustomizations(name, [spec], existing)
    changes = kustomization_changes(spec, existing[kustomization_name])
    if not changes:
        logger.warning("Kustomization '%s' already has these settings: nothing to change.", kustomization_name)
        return then_wait(cmd, client, cluster, name, configuration, wait_for_compliance, wait_timeout, wait_interval)
    result = _patch(cmd, client, cluster, name, {kustomization_name: changes}, no_wait)
    return then_wait(cmd, client, cluster, name, result, wait_for_compliance, wait_timeout, wait_interval)


def kustomization_delete(cmd, client, resource_group_name, cluster_name, cluster_type, name, kustomization_name,
                         cluster_resource_provider=None, yes=False, no_wait=False):  # fmt: skip
    """Remove a kustomization from a Flux configuration."""
    from azext_k8s_flux.operations._prompts import confirm

    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    existing = _find(get_configuration_json(client, cluster, name), name, kustomization_name)
    dependents = sorted(k for k, v in existing.items() if kustomization_name in (v.get("dependsOn") or []))
    if dependents:
        raise ValidationError(
            (f"Kustomizations {', '.join(dependents)} depend" if len(dependents) > 1 else
             f"Kustomization {dependents[0]} depends") + f" on '{kustomization_name}': remove it from their "
            "dependsOn (kustomization update --depends-on ...) or delete them first."
        )
    message = f"Delete kustomization '{kustomization_name}' of Flux configuration '{name}'?"
    if existing[kustomization_name].get("prune"):
        message += " It has prune: the workloads it deployed will be removed from the cluster."
    confirm(message, yes, cmd.cli_ctx)
    return _patch(cmd, client, cluster, name, {kustomization_name: None}, no_wait)


def kustomization_show(cmd, client, resource_group_name, cluster_name, cluster_type, name, kustomization_name,
                       cluster_resource_provider=None):  # fmt: skip
    """Show one kustomization of a Flux configuration."""
    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    return _find(get_configuration_json(client, cluster, name), name, kustomization_name)[kustomization_name]


def kustomization_list(cmd, client, resource_group_name, cluster_name, cluster_type, name,
                       cluster_resource_provider=None):  # fmt: skip
    """List the kustomizations of a Flux configuration."""
    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    return list(_kustomizations(get_configuration_json(client, cluster, name)).values())
