"""Resource Graph in the ARM emulator: how long a generated fleet takes to seed, and each page of a query to
answer, before and during a rollout (pushed commit).

Seeds a fleet (default 1,000 clusters x 10 Flux configurations) into a fresh emulator, then reads every
configuration through the SDK (`azure-mgmt-resourcegraph`) in pages of 1,000. Prints figures; asserts nothing.

    python benchmarks/resource_graph.py [--clusters 1000] [--configurations 10]
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

import yaml  # noqa: E402

from arm_emulator.testing import start_emulator  # noqa: E402

REPO = "https://github.com/contoso/fleet-infra"
QUERY = ("kubernetesconfigurationresources | where type == 'microsoft.kubernetesconfiguration/fluxconfigurations' "
         "| project id, name, resourceGroup, subscriptionId, complianceState = tostring(properties.complianceState), "
         "commit = tostring(properties.sourceSyncedCommitId) | order by id asc")


class Token:
    def get_token(self, *scopes, **kwargs):
        from azure.core.credentials import AccessToken

        return AccessToken("benchmark", int(time.time()) + 3600)


def read_all(client, subscriptions):
    from azure.mgmt.resourcegraph.models import QueryRequest, QueryRequestOptions

    pages, rows, token = [], 0, None
    while True:
        started = time.perf_counter()
        answer = client.resources(QueryRequest(query=QUERY, subscriptions=subscriptions,
                                               options=QueryRequestOptions(skip_token=token)))
        pages.append(time.perf_counter() - started)
        rows += answer.count
        token = answer.skip_token
        if not token:
            return pages, rows, answer.total_records


def report(label, pages, rows, total):
    print(f"{label}: {rows} of {total} rows in {len(pages)} pages; per page median {statistics.median(pages):.3f}s,"
          f" slowest {max(pages):.3f}s, all {sum(pages):.2f}s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clusters", type=int, default=1000)
    parser.add_argument("--configurations", type=int, default=10, help="Flux configurations per cluster")
    args = parser.parse_args()
    from azure.mgmt.resourcegraph import ResourceGraphClient

    with tempfile.TemporaryDirectory() as tmp:
        seed = Path(tmp) / "fleet.yaml"
        seed.write_text(yaml.safe_dump({"fleet": {"seed": 1, "clusters": args.clusters, "subscriptions": 4,
                                                  "resourceGroups": 5, "configurations": [
                                                      {"name": "team", "count": args.configurations,
                                                       "url": REPO}]}}))
        started = time.perf_counter()
        with start_emulator(Path(tmp) / "state", seed=seed, startup_timeout=600) as emu:
            print(f"seeded {args.clusters} clusters x {args.configurations} configurations and started in "
                  f"{time.perf_counter() - started:.1f}s")
            client = ResourceGraphClient(Token(), base_url=emu.url, connection_verify=emu.ca_bundle)
            subscriptions = [f"00000000-0000-4000-8000-{n:012x}" for n in (1, 0xF001, 0xF002, 0xF003)]
            report("idle fleet", *read_all(client, subscriptions))
            report("idle fleet, again", *read_all(client, subscriptions))
            emu.push(REPO, commit="c0ffee0" * 5 + "c0ffe", max_delay=5)
            report("during a rollout", *read_all(client, subscriptions))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
