"""Simulated fluxconfig-agent: Pending -> Compliant / Non-Compliant, statuses, injected failures."""

from __future__ import annotations

import pytest
from emu_helpers import FLUX_API, Arm, git_flux, item_path

from arm_emulator.testing import start_emulator

PATH = item_path("fluxConfigurations", "cfg")


def _statuses(body: dict) -> dict[str, dict]:
    return {s["name"]: s for s in body["properties"]["statuses"]}


def test_pending_then_compliant_after_the_agent_delay(tmp_path):
    with start_emulator(tmp_path / "s", agent_delay=0.5) as emu:
        arm = Arm(emu)
        arm.put(PATH, FLUX_API, git_flux())
        first = arm.wait(PATH, FLUX_API, lambda b: b["properties"]["provisioningState"] == "Succeeded")
        assert first["properties"]["complianceState"] == "Pending"
        done = arm.wait(PATH, FLUX_API, lambda b: b["properties"]["complianceState"] != "Pending")
        assert done["properties"]["complianceState"] == "Compliant"


def test_statuses_name_the_flux_objects(arm: Arm):
    arm.put(PATH, FLUX_API, git_flux(infra={"path": "./infra"}, apps={"path": "./apps", "dependsOn": ["infra"]}))
    body = arm.get(PATH, FLUX_API).json()
    props = body["properties"]
    assert props["complianceState"] == "Compliant"
    statuses = _statuses(body)
    assert [(s["name"], s["kind"]) for s in props["statuses"]] == [
        ("cfg", "GitRepository"), ("cfg-infra", "Kustomization"), ("cfg-apps", "Kustomization")]
    source = statuses["cfg"]["statusConditions"][0]
    assert source["type"] == "Ready" and source["status"] == "True"
    assert source["message"] == f"Fetched revision: {props['sourceSyncedCommitId']}"
    assert props["sourceSyncedCommitId"].startswith("main/") and len(props["sourceSyncedCommitId"]) == 45
    assert statuses["cfg-apps"]["namespace"] == "cluster-config"
    assert props["repositoryPublicKey"] == ""


@pytest.mark.parametrize("kind,field,source,expected", [
    ("Bucket", "bucket", {"url": "https://minio.local", "bucketName": "b"}, "Bucket"),
    ("AzureBlob", "azureBlob", {"url": "https://a.blob.core.windows.net", "containerName": "c"}, "AzureBlob"),
    ("OCIRepository", "ociRepository", {"url": "oci://ghcr.io/org/manifests"}, "OCIRepository"),
])
def test_source_object_kind_matches_source_kind(arm: Arm, kind, field, source, expected):
    body = {"properties": {"sourceKind": kind, field: source, "kustomizations": {"k": {"path": "./"}}}}
    assert arm.put(PATH, FLUX_API, body).status_code == 201
    props = arm.get(PATH, FLUX_API).json()["properties"]
    assert props["statuses"][0]["kind"] == expected and props["statuses"][0]["name"] == "cfg"
    assert "/" not in props["sourceSyncedCommitId"]


def test_failing_kustomization_and_waiting_dependents(arm: Arm):
    arm.put(PATH, FLUX_API, git_flux(infra={"path": "./infra/fail"}, apps={"path": "./apps", "dependsOn": ["infra"]},
                                     other={"path": "./other"}))
    body = arm.get(PATH, FLUX_API).json()
    assert body["properties"]["complianceState"] == "Non-Compliant"
    statuses = _statuses(body)
    infra = statuses["cfg-infra"]
    assert infra["complianceState"] == "Non-Compliant"
    assert infra["statusConditions"][0]["status"] == "False"
    assert infra["statusConditions"][0]["reason"] == "ReconciliationFailed"
    apps = statuses["cfg-apps"]
    assert apps["complianceState"] == "Pending"
    assert apps["statusConditions"][0]["reason"] == "DependencyNotReady"
    assert "cluster-config/cfg-infra" in apps["statusConditions"][0]["message"]
    assert statuses["cfg-other"]["complianceState"] == "Compliant"
    fixed = arm.patch(PATH, FLUX_API, {"properties": {"kustomizations": {"infra": {"path": "./infra"}}}})
    assert fixed.status_code == 202
    assert arm.get(PATH, FLUX_API).json()["properties"]["complianceState"] == "Compliant"


def test_admin_switch_fails_a_configuration_and_clears(emu, arm: Arm):
    arm.put(PATH, FLUX_API, git_flux())
    assert arm.get(PATH, FLUX_API).json()["properties"]["complianceState"] == "Compliant"
    rule = emu.fail_agent("cfg", target="source", message="authentication required")
    assert rule["id"] == 1 and emu.admin.agent_failures() == [rule]
    body = arm.get(PATH, FLUX_API).json()
    assert body["properties"]["complianceState"] == "Non-Compliant"
    assert body["properties"]["sourceSyncedCommitId"] is None
    source = _statuses(body)["cfg"]
    assert source["statusConditions"][0]["message"] == "authentication required"
    assert _statuses(body)["cfg-infra"]["complianceState"] == "Pending"
    assert emu.clear_agent_failures() == 1
    assert arm.get(PATH, FLUX_API).json()["properties"]["complianceState"] == "Compliant"


def test_suspend_reports_suspended(arm: Arm):
    body = git_flux()
    body["properties"]["suspend"] = True
    arm.put(PATH, FLUX_API, body)
    assert arm.get(PATH, FLUX_API).json()["properties"]["complianceState"] == "Suspended"


def test_ssh_url_without_key_gets_a_repository_public_key(arm: Arm):
    response = arm.put(PATH, FLUX_API, git_flux(url="ssh://git@github.com/org/repo.git"))
    key = response.json()["properties"]["repositoryPublicKey"]
    assert key.startswith("ssh-ed25519 AAAA")
    with_key = git_flux(url="git@github.com:org/repo.git")
    with_key["properties"]["configurationProtectedSettings"] = {"sshPrivateKey": "LS0tLS1=="}
    other = arm.put(item_path("fluxConfigurations", "cfg2"), FLUX_API, with_key)
    assert other.json()["properties"]["repositoryPublicKey"] == ""
