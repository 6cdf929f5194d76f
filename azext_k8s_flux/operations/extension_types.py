"""`az k8s-extension extension-types ...`: the catalogue of installable extension types and their versions, by
cluster (what that cluster can install) or by region. Read-only; results are the SDK models, shown as the
official command shows them (properties nested, so `--query "[0].properties.version"` works)."""

from azext_k8s_flux._cluster import cluster_ref
from azext_k8s_flux._validators import require_value
from azext_k8s_flux.operations._errors import arm_errors


def _cluster(resource_group_name, cluster_name, cluster_type, cluster_resource_provider):
    return cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)


def _type_name(extension_type):
    require_value(extension_type, "--extension-type", "extension type")
    return extension_type.strip()


def _location(location):
    require_value(location, "-l/--location", "region")
    return "".join(location.split()).lower()  # the display name "West Europe" is the region westeurope


def _unknown_type(name, where, listing):
    return f"Extension type '{name}' is not offered {where}. See the types that are: {listing}"


def _unknown_version(name, version, where, listing):
    return f"Version {version} of extension type '{name}' is not published {where}. See its versions: {listing}"


def _latest_flag(show_latest):
    # The service reads an absent showLatest as false; send it only when asked, as the SDK leaves it out.
    return True if show_latest else None


def extension_types_list_by_cluster(cmd, client, resource_group_name, cluster_name, cluster_type,
                                    cluster_resource_provider=None, plan_publisher=None, plan_product=None,
                                    plan_name=None, release_train=None):
    """The extension types that can be installed on this cluster."""
    cluster = _cluster(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    with arm_errors(f"the extension types of {cluster.describe()}", cluster):
        return list(client.list(*cluster.sdk_args(), publisher_id=plan_publisher, offer_id=plan_product,
                                plan_id=plan_name, release_train=release_train))


def extension_types_show_by_cluster(cmd, client, resource_group_name, cluster_name, cluster_type, extension_type,
                                    cluster_resource_provider=None):
    """One extension type, as this cluster can install it."""
    cluster = _cluster(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    name = _type_name(extension_type)
    listing = f"az k8s-extension extension-types list-by-cluster {cluster.cli_args()}"
    with arm_errors(f"extension type '{name}' for {cluster.describe()}", cluster,
                    not_found=_unknown_type(name, f"for {cluster.describe()}", listing)):
        return client.get(*cluster.sdk_args(), name)


def extension_types_list_versions_by_cluster(cmd, client, resource_group_name, cluster_name, cluster_type,
                                             extension_type, cluster_resource_provider=None, release_train=None,
                                             major_version=None, show_latest=None):
    """The versions of an extension type this cluster can install, newest first."""
    cluster = _cluster(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    name = _type_name(extension_type)
    listing = f"az k8s-extension extension-types list-by-cluster {cluster.cli_args()}"
    with arm_errors(f"the versions of extension type '{name}' for {cluster.describe()}", cluster,
                    not_found=_unknown_type(name, f"for {cluster.describe()}", listing)):
        return list(client.cluster_list_versions(*cluster.sdk_args(), name, release_train=release_train,
                                                 major_version=major_version, show_latest=_latest_flag(show_latest)))


def extension_types_show_version_by_cluster(cmd, client, resource_group_name, cluster_name, cluster_type,
                                            extension_type, version, cluster_resource_provider=None):
    """One version of an extension type, for this cluster."""
    cluster = _cluster(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    name = _type_name(extension_type)
    require_value(version, "--version", "version")
    listing = f"az k8s-extension extension-types list-versions-by-cluster {cluster.cli_args()} --extension-type {name}"
    with arm_errors(f"version {version} of extension type '{name}' for {cluster.describe()}", cluster,
                    not_found=_unknown_version(name, version, f"for {cluster.describe()}", listing)):
        return client.cluster_get_version(*cluster.sdk_args(), name, version.strip())


def extension_types_list_by_location(cmd, client, location, plan_publisher=None, plan_product=None, plan_name=None,
                                     release_train=None, cluster_type=None):
    """The extension types offered in a region."""
    location = _location(location)
    with arm_errors(f"the extension types of region '{location}'"):
        return list(client.location_list(location, publisher_id=plan_publisher, offer_id=plan_product,
                                         plan_id=plan_name, release_train=release_train, cluster_type=cluster_type))


def extension_types_show_by_location(cmd, client, location, extension_type):
    """One extension type, as a region offers it."""
    location, name = _location(location), _type_name(extension_type)
    listing = f"az k8s-extension extension-types list-by-location -l {location}"
    with arm_errors(f"extension type '{name}' in region '{location}'",
                    not_found=_unknown_type(name, f"in region '{location}'", listing)):
        return client.location_get(location, name)


def extension_types_list_versions_by_location(cmd, client, location, extension_type, release_train=None,
                                              cluster_type=None, major_version=None, show_latest=None):
    """The versions of an extension type offered in a region, newest first."""
    location, name = _location(location), _type_name(extension_type)
    listing = f"az k8s-extension extension-types list-by-location -l {location}"
    with arm_errors(f"the versions of extension type '{name}' in region '{location}'",
                    not_found=_unknown_type(name, f"in region '{location}'", listing)):
        return list(client.list_versions(location, name, release_train=release_train, cluster_type=cluster_type,
                                         major_version=major_version, show_latest=_latest_flag(show_latest)))


def extension_types_show_version_by_location(cmd, client, location, extension_type, version):
    """One version of an extension type, in a region."""
    location, name = _location(location), _type_name(extension_type)
    require_value(version, "--version", "version")
    listing = f"az k8s-extension extension-types list-versions-by-location -l {location} --extension-type {name}"
    with arm_errors(f"version {version} of extension type '{name}' in region '{location}'",
                    not_found=_unknown_version(name, version, f"in region '{location}'", listing)):
        return client.get_version(location, name, version.strip())
