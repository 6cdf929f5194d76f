"""How fast the extension is against a loopback ARM, measured as ratios inside one run.

Starts two local ARM emulators (one answering long-running operations at once, one that makes clients
poll), connects `az` with the extension wheel built from this checkout, and prints:
- `flux show` and `k8s-extension show` against `az rest` on the same resource URL (medians of
  alternating runs);
- the cost of `-h` for both command groups over `az version`;
- the ARM requests each common command makes (from the emulator's request log, token traffic excluded),
  with synchronous answers and with operations that need polling.

Usage: python benchmarks/cli.py [--rounds N]   (after `make test` or `make demo` created .venv)
Nothing here is asserted: the tests assert request counts; timings are for reading.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from _project_venv import use_project_venv

use_project_venv()
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arm_emulator.connect import az_working_dir, connect_az  # noqa: E402
from arm_emulator.testing import RESOURCE_GROUP, start_emulator  # noqa: E402
from tests.harness.arm import ArmClient  # noqa: E402
from tests.harness.runner import build_wheel  # noqa: E402

AZ = str(Path(sys.executable).parent / "az")
REPOSITORY = "https://github.com/fluxcd/flux2-kustomize-helm-example"
FLUX_API = "2025-04-01"
EXTENSIONS_API = "2025-03-01"
AGENT_DELAY = 8.0  # seconds the polling emulator's Flux agent takes to report a configuration applied


def az(env, command, check=True):
    completed = subprocess.run([AZ, *command.split()], env=env, capture_output=True, text=True,
                               stdin=subprocess.DEVNULL, cwd=az_working_dir())
    if check and completed.returncode != 0:
        raise SystemExit(f"az {command} failed:\n{completed.stderr}")
    return completed


def timed(env, command):
    start = time.perf_counter()
    az(env, command)
    return time.perf_counter() - start


def alternate(env, commands, rounds):
    """Median seconds per command, running them in turns so that machine noise hits all alike."""
    samples = {command: [] for command in commands}
    for _ in range(rounds):
        for command in commands:
            samples[command].append(timed(env, command))
    return {command: statistics.median(values) for command, values in samples.items()}


class World:
    """An emulator with a connected az environment and helpers to arrange clusters."""

    def __init__(self, work, name, extension_dir, **emulator_options):
        self.emulator = start_emulator(Path(work) / name, port=0, **emulator_options)
        self.arm = ArmClient(self.emulator.url, self.emulator.ca_bundle)
        base = dict(os.environ, AZURE_EXTENSION_DIR=str(extension_dir), AZURE_CORE_COLLECT_TELEMETRY="no")
        self.env = {**base, **connect_az(self.emulator.state_dir, az=AZ, env=base)}

    def new_cluster(self):
        return self.arm.create_cluster(RESOURCE_GROUP, "connectedClusters", name=f"bench-{uuid.uuid4().hex[:8]}")

    def count(self, command):
        """ARM requests made by one command: (requests, LRO follow-ups). Follow-ups are the operation-status
        polls and the SDK's final GET of the resource once its operation has ended."""
        self.emulator.clear_requests()
        az(self.env, command)
        requests = self.emulator.requests(kind="arm")
        follow_ups, polled = 0, None
        for request in requests:
            path = request["path"].lower()
            if "/operations/" in path:
                follow_ups, polled = follow_ups + 1, path.split("/operations/")[0]
            elif request["method"] == "GET" and path == polled:
                follow_ups, polled = follow_ups + 1, None
            else:
                polled = None
        return len(requests) - follow_ups, follow_ups


def request_counts(world):
    installed = world.new_cluster()
    az(world.env, f"k8s-extension create {installed.args} -n flux --extension-type microsoft.flux")
    fresh = world.new_cluster()
    plain = world.new_cluster()
    create = f"k8s-configuration flux create -n cfg -u {REPOSITORY} --branch main"
    return [
        ("flux create, microsoft.flux installed", world.count(f"{create} {installed.args}")),
        ("flux create, installs microsoft.flux", world.count(f"{create} {fresh.args}")),
        ("flux show", world.count(f"k8s-configuration flux show {installed.args} -n cfg")),
        ("flux delete --yes", world.count(f"k8s-configuration flux delete {installed.args} -n cfg --yes")),
        ("k8s-extension create microsoft.flux",
         world.count(f"k8s-extension create {plain.args} -n flux --extension-type microsoft.flux")),
        ("k8s-extension delete --yes", world.count(f"k8s-extension delete {plain.args} -n flux --yes")),
    ]


