"""Reading a Flux configuration's reconciliation state from what ARM reports (pure, no I/O).

The fluxconfig-agent in the cluster reports `complianceState`, per-object `statuses` with conditions and
`sourceSyncedCommitId` through ARM; this module turns that into one outcome and lines a person can follow.
"""

from dataclasses import dataclass, field

COMPLIANT, PENDING, FAILED, SUSPENDED = "compliant", "pending", "failed", "suspended"

# Ready=False with these reasons means "not yet", not "failed" (Flux's own reason names).
_WAITING_REASONS = {"dependencynotready", "progressing", "progressingwithretry", "reconciliationinprogress"}
_TERMINAL_PROVISIONING = {"succeeded", "failed", "canceled"}


@dataclass
class ComplianceReport:
    outcome: str
    summary: str
    lines: list = field(default_factory=list)


def _properties(config):
    # azure-cli output flattens `properties`; raw ARM JSON nests them.
    return config.get("properties") or config


def _ready_condition(status):
    for condition in status.get("statusConditions") or []:
        if (condition.get("type") or "").lower() == "ready":
            return condition
    return None


def _timestamp(value):
    """An aware datetime from an ARM timestamp (Z or offset, up to 7 fraction digits), or None."""
    import re
    from datetime import datetime, timezone

    text = re.sub(r"(\.\d{6})\d+", r"\1", str(value or "").strip().replace("Z", "+00:00"))
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _reported_before(condition, changed_at):
    """True when Flux reported `condition` before the configuration's last change (so it is about an older
    revision)."""
    reported = _timestamp(condition.get("lastTransitionTime"))
    return bool(reported and changed_at and reported < changed_at)


def _object_state(status, changed_at=None):
    """(state, line) for one deployed object: state is COMPLIANT, PENDING or FAILED.

    `changed_at` is set while the configuration is Pending after a change: a failure Flux reported before
    that change is left over from the previous revision, not a verdict on the new one.
    """
    label = f"{status.get('kind')} {status.get('name')}"
    condition = _ready_condition(status)
    compliance = (status.get("complianceState") or "").lower()
    if condition is None:
        if compliance == "compliant":
            return COMPLIANT, f"{label}: Ready"
        return PENDING, f"{label}: waiting for its first status"
    ready = str(condition.get("status")).lower()
    message = condition.get("message") or condition.get("reason") or ""
    if ready == "true":
        return COMPLIANT, f"{label}: Ready" + (f" ({message})" if message else "")
    if ready == "false" and (condition.get("reason") or "").lower() not in _WAITING_REASONS:
        if _reported_before(condition, changed_at):
            return PENDING, f"{label}: waiting for Flux to apply the change (it failed before: {message})"
        return FAILED, f"{label} failed: {message}"
    return PENDING, f"{label}: {message or 'reconciling'}"


def evaluate(config):
    """The outcome of a Flux configuration right now, with one progress line per object."""
    props = _properties(config)
    name = config.get("name") or "configuration"
    provisioning = (props.get("provisioningState") or "").lower()
    if provisioning == "failed":
        reason = props.get("errorMessage") or "the Azure operation failed"
        return ComplianceReport(FAILED, f"{name}: provisioning failed: {reason}")
    if provisioning and provisioning not in _TERMINAL_PROVISIONING:
        return ComplianceReport(PENDING, f"{name}: Azure operation {props.get('provisioningState')}")
    if props.get("suspend") or (props.get("complianceState") or "").lower() == "suspended":
        return ComplianceReport(SUSPENDED, f"{name} is suspended: Flux does not reconcile it")

    compliance = (props.get("complianceState") or "").lower()
    changed_at = _timestamp((config.get("systemData") or {}).get("lastModifiedAt")) if compliance == "pending" else None
    objects = [_object_state(status, changed_at) for status in props.get("statuses") or []]
    lines = [f"source synced at commit {props['sourceSyncedCommitId']}"] if props.get("sourceSyncedCommitId") else []
    lines += [line for _, line in objects]

    failed = [line for state, line in objects if state == FAILED]
    if failed or compliance in ("non-compliant", "noncompliant"):
        detail = "; ".join(failed) or props.get("errorMessage") or "Flux reports the configuration Non-Compliant"
        return ComplianceReport(FAILED, f"{name} is not compliant: {detail}", lines)
    if compliance == "compliant" and objects and all(state == COMPLIANT for state, _ in objects):
        return ComplianceReport(COMPLIANT, f"{name} is compliant", lines)
    return ComplianceReport(PENDING, f"{name}: {props.get('complianceState') or 'Pending'}", lines)
