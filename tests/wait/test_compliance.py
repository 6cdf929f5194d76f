"""The outcome and progress lines read from a Flux configuration's reported state."""

import pytest

from azext_k8s_flux.compliance import COMPLIANT, FAILED, PENDING, SUSPENDED, evaluate


def _status(kind, name, ready, reason="", message="", compliance=None):
    condition = {"type": "Ready", "status": ready, "reason": reason, "message": message}
    return {"kind": kind, "name": name, "complianceState": compliance, "statusConditions": [condition]}


def _config(compliance, statuses, provisioning="Succeeded", **extra):
    return {"name": "cluster-config", "properties": {"provisioningState": provisioning,
                                                     "complianceState": compliance, "statuses": statuses, **extra}}


SOURCE_READY = _status("GitRepository", "cluster-config", "True", "Succeeded", "Fetched revision: main/abc")
INFRA_READY = _status("Kustomization", "cluster-config-infra", "True", "ReconciliationSucceeded", "Applied")
APPS_WAITING = _status("Kustomization", "cluster-config-apps", "False", "DependencyNotReady",
                       "dependency 'cluster-config-infra' is not ready")
APPS_FAILED = _status("Kustomization", "cluster-config-apps", "False", "BuildFailed", "kustomization path not found")


@pytest.mark.parametrize(
    ("config", "outcome", "fragment"),
    [
        (_config("Compliant", [SOURCE_READY, INFRA_READY]), COMPLIANT, "is compliant"),
        (_config("Pending", [SOURCE_READY, INFRA_READY, APPS_WAITING]), PENDING, "Pending"),
        (_config("Non-Compliant", [SOURCE_READY, INFRA_READY, APPS_FAILED]), FAILED, "kustomization path not found"),
        (_config("Pending", [SOURCE_READY, APPS_FAILED]), FAILED, "cluster-config-apps failed"),
        (_config("Pending", [], provisioning="Creating"), PENDING, "Azure operation Creating"),
        (_config("Unknown", [], provisioning="Failed", errorMessage="source kind mismatch"), FAILED,
         "source kind mismatch"),
        (_config("Suspended", [SOURCE_READY], suspend=True), SUSPENDED, "suspended"),
        (_config("Compliant", []), PENDING, "Compliant"),  # no objects reported yet: not done
        (_config("Non-Compliant", [SOURCE_READY]), FAILED, "Non-Compliant"),
    ],
)
def test_outcome(config, outcome, fragment):
    report = evaluate(config)
    assert report.outcome == outcome
    assert fragment in report.summary


def test_progress_lines_name_each_object_and_the_synced_commit():
    config = _config("Pending", [SOURCE_READY, INFRA_READY, APPS_WAITING], sourceSyncedCommitId="main/abc123")
    assert evaluate(config).lines == [
        "source synced at commit main/abc123",
        "GitRepository cluster-config: Ready (Fetched revision: main/abc)",
        "Kustomization cluster-config-infra: Ready (Applied)",
        "Kustomization cluster-config-apps: dependency 'cluster-config-infra' is not ready",
    ]


def test_flattened_cli_output_is_read_like_nested_arm_json():
    nested = _config("Compliant", [SOURCE_READY])
    flattened = {"name": "cluster-config", **nested["properties"]}
    assert evaluate(flattened) == evaluate(nested)


def _timed(status, at):
    status = dict(status)
    status["statusConditions"] = [dict(status["statusConditions"][0], lastTransitionTime=at)]
    return status


@pytest.mark.parametrize(("compliance", "reported_at", "outcome"), [
    # Pending after a change: a failure reported before the change is about the previous revision.
    ("Pending", "2025-05-01T10:00:00.1234567+00:00", PENDING),
    # A failure reported after the change is a verdict on it, even before Flux rolls it up.
    ("Pending", "2025-05-01T10:05:00Z", FAILED),
    # Once Flux has rolled up its report, Non-Compliant stands whatever the times say.
    ("Non-Compliant", "2025-05-01T10:00:00Z", FAILED),
])  # fmt: skip
def test_failures_reported_before_the_last_change_are_not_a_verdict(compliance, reported_at, outcome):
    config = _config(compliance, [SOURCE_READY, _timed(APPS_FAILED, reported_at)])
    config["systemData"] = {"lastModifiedAt": "2025-05-01T10:02:00.000000+00:00"}
    report = evaluate(config)
    assert report.outcome == outcome
    if outcome == PENDING:
        expected = "waiting for Flux to apply the change (it failed before: kustomization path not found)"
        assert expected in report.lines[-1]
