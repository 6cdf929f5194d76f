"""`az k8s-configuration flux deployed-object list|show`: the Flux objects a configuration created in the
cluster, read from the configuration's `statuses` (one GET)."""

from azure.cli.core.azclierror import InvalidArgumentValueError, ResourceNotFoundError

from azext_k8s_flux._cluster import cluster_ref
from azext_k8s_flux.operations.flux import get_configuration_json


def _statuses(client, cluster, name):
    return list((get_configuration_json(client, cluster, name).get("properties") or {}).get("statuses") or [])


def _describe(status):
    namespace = status.get("namespace")
    return f"{status.get('kind')}/{status.get('name')}" + (f" in namespace {namespace}" if namespace else "")


def deployed_object_list(cmd, client, resource_group_name, cluster_name, cluster_type, name,
                         cluster_resource_provider=None):  # fmt: skip
    """List the objects deployed by a Flux configuration, with their compliance."""
    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    return _statuses(client, cluster, name)


def deployed_object_show(cmd, client, resource_group_name, cluster_name, cluster_type, name, object_name,
                         object_namespace=None, object_kind=None, cluster_resource_provider=None):  # fmt: skip
    """Show one object deployed by a Flux configuration."""
    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    statuses = _statuses(client, cluster, name)

    def matches(status):
        return (
            status.get("name") == object_name
            and (object_namespace is None or (status.get("namespace") or "") == object_namespace)
            and (object_kind is None or str(status.get("kind") or "").lower() == object_kind.lower())
        )

    found = [status for status in statuses if matches(status)]
    if len(found) == 1:
        return found[0]
    if found:
        raise InvalidArgumentValueError(
            f"Several objects are named '{object_name}' ({'; '.join(_describe(s) for s in found)}): "
            "add --object-kind and --object-namespace."
        )
    known = "; ".join(_describe(s) for s in statuses) or "none yet"
    wanted = "/".join(filter(None, [object_kind, object_name]))
    raise ResourceNotFoundError(
        f"Object '{wanted}'{f' in namespace {object_namespace}' if object_namespace else ''} was not deployed by "
        f"Flux configuration '{name}'. Its objects: {known}."
    )
