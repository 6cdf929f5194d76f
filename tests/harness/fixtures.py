"""pytest fixtures of the harness (see tests/conftest.py for the overview)."""

import json
import os
import uuid
from pathlib import Path

import pytest

from tests.harness.arm import ArmClient
from tests.harness.runner import InProcessCli, az_executable, build_wheel, run_az_subprocess

ROOT = Path(__file__).resolve().parents[2]
GOLDEN_DIR = ROOT / "tests" / "data" / "golden"
TEST_RESOURCE_GROUP = "tests-rg"


@pytest.fixture(scope="session")
def session_dir():
    return Path(os.environ["AZURE_CONFIG_DIR"]).parents[1]


@pytest.fixture(scope="session")
def extension_wheel(session_dir):
    """Build the wheel from this checkout and install it the way users do (`az extension add`)."""
    wheel = build_wheel(session_dir / "dist")
    result = run_az_subprocess(az_executable(), dict(os.environ), "extension", "add", "--source", str(wheel), "--yes")
    assert "k8s-flux" in run_az_subprocess(az_executable(), dict(os.environ), "extension", "list").stdout, result
    return wheel


@pytest.fixture(scope="session")
def emulator(session_dir):
    from arm_emulator.testing import start_emulator

    running = start_emulator(
        session_dir / "emulator", port=0, operation_delay=0.0, agent_delay=0.0, extra_args=("--allow-flux-v1-create",)
    )
    os.environ["REQUESTS_CA_BUNDLE"] = str(running.ca_bundle)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def az_env(emulator, extension_wheel):
    """Environment of an `az` that is logged in to the emulator and has the extension installed."""
    from arm_emulator.connect import connect_az

    connection = connect_az(emulator.state_dir, az=az_executable(), env=dict(os.environ))
    os.environ.update(connection)
    return dict(os.environ)


@pytest.fixture
def az(az_env):
    """Run the real `az`: az("k8s-extension list -g rg -c c -t connectedClusters", expect=0)."""

    def run(*args, expect=0, input=None, env=None):
        return run_az_subprocess(az_executable(), {**az_env, **(env or {})}, *args, expect=expect, input=input)

    return run


@pytest.fixture
def cli(az_env):
    """Run a command in-process (same code path as `az`, much faster)."""
    return InProcessCli()


@pytest.fixture(scope="session")
def arm(emulator):
    client = ArmClient(emulator.url, emulator.ca_bundle)
    client.ensure_resource_group(TEST_RESOURCE_GROUP)
    return client


@pytest.fixture
def faults(emulator):
    """The emulator, with every injected fault cleared after the test (even one the test never triggered)."""
    yield emulator
    emulator.clear_faults()


@pytest.fixture
def unregistered(arm):
    """Microsoft.KubernetesConfiguration not registered (ARM answers writes with 409); registered again after."""
    path = f"/subscriptions/{arm.subscription}/providers/Microsoft.KubernetesConfiguration"
    status, body = arm.request("POST", f"{path}/unregister", api_version="2021-04-01")
    assert status == 200 and body["registrationState"] == "NotRegistered", body
    yield
    status, body = arm.request("POST", f"{path}/register", api_version="2021-04-01")
    assert status == 200 and body["registrationState"] == "Registered", body


@pytest.fixture
def new_cluster(arm):
    """Factory of fresh clusters: new_cluster("managedClusters") -> Cluster with .args for the CLI."""

    def create(cluster_type="connectedClusters"):
        return arm.create_cluster(TEST_RESOURCE_GROUP, cluster_type, name=f"c{uuid.uuid4().hex[:12]}")

    return create


@pytest.fixture
def golden(request):
    """golden("extension/create-flux-connected", payload) compares with, or rewrites, a JSON golden file."""
    update = request.config.getoption("--update-goldens")

    def check(name, payload):
        path = GOLDEN_DIR / f"{name}.json"
        text = json.dumps(payload, indent=2, sort_keys=True) + "\n"
        if update or not path.exists():
            if not update and os.environ.get("CI"):
                raise AssertionError(f"golden file {path} is missing; run pytest with --update-goldens")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        assert json.loads(path.read_text()) == json.loads(text), f"payload differs from golden {path}"

    return check


@pytest.fixture
def recording(request, az_env):
    """with recording("extension-lifecycle"): ... replays tests/recordings/<name>.yaml (`--record` re-records)."""
    from tests.harness.recording import make_vcr

    return lambda name: make_vcr(request.config.getoption("--record")).use_cassette(f"{name}.yaml")
