"""`az k8s-extension status`: an extension's versions and provisioning states across a scope, and for microsoft.flux
each cluster's place in the supported window (the latest minor version and the two before it, from the
extensionTypes catalogue of the cluster's region) with its upgrade path."""

from knack.log import get_logger

logger = get_logger(__name__)

# microsoft.flux 1.23.0 removed Flux's beta APIs: a cluster on 1.20.x or older must first run a 1.21.x or 1.22.x
# version (which migrates stored objects off those APIs) before it can take 1.23.0 or later.
BETA_APIS_REMOVED_IN = (1, 23, 0)
INTERIM_FROM, INTERIM_BELOW = (1, 21, 0), (1, 23, 0)


def extension_fleet_status(cmd, extension_type="microsoft.flux", subscriptions=None, management_groups=None,
                           resource_group_name=None, outside_window=False):
    """One row per installed extension of the type, with counts by version x provisioning state."""
    from azext_k8s_flux.fleet import kql
    from azext_k8s_flux.fleet.common import counts, explain_empty, fleet_graph
    from azext_k8s_flux.fleet.rows import extension_row
    from azext_k8s_flux.fleet.scope import fleet_scope
    from azext_k8s_flux.validators.extension_rules import FLUX_EXTENSION_TYPE

    scope = fleet_scope(cmd.cli_ctx, subscriptions, management_groups, resource_group_name)
    graph = fleet_graph(cmd, scope)
    rows = [extension_row(row) for row in graph.rows(kql.extensions(extension_type, scope.resource_groups))]
    if not rows:
        explain_empty(graph, scope, f"None of the {{clusters}} clusters has a {extension_type} extension")
    if extension_type.lower() == FLUX_EXTENSION_TYPE:
        catalogue = _Catalogue(cmd.cli_ctx)
        rows = [{**row, **support_of(row["version"], catalogue.versions(row["location"], row["releaseTrain"]))}
                for row in rows]  # fmt: skip
        if outside_window:
            rows = [row for row in rows if row["supported"] is False]
    return {"total": len(rows), "summary": counts(rows, "version", "provisioningState"), "extensions": rows}


def support_of(version, published):
    """{supported, latestVersion, upgradePath} of an installed microsoft.flux version against the published ones
    (pure). Unknown (None) when the catalogue could not be read or the version is not MAJOR.MINOR.PATCH."""
    from azext_k8s_flux.validators.extension_rules import _in_window, _parse_version

    known = sorted(filter(None, map(_parse_version, published or ())))
    installed = _parse_version(str(version or ""))
    if not known or installed is None:
        return {"supported": None, "latestVersion": None, "upgradePath": None}
    latest = known[-1]
    supported = _in_window(installed, latest)
    path = [] if supported else [latest]
    if not supported and installed < INTERIM_FROM and latest >= BETA_APIS_REMOVED_IN:
        interim = [v for v in known if INTERIM_FROM <= v < INTERIM_BELOW]
        path = [interim[-1], latest] if interim else path
    return {"supported": supported, "latestVersion": _text(latest), "upgradePath": [_text(v) for v in path]}


def _text(version):
    return ".".join(map(str, version))


class _Catalogue:
    """The published microsoft.flux versions per region and release train, read once each."""

    def __init__(self, cli_ctx):
        self.cli_ctx, self.cache = cli_ctx, {}

    def versions(self, location, release_train):
        key = ((location or "").lower(), (release_train or "").lower() or None)
        if key not in self.cache:
            self.cache[key] = self._read(*key)
        return self.cache[key]

    def _read(self, location, release_train):
        from azure.core.exceptions import HttpResponseError, ServiceRequestError, ServiceResponseError

        from azext_k8s_flux._client_factory import cf_extension_types
        from azext_k8s_flux.validators.extension_rules import FLUX_EXTENSION_TYPE

        if not location:
            return None
        try:
            items = cf_extension_types(self.cli_ctx).list_versions(location, FLUX_EXTENSION_TYPE,
                                                                   release_train=release_train)  # fmt: skip
            return [item.properties.version for item in items if item.properties]
        except (HttpResponseError, ServiceRequestError, ServiceResponseError) as error:
            logger.warning("The published microsoft.flux versions in region '%s' could not be read (%s): the "
                           "support window is left unknown there.", location,
                           getattr(error, "message", None) or type(error).__name__)  # fmt: skip
            return None
