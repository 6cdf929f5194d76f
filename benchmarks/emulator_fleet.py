"""Does a request to the ARM emulator cost more when the store holds a fleet?

Starts two emulators, one empty and one seeded with a fleet (1,000 clusters with 10 Flux configurations each by
default), and times the same reads in both: GET of a cluster and LIST of its configurations, over loopback HTTPS
with keep-alive. Prints the median latency of each and the fleet/empty ratio (about 1 when per-request work does
not grow with the store); nothing is asserted.

    python benchmarks/emulator_fleet.py [--clusters 1000] [--per-cluster 10] [--reads 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _project_venv import use_project_venv

use_project_venv()
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests  # noqa: E402
import yaml  # noqa: E402

from arm_emulator.testing import start_emulator  # noqa: E402

FLUX = "providers/Microsoft.KubernetesConfiguration/fluxConfigurations"


def _clusters(session, url, count):
    """Up to `count` Arc cluster ids of the emulator's first subscription and resource groups."""
    subs = session.get(f"{url}/subscriptions", params={"api-version": "2022-12-01"}).json()["value"]
    found = []
    for sub in subs:
        groups = session.get(f"{url}/subscriptions/{sub['subscriptionId']}/resourcegroups",
                             params={"api-version": "2021-04-01"}).json()["value"]
        for group in groups:
            listed = session.get(f"{url}{group['id']}/providers/Microsoft.Kubernetes/connectedClusters",
                                 params={"api-version": "2024-01-01"}).json()["value"]
            found += [c["id"] for c in listed]
            if len(found) >= count:
                return found[:count]
    return found


def _median_ms(session, url, paths, api_version):
    times = []
    for path in paths:
        start = time.perf_counter()
        response = session.get(url + path, params={"api-version": api_version})
        times.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
    return statistics.median(times)


def _measure(state_dir, seed, reads):
    emulator = start_emulator(state_dir, seed=seed, startup_timeout=600)
    try:
        session = requests.Session()
        session.trust_env = False  # REQUESTS_CA_BUNDLE in the environment would win over session.verify
        session.verify = emulator.ca_bundle
        session.headers["Authorization"] = "Bearer benchmark"
        clusters = _clusters(session, emulator.url, reads)
        clusters = (clusters * (reads // max(len(clusters), 1) + 1))[:reads]
        return (_median_ms(session, emulator.url, clusters, "2024-01-01"),
                _median_ms(session, emulator.url, [f"{c}/{FLUX}" for c in clusters], "2025-04-01"))
    finally:
        emulator.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=1000)
    parser.add_argument("--per-cluster", type=int, default=10)
    parser.add_argument("--reads", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        seed = work / "fleet.yaml"
        seed.write_text(yaml.safe_dump({"fleet": {
            "seed": 1, "clusters": args.clusters, "subscriptions": 1, "resourceGroups": 2,
            "clusterTypes": {"connectedClusters": 1},
            "configurations": [{"name": "team", "count": args.per_cluster,
                                "url": "https://github.com/contoso/fleet-infra"}]}}))
        empty = _measure(work / "empty", None, args.reads)
        fleet = _measure(work / "fleet", seed, args.reads)
    total = args.clusters * args.per_cluster
    print(f"{'read':<28}{'empty store':>14}{f'{total} configurations':>26}{'ratio':>8}")
    for label, small, big in (("GET cluster", empty[0], fleet[0]), ("LIST configurations", empty[1], fleet[1])):
        print(f"{label:<28}{small:>11.2f} ms{big:>23.2f} ms{big / small:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
