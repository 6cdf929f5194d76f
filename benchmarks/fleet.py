"""Fleet status through Resource Graph against a per-cluster loop, on a generated fleet in a local emulator.

Seeds an emulator with a fleet (default 1,000 clusters x 10 Flux configurations = 10,000 configurations),
installs the wheel built from this checkout, then prints:
- `az k8s-configuration flux status` over the whole fleet: Resource Graph requests (from the emulator's request
  log) and seconds (median of --rounds runs);
- `az k8s-configuration flux list` on a sample of clusters, one `az` per cluster as a shell loop would run it:
  requests and seconds per cluster, extrapolated to every cluster of the fleet;
- the ratio of the two (the target is 100x or more).

Usage: python benchmarks/fleet.py [--clusters N] [--per-cluster N] [--sample N] [--rounds N]
Nothing here is asserted: tests/fleet asserts the request counts; timings are for reading.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _project_venv import use_project_venv

use_project_venv()
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from arm_emulator.connect import az_working_dir, connect_az  # noqa: E402
from arm_emulator.testing import start_emulator  # noqa: E402
from tests.harness.arm import ArmClient  # noqa: E402
from tests.harness.runner import build_wheel  # noqa: E402

AZ = str(Path(sys.executable).parent / "az")
REPOSITORY = "https://github.com/contoso/fleet-infra"


def az(env, *args):
    start = time.perf_counter()
    completed = subprocess.run([AZ, *args], env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                               cwd=az_working_dir())  # fmt: skip
    if completed.returncode != 0:
        raise SystemExit(f"az {' '.join(args)} failed:\n{completed.stderr}")
    return time.perf_counter() - start, completed.stdout


def seed_file(work, clusters, per_cluster):
    fleet = {"seed": 7, "clusters": clusters, "subscriptions": 1, "resourceGroups": 4,
             "configurations": [{"name": "team", "count": per_cluster, "url": REPOSITORY, "nonCompliant": 3}]}
    path = Path(work) / "fleet.yaml"
    path.write_text(yaml.safe_dump({"fleet": fleet}))
    return path


def arm_requests(emulator):
    """(Resource Graph requests, ARM requests) in the request log, token traffic excluded."""
    entries = emulator.requests(kind="arm")
    graph = sum(1 for entry in entries if entry["path"].startswith("/providers/Microsoft.ResourceGraph"))
    return graph, len(entries) - graph


def sample_clusters(arm, size):
    """The first `size` clusters of the fleet's first resource group, as `-g -c -t` arguments."""
    group = f"/subscriptions/{arm.subscription}/resourceGroups/fleet-rg-01"
    status, body = arm.request("GET", f"{group}/providers/Microsoft.Kubernetes/connectedClusters",
                               api_version="2024-01-01")  # fmt: skip
    assert status == 200, body
    return [["-g", "fleet-rg-01", "-c", item["name"], "-t", "connectedClusters"] for item in body["value"][:size]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=1000, help="clusters in the fleet (default 1000)")
    parser.add_argument("--per-cluster", type=int, default=10, help="Flux configurations per cluster (default 10)")
    parser.add_argument("--sample", type=int, default=20, help="clusters the per-cluster loop runs on (default 20)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of the fleet status timing (default 3)")
    options = parser.parse_args()
    configurations = options.clusters * options.per_cluster

    with tempfile.TemporaryDirectory(prefix="k8s-flux-fleet-bench-") as work:
        wheel = build_wheel(Path(work) / "dist")
        emulator = start_emulator(Path(work) / "emulator", seed=seed_file(work, options.clusters,
                                                                           options.per_cluster),
                                  startup_timeout=900)  # fmt: skip
        try:
            base = dict(os.environ, AZURE_EXTENSION_DIR=str(Path(work) / "extensions"),
                        AZURE_CORE_COLLECT_TELEMETRY="no")  # fmt: skip
            env = {**base, **connect_az(emulator.state_dir, az=AZ, env=base)}
            az(env, "extension", "add", "--source", str(wheel), "--yes")

            sample = sample_clusters(ArmClient(emulator.url, emulator.ca_bundle), options.sample)
            # In turns (one status, then a slice of the loop), so that a busy machine slows both sides alike.
            status_seconds, loop_seconds, graph, loop_requests, total = [], [], 0, 0, ""
            for round_ in range(options.rounds):
                emulator.clear_requests()
                seconds, total = az(env, "k8s-configuration", "flux", "status", "-o", "tsv", "--query", "total")
                status_seconds.append(seconds)
                graph, _ = arm_requests(emulator)
                emulator.clear_requests()
                for args in sample[round_::options.rounds]:
                    loop_seconds.append(az(env, "k8s-configuration", "flux", "list", *args, "-o", "none")[0])
                loop_requests += arm_requests(emulator)[1]
            fleet_seconds, per_cluster = statistics.median(status_seconds), statistics.median(loop_seconds)
            requests_per_cluster = loop_requests / len(sample)
            fleet_loop = per_cluster * options.clusters
            print(f"Fleet of {options.clusters} clusters, {configurations} Flux configurations")
            print(f"  flux status (Resource Graph): {graph} requests, {fleet_seconds:.2f}s "
                  f"(median of {options.rounds}), {total.strip()} configurations")
            print(f"  flux list, one az per cluster ({len(sample)} clusters): {requests_per_cluster:.1f} requests, "
                  f"{per_cluster:.2f}s each (median)")
            print(f"  that loop over all {options.clusters} clusters (extrapolated): "
                  f"{requests_per_cluster * options.clusters:.0f} requests, {fleet_loop:.0f}s")
            print(f"  ratio: flux status is {fleet_loop / fleet_seconds:.0f}x faster, with "
                  f"{requests_per_cluster * options.clusters / max(graph, 1):.0f}x fewer requests")
        finally:
            emulator.stop()


if __name__ == "__main__":
    main()
