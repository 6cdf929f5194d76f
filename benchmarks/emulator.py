"""Throughput and latency of the ARM emulator under a mixed PUT/GET load.

Starts a fresh emulator, then 4 client threads send a bounded mix of fluxConfiguration PUTs and GETs
(1 PUT : 3 GETs) over loopback HTTPS with keep-alive. Prints p50/p99 latency and requests/second;
nothing is asserted.

    python benchmarks/emulator.py [--requests 2000] [--seconds 20] [--threads 4]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from _project_venv import use_project_venv

use_project_venv()
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests  # noqa: E402

from arm_emulator.testing import RESOURCE_GROUP, SUBSCRIPTION_ID, start_emulator  # noqa: E402

BASE = (f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{RESOURCE_GROUP}/providers/Microsoft.Kubernetes/"
        "connectedClusters/arc-demo/providers/Microsoft.KubernetesConfiguration/fluxConfigurations")
PARAMS = {"api-version": "2025-04-01"}


def body(i: int) -> dict:
    return {"properties": {
        "scope": "cluster", "namespace": "cluster-config", "sourceKind": "GitRepository",
        "gitRepository": {"url": "https://github.com/Azure/gitops-flux2-kustomize-helm-mt",
                          "repositoryRef": {"branch": "main"}},
        "kustomizations": {"infra": {"path": f"./infrastructure/{i}"}, "apps": {"path": "./apps",
                                                                               "dependsOn": ["infra"]}},
    }}


def worker(url: str, ca: str, index: int, quota: int, deadline: float, out: list[tuple[str, float, int]]) -> None:
    session = requests.Session()
    session.trust_env = False
    session.verify = ca
    session.headers["Authorization"] = "Bearer benchmark"
    name = f"cfg-{index}"
    for i in range(quota):
        if time.monotonic() > deadline:
            break
        method = "PUT" if i % 4 == 0 else "GET"
        started = time.perf_counter()
        if method == "PUT":
            response = session.put(f"{url}{BASE}/{name}-{i // 40}", params=PARAMS, json=body(i), timeout=30)
        else:
            response = session.get(f"{url}{BASE}/{name}-{i // 40}", params=PARAMS, timeout=30)
        out.append((method, time.perf_counter() - started, response.status_code))


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="total requests (default 2000)")
    parser.add_argument("--seconds", type=float, default=20.0, help="time bound (default 20)")
    parser.add_argument("--threads", type=int, default=4, help="client threads (default 4)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        emu = start_emulator(Path(tmp) / "state", operation_delay=0.5, agent_delay=1.0)
        startup = time.perf_counter() - started
        try:
            results: list[tuple[str, float, int]] = []
            deadline = time.monotonic() + args.seconds
            quota = args.requests // args.threads
            threads = [threading.Thread(target=worker, args=(emu.url, emu.ca_bundle, n, quota, deadline, results))
                       for n in range(args.threads)]
            began = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - began
        finally:
            emu.stop()
    print(f"emulator startup: {startup * 1000:.0f} ms")
    print(f"requests: {len(results)} in {elapsed:.2f} s with {args.threads} threads -> "
          f"{len(results) / elapsed:.0f} requests/s")
    for method in ("PUT", "GET", None):
        latencies = [r[1] * 1000 for r in results if method is None or r[0] == method]
        if latencies:
            print(f"{method or 'all':>4}: n={len(latencies):5d}  p50={statistics.median(latencies):7.2f} ms  "
                  f"p99={percentile(latencies, 99):7.2f} ms")
    errors = [r for r in results if r[2] >= 400]
    print(f"error responses: {len(errors)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
