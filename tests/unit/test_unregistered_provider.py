"""An unregistered Microsoft.KubernetesConfiguration: the error names the one command that fixes it.

The SDKs' long-running calls send their first request streamed, so azure-mgmt-core cannot register the
provider by itself for them (it does for the other calls).
"""

import pytest

NAMESPACE = "Microsoft.KubernetesConfiguration"


@pytest.fixture
def unregistered(arm):
    path = f"/subscriptions/{arm.subscription}/providers/{NAMESPACE}"
    status, body = arm.request("POST", f"{path}/unregister", api_version="2021-04-01")
    assert status == 200 and body["registrationState"] == "NotRegistered", body
    yield
    status, body = arm.request("POST", f"{path}/register", api_version="2021-04-01")
    assert status == 200 and body["registrationState"] == "Registered", body


def test_flux_create_says_how_to_register(cli, new_cluster, unregistered):
    cluster = new_cluster()
    result = cli(f"k8s-configuration flux create {cluster.args} -n cfg -u https://github.com/org/repo "
                 "--branch main", expect=1)  # fmt: skip
    assert f"az provider register --namespace {NAMESPACE} --wait" in result.stderr
    assert "Traceback" not in result.stderr
    assert cluster.list("fluxConfigurations") == []
