"""Resource Graph trailing ARM (the emulator's `--arg-lag`): status shows what ARG still has, and --verify-with-arm
shows what ARM has now, so a pipeline gate does not fail on a configuration that is already fixed."""


import pytest

from tests.fleet.conftest import _configuration, _put
from tests.harness.arm import ArmClient
from tests.harness.own_emulator import own_emulator
from tests.harness.runner import az_executable, run_az_subprocess


@pytest.fixture(scope="module")
def lagging(extension_wheel, tmp_path_factory):
    emulator, env = own_emulator(tmp_path_factory, "arg-lag", "--arg-lag", "3600")
    yield emulator, env
    emulator.stop()


def test_verify_with_arm_reads_past_resource_graphs_lag(lagging):
    emulator, env = lagging
    arm = ArmClient(emulator.url, emulator.ca_bundle)
    arm.ensure_resource_group("lag-rg")
    cluster = arm.create_cluster("lag-rg", "connectedClusters", name="edge-lag")
    _put(cluster, "fluxConfigurations", "gate", _configuration("./infra/fail"))

    def status(*extra, expect=0):
        return run_az_subprocess(az_executable(), env, "k8s-configuration", "flux", "status", "-g", "lag-rg",
                                 "-o", "json", *extra, expect=expect)  # fmt: skip

    assert status().json["configurations"][0]["complianceState"] == "Non-Compliant"  # ARG's snapshot is taken
    _put(cluster, "fluxConfigurations", "gate", _configuration("./infra"))  # fixed: ARM has it at once
    assert cluster.get("fluxConfigurations", "gate")[1]["properties"]["complianceState"] == "Compliant"

    stale = status("--fail-on-noncompliant", expect=4)
    assert stale.json["configurations"][0]["complianceState"] == "Non-Compliant"
    fresh = status("--fail-on-noncompliant", "--verify-with-arm", expect=0)
    [row] = fresh.json["configurations"]
    assert (row["complianceState"], row["verifiedWithArm"], row["message"]) == ("Compliant", True, None)
