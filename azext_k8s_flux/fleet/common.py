"""What every fleet command does the same way: its Graph for the scope, and saying why a result is empty."""

from knack.log import get_logger

logger = get_logger(__name__)


def fleet_graph(cmd, scope):
    from azext_k8s_flux._client_factory import cf_resource_graph
    from azext_k8s_flux.fleet.graph import Graph

    return Graph(cf_resource_graph(cmd.cli_ctx), scope)


def explain_empty(graph, scope, none_match):
    """An empty answer says why: the scope has no clusters at all, or `none_match` (formatted with the count)."""
    from azext_k8s_flux.fleet import kql

    rows = graph.rows(kql.cluster_count(scope.resource_groups))
    clusters = sum(int(row.get("clusters") or 0) for row in rows)
    if clusters:
        logger.warning("%s (%s, as Resource Graph sees it).", none_match.format(clusters=clusters), scope.describe())
    else:
        logger.warning("No Kubernetes cluster in %s (as Resource Graph sees it).", scope.describe())
    return clusters


def counts(rows, *keys):
    """[{key...: value, count}] for each distinct combination of `keys`, largest first."""
    from collections import Counter

    tally = Counter(tuple(row.get(key) for key in keys) for row in rows)
    ordered = sorted(tally.items(), key=lambda item: (-item[1], [str(v) for v in item[0]]))
    return [{**dict(zip(keys, values, strict=True)), "count": count} for values, count in ordered]
