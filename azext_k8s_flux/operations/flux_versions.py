"""A pinned microsoft.flux version against the published ones: one read of the extensionTypes catalogue for the
cluster, made only when a command pins a version (create/update --version)."""

from knack.log import get_logger

logger = get_logger(__name__)


def published_flux_versions(cli_ctx, cluster, release_train):
    """The microsoft.flux versions this cluster can install on the release train (None for the service's default,
    stable), or None when the catalogue cannot be read: then the version is not checked, and the service judges."""
    from azure.core.exceptions import HttpResponseError, ServiceRequestError, ServiceResponseError

    from azext_k8s_flux._client_factory import cf_extension_types
    from azext_k8s_flux.validators.extension_rules import FLUX_EXTENSION_TYPE

    client = cf_extension_types(cli_ctx)
    try:
        versions = client.cluster_list_versions(*cluster.sdk_args(), FLUX_EXTENSION_TYPE, release_train=release_train)
        return [item.properties.version for item in versions if item.properties]
    except (HttpResponseError, ServiceRequestError, ServiceResponseError) as error:
        logger.warning("The published microsoft.flux versions could not be read (%s), so --version was not checked "
                       "against them.", getattr(error, "message", None) or type(error).__name__)
        return None


def check_flux_version_published(cli_ctx, cluster, version, release_train):
    """Refuse an unpublished pinned version; warn about one outside the N-2 window (nothing to do unpinned)."""
    if version is None:
        return
    from azext_k8s_flux.validators.extension_rules import FLUX_EXTENSION_TYPE, check_flux_support_window

    train = f" --release-train {release_train}" if release_train else ""
    listing = (f"az k8s-extension extension-types list-versions-by-cluster {cluster.cli_args()} "
               f"--extension-type {FLUX_EXTENSION_TYPE}{train}")
    check_flux_support_window(version, published_flux_versions(cli_ctx, cluster, release_train), listing)
