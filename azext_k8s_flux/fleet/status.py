"""`az k8s-configuration flux status`: every Flux configuration in a scope, from one paged Resource Graph query."""

from knack.log import get_logger

logger = get_logger(__name__)

COMPLIANT = "Compliant"


def flux_fleet_status(cmd, name=None, subscriptions=None, management_groups=None, resource_group_name=None,
                      compliance_state=None, synced_to=None, not_synced_to=None, missing=False,
                      fail_on_noncompliant=False, verify_with_arm=False, url=None):
    """One row per configuration (cluster, compliance, synced commit, failure) and counts by compliance x commit."""
    from azext_k8s_flux.fleet import commits, kql
    from azext_k8s_flux.fleet.common import counts, explain_empty, fleet_graph
    from azext_k8s_flux.fleet.rows import configuration_row
    from azext_k8s_flux.fleet.scope import fleet_scope

    scope = fleet_scope(cmd.cli_ctx, subscriptions, management_groups, resource_group_name)
    if missing:
        return _missing(cmd, scope, name)
    synced = commits.parse_commit(synced_to, "--synced-to") if synced_to else None
    not_synced = commits.parse_commit(not_synced_to, "--not-synced-to") if not_synced_to else None
    graph = fleet_graph(cmd, scope)
    query = kql.flux_configurations(_names(name), scope.resource_groups, compliance_state, url)
    rows = [configuration_row(row) for row in graph.rows(query)]
    rows = [row for row in rows if (not synced or commits.matches(row["sourceSyncedCommitId"], synced))
            and not (not_synced and commits.matches(row["sourceSyncedCommitId"], not_synced))]  # fmt: skip
    if verify_with_arm:
        rows = _verified(cmd.cli_ctx, rows)
    if not rows:
        explain_empty(graph, scope, "None of the {clusters} clusters has a Flux configuration that matches")
    if fail_on_noncompliant:
        _fail_unless_compliant(cmd.cli_ctx, rows)
    return {"total": len(rows), "summary": counts(rows, "complianceState", "sourceSyncedCommitId"),
            "configurations": rows}  # fmt: skip


def _missing(cmd, scope, name):
    """Clusters in scope without a configuration called `name`."""
    from azure.cli.core.azclierror import RequiredArgumentMissingError

    from azext_k8s_flux.fleet import kql
    from azext_k8s_flux.fleet.common import explain_empty, fleet_graph
    from azext_k8s_flux.fleet.rows import cluster_row

    names = _names(name)
    if len(names) != 1:
        raise RequiredArgumentMissingError("--missing lists the clusters without one configuration: give its name "
                                           "with -n/--name (one name).")  # fmt: skip
    graph = fleet_graph(cmd, scope)
    rows = [cluster_row(row) for row in graph.rows(kql.clusters_without_configuration(names[0], scope.resource_groups))]
    if not rows:
        explain_empty(graph, scope, f"Each of the {{clusters}} clusters has a Flux configuration named '{names[0]}'")
    return rows


def _verified(cli_ctx, rows):
    """Rows that are not Compliant, re-read through ARM (the others are kept as Resource Graph has them)."""
    from azext_k8s_flux.fleet.verify import reread_configurations

    flagged = [row for row in rows if row["complianceState"] != COMPLIANT]
    kept = [row for row in rows if row["complianceState"] == COMPLIANT]
    return kept + reread_configurations(cli_ctx, flagged)


def _fail_unless_compliant(cli_ctx, rows):
    from azext_k8s_flux import _exit_codes

    failing = [row for row in rows if row["complianceState"] != COMPLIANT]
    if failing:
        logger.error("%d of %d Flux configurations are not compliant.", len(failing), len(rows))
        _exit_codes.exit_after_output(cli_ctx, _exit_codes.NOT_COMPLIANT)


def _names(name):
    from azext_k8s_flux.fleet.scope import listed

    return listed(name)
