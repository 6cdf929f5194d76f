"""Deploying an ARM template to the test resource group through the emulator's REST API, and waiting for it."""

import time

from tests.harness.fixtures import TEST_RESOURCE_GROUP

DEPLOYMENTS_API = "2025-04-01"


def run_deployment(arm, name, template, parameters):
    """PUTs the deployment (`parameters` as ARM takes them: {name: {"value": ...}}) and returns its last GET
    answer once it has Succeeded or Failed."""
    path = (f"/subscriptions/{arm.subscription}/resourceGroups/{TEST_RESOURCE_GROUP}/providers/"
            f"Microsoft.Resources/deployments/{name}")  # fmt: skip
    body = {"properties": {"mode": "Incremental", "template": template, "parameters": parameters}}
    status, answer = arm.request("PUT", path, body, api_version=DEPLOYMENTS_API)
    assert status in (200, 201), answer
    for _ in range(100):
        status, answer = arm.request("GET", path, api_version=DEPLOYMENTS_API)
        if answer["properties"]["provisioningState"] in ("Succeeded", "Failed"):
            return answer
        time.sleep(0.05)
    raise AssertionError(f"deployment {name} did not end: {answer}")
