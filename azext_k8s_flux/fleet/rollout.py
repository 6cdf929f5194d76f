"""`az k8s-configuration flux wait-rollout`: wait until a commit has reached the configurations in a scope.

One paged Resource Graph query per poll, however many clusters; pacing, progress and exit codes are those of
`flux wait` (0 reached, 4 a configuration failed at the commit, 5 timed out).
"""

import sys
import time
from dataclasses import dataclass, field

from knack.log import get_logger

logger = get_logger(__name__)

DEFAULT_INTERVAL = 30.0  # a rollout takes minutes, and ARG's quota is shared by every query of the user


@dataclass
class Rollout:
    """Where a commit stands across the configurations in scope (pure: computed from fleet rows)."""

    commit: str
    total: int = 0
    reached: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    waiting: list = field(default_factory=list)

    def percent(self):
        return 100.0 * len(self.reached) / self.total if self.total else 0.0

    def line(self):
        return (f"{len(self.reached)} of {self.total} configurations at {self.commit} ({self.percent():.0f}%), "
                f"{len(self.failed)} failed")  # fmt: skip

    def as_result(self):
        return {"commit": self.commit, "total": self.total, "reached": len(self.reached),
                "percentage": round(self.percent(), 1), "failed": self.failed, "waiting": self.waiting}  # fmt: skip


def rollout_of(rows, commit):
    """Sort fleet rows by the commit: compliant at it, failed at it, or not there yet."""
    from azext_k8s_flux.fleet.commits import describe, matches

    rollout = Rollout(describe(commit), total=len(rows))
    for row in rows:
        at_commit = matches(row["sourceSyncedCommitId"], commit)
        if at_commit and row["message"]:
            rollout.failed.append(row)
        elif at_commit and row["complianceState"] == "Compliant":
            rollout.reached.append(row)
        else:
            rollout.waiting.append(row)
    return rollout


def flux_wait_rollout(cmd, commit, name=None, subscriptions=None, management_groups=None, resource_group_name=None,
                      percentage=100, timeout=None, interval=None, verify_with_arm=False, url=None):
    """Poll Resource Graph until `percentage` % of the configurations are compliant at `commit`."""
    from azext_k8s_flux.fleet import kql
    from azext_k8s_flux.fleet.commits import parse_commit
    from azext_k8s_flux.fleet.common import fleet_graph
    from azext_k8s_flux.fleet.rows import configuration_row
    from azext_k8s_flux.fleet.scope import fleet_scope, listed
    from azext_k8s_flux.operations import wait

    target = parse_commit(commit)
    scope = fleet_scope(cmd.cli_ctx, subscriptions, management_groups, resource_group_name)
    graph = fleet_graph(cmd, scope)
    query = kql.flux_configurations(listed(name), scope.resource_groups, url=url)
    timeout, interval = timeout or wait.DEFAULT_TIMEOUT, interval or DEFAULT_INTERVAL
    progress, deadline = _Progress(wait._shows_progress(cmd)), time.monotonic() + timeout
    while True:
        rollout = rollout_of([configuration_row(row) for row in graph.rows(query)], target)
        _refuse_empty(rollout, scope)
        if rollout.failed and verify_with_arm:
            rollout = _confirmed(cmd.cli_ctx, rollout, target)
        progress.show(rollout.line())
        remaining = deadline - time.monotonic()
        if rollout.failed or rollout.percent() >= percentage or remaining <= 0:
            break
        time.sleep(min(remaining, max(wait.MINIMUM_INTERVAL, interval, graph.pause)))
        graph.pause = 0.0
    _exit_code(cmd.cli_ctx, rollout, percentage, timeout)
    return rollout.as_result()


def _refuse_empty(rollout, scope):
    if not rollout.total:
        from azure.cli.core.azclierror import ResourceNotFoundError

        raise ResourceNotFoundError(f"No Flux configuration to watch in {scope.describe()} (as Resource Graph sees "
                                    "it): check the scope and -n/--name.")  # fmt: skip


def _confirmed(cli_ctx, rollout, target):
    """The failures as ARM reports them now: a failure Resource Graph still shows but ARM no longer does is not
    one."""
    from azext_k8s_flux.fleet.verify import reread_configurations

    fresh = reread_configurations(cli_ctx, rollout.failed)
    rows = rollout.reached + rollout.waiting + fresh
    return rollout_of(rows, target)


def _exit_code(cli_ctx, rollout, percentage, timeout):
    from azext_k8s_flux import _exit_codes

    if rollout.failed:
        for row in rollout.failed:
            logger.error("Configuration '%s' on %s '%s' (resource group %s) failed at %s: %s", row["configuration"],
                         row["clusterType"], row["cluster"], row["resourceGroup"], rollout.commit,
                         row["message"])  # fmt: skip
        _exit_codes.exit_after_output(cli_ctx, _exit_codes.NOT_COMPLIANT)
    elif rollout.percent() < percentage:
        logger.error("Timed out after %gs: %s (%g%% wanted).", timeout, rollout.line(), percentage)
        _exit_codes.exit_after_output(cli_ctx, _exit_codes.TIMED_OUT)


class _Progress:
    """One line per change, on stderr, only where a person reads it."""

    def __init__(self, enabled):
        self.enabled, self.last = enabled, None

    def show(self, line):
        if self.enabled and line != self.last:
            self.last = line
            print(f"  {line}", file=sys.stderr, flush=True)