def typical_wait(world):
    """`flux wait` on a configuration that Flux reports applied a few seconds later: reads and seconds."""
    cluster = world.new_cluster()
    az(world.env, f"k8s-configuration flux create {cluster.args} -n cfg -u {REPOSITORY} --branch main "
                  "-k name=infra path=./infrastructure -k name=apps path=./apps depends_on=infra")
    world.emulator.clear_requests()
    start = time.perf_counter()
    az(world.env, f"k8s-configuration flux wait {cluster.args} -n cfg")
    return len(world.emulator.requests(kind="arm")), time.perf_counter() - start


def latency(world, rounds):
    cluster = world.new_cluster()
    az(world.env, f"k8s-configuration flux create {cluster.args} -n cfg -u {REPOSITORY} --branch main")
    base = world.emulator.url + cluster.path()
    flux_url = f"{base}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/cfg?api-version={FLUX_API}"
    ext_url = f"{base}/providers/Microsoft.KubernetesConfiguration/extensions/flux?api-version={EXTENSIONS_API}"
    flux_show = f"k8s-configuration flux show {cluster.args} -n cfg"
    ext_show = f"k8s-extension show {cluster.args} -n flux"
    medians = alternate(world.env, [flux_show, f"rest --method get --url {flux_url}", ext_show,
                                    f"rest --method get --url {ext_url}"], rounds)
    values = list(medians.values())
    help_medians = alternate(world.env, ["version", "k8s-configuration -h", "k8s-extension -h"], rounds)
    return values, list(help_medians.values())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="alternating runs per timing (default 7)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="k8s-flux-bench-") as work:
        wheel = build_wheel(Path(work) / "dist")
        extension_dir = Path(work) / "extensions"
        sync = World(work, "sync", extension_dir, operation_delay=0.0, agent_delay=0.0)
        polling = World(work, "polling", extension_dir, operation_delay=1.5, retry_after=1,
                        agent_delay=AGENT_DELAY)
        try:
            az(sync.env, f"extension add --source {wheel} --yes")
            (flux_show, flux_rest, ext_show, ext_rest), (version, config_help, ext_help) = latency(
                sync, options.rounds
            )
            print(f"Latency (medians of {options.rounds} alternating runs)")
            for label, ours, rest in (("flux show", flux_show, flux_rest), ("extension show", ext_show, ext_rest)):
                print(f"  {label:15} {ours:6.3f}s   az rest {rest:6.3f}s   ratio {ours / rest:5.2f}x")
            print("Help over `az version`")
            print(f"  az k8s-configuration -h  {config_help - version:+.3f}s   (az version {version:.3f}s)")
            print(f"  az k8s-extension -h      {ext_help - version:+.3f}s")
            sync_counts, polling_counts = request_counts(sync), request_counts(polling)
            print("ARM requests per command: requests + LRO follow-ups (status polls and the final GET); "
                  "token traffic excluded")
            print(f"  {'command':40} {'synchronous':>12} {'with polling':>14}")
            for (label, (requests, polls)), (_, (p_requests, p_polls)) in zip(sync_counts, polling_counts, strict=True):
                print(f"  {label:40} {requests:>6} + {polls:<4} {p_requests:>7} + {p_polls:<4}")
            reads, seconds = typical_wait(polling)
            print(f"flux wait until compliant (Flux reports after ~{AGENT_DELAY:g} s, default interval): "
                  f"{reads} ARM reads in {seconds:.1f} s")
        finally:
            sync.emulator.stop()
            polling.emulator.stop()


if __name__ == "__main__":
    main()
