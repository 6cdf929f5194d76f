"""Waiting, through ARM alone, until Flux has applied a configuration: `flux wait` and every `--wait`.

Our own loop rather than azure-cli's generic `wait` command: it reads Flux's compliance (not a provisioning
state), honours Retry-After and ends with exit codes 4 (not compliant) and 5 (timed out).
"""

import sys
import time

from knack.log import get_logger

from azext_k8s_flux import _exit_codes
from azext_k8s_flux._cluster import cluster_ref
from azext_k8s_flux.operations._errors import arm_errors

logger = get_logger(__name__)

# One GET per configuration per second at most, whatever --interval or Retry-After say.
MINIMUM_INTERVAL = 1.0
DEFAULT_INTERVAL = 5.0
DEFAULT_TIMEOUT = 600
MAX_RETRY_AFTER = 3600  # a longer Retry-After is treated as absent; --wait-timeout still ends the wait


def flux_wait(cmd, client, resource_group_name, cluster_name, cluster_type, name, cluster_resource_provider=None,
              timeout=DEFAULT_TIMEOUT, interval=DEFAULT_INTERVAL):
    """Wait until a Flux configuration is compliant; fail fast when Flux reports a failure."""
    from azext_k8s_flux._validators import require_value

    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    require_value(name, "-n/--name", "Flux configuration")
    return wait_for_compliance_of(cmd, client, cluster, name, timeout, interval)


def wait_for_compliance_of(cmd, client, cluster, name, timeout=None, interval=None):
    """Poll the configuration until it is compliant, failed or out of time; return its last state.

    The exit code tells a pipeline which: 0 compliant, 4 not compliant (failed object, Non-Compliant,
    suspended), 5 timed out.
    """
    from azure.cli.core.util import todict

    from azext_k8s_flux.compliance import evaluate
    from azext_k8s_flux.operations.flux_view import public_configuration

    def read():
        config, retry_after = _get_with_retry_after(client, cluster, name)
        return config, [evaluate({"name": name, **todict(config)})], retry_after

    return public_configuration(_poll(cmd, read, timeout, interval))


def wait_for_cluster_compliance(cmd, cluster, result, timeout=None, interval=None):
    """After a change to the Flux extension: wait until every Flux configuration of the cluster is compliant
    again (one LIST per read, whatever the number of configurations); return `result` unchanged."""
    from azure.cli.core.util import todict

    from azext_k8s_flux._client_factory import cf_flux_configurations
    from azext_k8s_flux.compliance import evaluate

    client = cf_flux_configurations(cmd.cli_ctx)

    def read():
        with arm_errors(f"the Flux configurations of {cluster.describe()}", cluster):
            configurations = [todict(config) for config in client.list(*cluster.sdk_args())]
        return result, [evaluate(config) for config in configurations], 0

    return _poll(cmd, read, timeout, interval)


def _poll(cmd, read, timeout, interval):
    """Call read() -> (result, reports, retry_after) until no report is pending or time is up."""
    from azext_k8s_flux.compliance import COMPLIANT, PENDING

    timeout = timeout or DEFAULT_TIMEOUT
    interval = interval or DEFAULT_INTERVAL
    progress = _Progress(_shows_progress(cmd))
    deadline = time.monotonic() + timeout
    while True:
        result, reports, retry_after = read()
        for report in reports:
            progress.show(report)
        outcomes = {report.outcome for report in reports}
        remaining = deadline - time.monotonic()
        if PENDING not in outcomes or outcomes - {PENDING, COMPLIANT} or remaining <= 0:
            break
        time.sleep(min(remaining, max(MINIMUM_INTERVAL, interval, retry_after)))

    failed = [report for report in reports if report.outcome not in (PENDING, COMPLIANT)]
    pending = [report for report in reports if report.outcome == PENDING]
    if failed:
        for report in failed:
            logger.error("%s", report.summary)
        _exit_codes.exit_after_output(cmd.cli_ctx, _exit_codes.NOT_COMPLIANT)
    elif pending:
        for report in pending:
            logger.error("Timed out after %gs: %s", timeout, report.summary)
        _exit_codes.exit_after_output(cmd.cli_ctx, _exit_codes.TIMED_OUT)
    return result


def check_wait_options(wait_for_compliance, no_wait):
    """--wait needs the operation's end: it cannot be combined with --no-wait."""
    if wait_for_compliance and no_wait:
        from azure.cli.core.azclierror import MutuallyExclusiveArgumentError

        raise MutuallyExclusiveArgumentError(
            "--no-wait returns before Azure has applied the change, so Flux's compliance cannot be waited for: "
            "use one of --no-wait and --wait."
        )


def then_wait(cmd, client, cluster, name, result, wait_for_compliance, wait_timeout=None, wait_interval=None):
    """After a write: return its result, or with --wait the configuration once Flux has applied it."""
    from azext_k8s_flux.operations.flux_view import public_configuration

    if not wait_for_compliance:
        return public_configuration(result)
    return wait_for_compliance_of(cmd, client, cluster, name, wait_timeout, wait_interval)


def _get_with_retry_after(client, cluster, name):
    from azext_k8s_flux.operations._reads import get_with_retry_after

    what = f"Flux configuration '{name}' on {cluster.describe()}"
    config, retry_after = get_with_retry_after(client, cluster, name, what, f"{what} was not found.")
    return config, retry_after if retry_after <= MAX_RETRY_AFTER else 0


def _shows_progress(cmd):
    """Progress is for people: only on a terminal, and not when JSON output was asked for explicitly."""
    data = cmd.cli_ctx.invocation.data if cmd.cli_ctx.invocation else {}
    explicit_output = {"--output", "-o"} & set(cmd.cli_ctx.data.get("safe_params") or [])
    machine_output = data.get("output") in ("tsv", "none") or (explicit_output and data.get("output") == "json")
    return sys.stderr.isatty() and not machine_output


class _Progress:
    """Prints each progress line once, when it first appears or changes."""

    def __init__(self, enabled):
        self.enabled = enabled
        self._seen = set()

    def show(self, report):
        if not self.enabled:
            return
        for line in [report.summary, *report.lines]:
            if line not in self._seen:
                self._seen.add(line)
                # A direct write: knack's logger would prefix "WARNING:", and azure-cli's progress controller
                # overwrites one line, which would lose the history of each kustomization's state.
                print(f"  {line}", file=sys.stderr, flush=True)
