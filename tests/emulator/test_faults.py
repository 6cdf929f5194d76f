"""Fault injection: throttling, server errors, dropped connections, slow answers, failing/slow LROs."""

from __future__ import annotations

import time

import pytest
import requests
from azure.core.exceptions import HttpResponseError
from emu_helpers import ARC, EXT_API, FLUX_API, Arm, git_flux, item_path

from arm_emulator.core.faults import parse_spec
from arm_emulator.testing import RESOURCE_GROUP, SUBSCRIPTION_ID, start_emulator

PATH = item_path("fluxConfigurations", "cfg")


def _statuses(emu, method: str) -> list[int]:
    return [r["status"] for r in emu.requests(kind="arm") if r["method"] == method]


def test_throttle_429_is_honoured_by_sdk_retry(emu, arm: Arm, flux_client):
    arm.put(PATH, FLUX_API, git_flux())
    emu.clear_requests()
    emu.set_fault("throttle", count=1, method="GET", path="/fluxConfigurations/cfg", retry_after=1)
    raw = arm.get(PATH, FLUX_API)
    assert raw.status_code == 429 and raw.headers["Retry-After"] == "1"
    assert raw.json()["error"]["code"] == "TooManyRequests"
    emu.set_fault("throttle", count=1, method="GET", path="/fluxConfigurations/cfg", retry_after=1)
    started = time.monotonic()
    config = flux_client.flux_configurations.get(RESOURCE_GROUP, *ARC, "cfg")
    assert config.name == "cfg"
    assert time.monotonic() - started >= 0.9  # waited for Retry-After
    assert _statuses(emu, "GET") == [429, 429, 200]


def test_server_error_is_arm_shaped_and_retried_by_sdk(emu, arm: Arm, flux_client):
    arm.put(PATH, FLUX_API, git_flux())
    emu.set_fault("error", count=1, status=503, path="fluxConfigurations")
    raw = arm.get(PATH, FLUX_API)
    assert raw.status_code == 503 and raw.json()["error"]["code"] == "ServiceUnavailable"
    emu.set_fault("error", count=2, status=500, method="GET", path="fluxConfigurations")
    assert flux_client.flux_configurations.get(RESOURCE_GROUP, *ARC, "cfg").name == "cfg"
    assert _statuses(emu, "GET")[-3:] == [500, 500, 200]


def test_dropped_connection(emu, arm: Arm, flux_client):
    arm.put(PATH, FLUX_API, git_flux())
    emu.set_fault("drop", count=1, method="GET")
    with pytest.raises(requests.ConnectionError):
        arm.get(PATH, FLUX_API)
    assert emu.requests(kind="arm")[-1]["status"] == 0  # logged as dropped
    emu.set_fault("drop", count=1, method="GET")
    assert flux_client.flux_configurations.get(RESOURCE_GROUP, *ARC, "cfg").name == "cfg"  # SDK retried


def test_failing_lro_surfaces_in_sdk_and_resource(emu, flux_client):
    from test_lro_sdk import _flux_model

    emu.set_fault("lro-fail", method="PUT", path="fluxConfigurations", code="ValidationFailed",
                  message="Invalid source kind match.")
    with pytest.raises(HttpResponseError) as info:
        flux_client.flux_configurations.begin_create_or_update(RESOURCE_GROUP, *ARC, "cfg", _flux_model()).result()
    assert "(ValidationFailed) Invalid source kind match." in str(info.value)
    config = flux_client.flux_configurations.get(RESOURCE_GROUP, *ARC, "cfg")
    assert config.properties.provisioning_state == "Failed"
    assert config.properties.error_message == "Invalid source kind match."
    assert flux_client.flux_configurations.begin_create_or_update(
        RESOURCE_GROUP, *ARC, "cfg", _flux_model()).result().properties.provisioning_state == "Succeeded"


def test_slow_lro_and_slow_response(emu, arm: Arm):
    emu.set_fault("lro-slow", method="PUT", delay=0.6)
    created = arm.put(item_path("extensions", "ext"), EXT_API, {"properties": {"extensionType": "x.y"}})
    poll = created.headers["Azure-AsyncOperation"]
    assert arm.session.get(poll).json()["status"] == "Creating"
    time.sleep(0.7)
    assert arm.session.get(poll).json()["status"] == "Succeeded"
    emu.set_fault("slow", method="GET", path="/extensions/ext", delay=0.5)
    started = time.monotonic()
    assert arm.get(item_path("extensions", "ext"), EXT_API).status_code == 200
    assert time.monotonic() - started >= 0.45


def test_faults_are_listed_counted_and_cleared(emu):
    fault = emu.set_fault("error", count=None, path="/nothing-matches")
    assert fault["id"] >= 1 and fault["count"] is None
    assert [f["kind"] for f in emu.admin.faults()] == ["error"]
    assert emu.clear_faults() == 1 and emu.admin.faults() == []


def test_startup_faults_from_the_command_line(tmp_path):
    spec = "throttle:count=1,method=GET,path=/resourceGroups,retry_after=2"
    with start_emulator(tmp_path / "s", extra_args=["--fault", spec]) as emu:
        arm = Arm(emu)
        first = arm.get(f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups", "2022-09-01")
        assert first.status_code == 429 and first.headers["Retry-After"] == "2"


def test_fault_spec_parsing():
    fault = parse_spec("lro-fail:count=all,method=put,path=extensions,code=Boom,message=It broke")
    assert (fault.kind, fault.count, fault.method, fault.code, fault.message) == \
        ("lro-fail", None, "PUT", "Boom", "It broke")
    with pytest.raises(ValueError, match="unknown fault kind"):
        parse_spec("explode")
    with pytest.raises(ValueError, match="5xx"):
        parse_spec("error:status=404")


def test_forbidden_answers_like_an_rbac_denial(emu, arm):
    from emu_helpers import item_path

    path = item_path("fluxConfigurations", "cfg")
    emu.set_fault("forbidden", method="DELETE", path="fluxConfigurations")
    response = arm.delete(path, "2025-04-01")
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "AuthorizationFailed"
    assert "'Microsoft.KubernetesConfiguration/fluxConfigurations/delete'" in error["message"]
    assert arm.delete(path, "2025-04-01").status_code == 204  # one request only
