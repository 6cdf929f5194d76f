"""Replay recorded Azure traffic (vcr cassettes) against a running emulator and print how much matches.

    .venv/bin/python scripts/replay_fidelity.py RECORDING.yaml [...]            # emulator of .emulator
    .venv/bin/python scripts/replay_fidelity.py --start RECORDING.yaml [...]    # a private one, started here

An exchange matches when status code, LRO header presence (Azure-AsyncOperation, Location), body key
sets and error code agree (see arm_emulator/fidelity.py). Only Azure Resource Manager exchanges are
replayed; calls to other hosts (Kubernetes API servers, Graph, data planes) are skipped. Recorded
subscription ids are mapped to the emulator's; the resource groups and clusters a recording names are
created first and the configuration resources it names are deleted first, so a recording can be
replayed any number of times. Sourcecontrolconfigurations creates need an emulator started with
--allow-flux-v1-create (--start does that). Exit code 0 when the match rate reaches --min-rate.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import requests
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arm_emulator.adminclient import read_endpoint  # noqa: E402
from arm_emulator.core.addressing import parse  # noqa: E402
from arm_emulator.fidelity import differences, signature  # noqa: E402
from arm_emulator.testing import SUBSCRIPTION_ID, start_emulator  # noqa: E402

ARM_HOST = "management.azure.com"
_SUB = re.compile(r"(/subscriptions/)([0-9a-fA-F-]{36})", re.IGNORECASE)
_OPERATION = re.compile(r"/operations/([^/?]+)", re.IGNORECASE)


class Replayer:
    def __init__(self, url: str, ca_bundle: str):
        self.url = url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"Authorization": "Bearer replay", "Content-Type": "application/json"})
        self.verify = ca_bundle
        self.operations: dict[str, str] = {}  # recorded operation id -> the emulator's

    def send(self, method: str, path_qs: str, body: str | None = None) -> requests.Response:
        return self.session.request(method, self.url + path_qs, data=body, verify=self.verify, timeout=30)

    def prepare(self, paths: list[str]) -> None:
        """Create the parents a recording needs and remove the configuration resources it names."""
        for path in paths:
            addr = parse(path)
            if addr is None or not addr.cluster:
                continue
            self.send("PUT", f"{addr.rg_path}?api-version=2022-09-01", json.dumps({"location": "eastus"}))
            self.send("PUT", f"{addr.cluster_path}?api-version=2024-01-01", json.dumps({"location": "eastus"}))
            if addr.level == "config":
                self.send("DELETE", f"{addr.item_path}?api-version=2023-05-01&forceDelete=true")

    def replay(self, interaction: dict) -> list[str] | None:
        """Differences for one exchange; None when it is not an ARM exchange."""
        request, recorded = interaction["request"], interaction["response"]
        parts = urlsplit(request["uri"])
        if parts.hostname != ARM_HOST:
            return None
        path_qs = local_path(parts.path) + (f"?{parts.query}" if parts.query else "")
        path_qs = _OPERATION.sub(lambda m: f"/operations/{self.operations.get(m.group(1), m.group(1))}", path_qs)
        response = self.send(request["method"], path_qs, request.get("body"))
        self._learn_operation(recorded["headers"], response.headers)
        expected = signature(recorded["status"]["code"], recorded["headers"], _json(recorded["body"]["string"]))
        actual = signature(response.status_code, response.headers, _json(response.text))
        return differences(expected, actual)

    def _learn_operation(self, recorded_headers: dict, headers) -> None:
        recorded = {k.lower(): v for k, v in recorded_headers.items()}.get("azure-asyncoperation")
        mine = headers.get("Azure-AsyncOperation")
        if recorded and mine:
            old, new = _OPERATION.search(recorded[0]), _OPERATION.search(mine)
            if old and new:
                self.operations[old.group(1)] = new.group(1)


def local_path(path: str) -> str:
    return _SUB.sub(lambda m: m.group(1) + SUBSCRIPTION_ID, path)


def _json(text: str | bytes | None):
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def replay_file(replayer: Replayer, path: Path, verbose: bool) -> tuple[int, int]:
    cassette = yaml.safe_load(path.read_text(encoding="utf-8"))
    interactions = cassette.get("interactions") or []
    arm = [i for i in interactions if urlsplit(i["request"]["uri"]).hostname == ARM_HOST]
    replayer.prepare(sorted({local_path(urlsplit(i["request"]["uri"]).path) for i in arm}))
    matched = total = 0
    for interaction in arm:
        diffs = replayer.replay(interaction)
        total += 1
        matched += not diffs
        if diffs and verbose:
            request = interaction["request"]
            print(f"  MISMATCH {request['method']} {urlsplit(request['uri']).path.split('/providers/')[-1]}")
            for diff in diffs:
                print(f"      {diff}")
    print(f"{path.name}: {matched}/{total} exchanges match")
    return matched, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("recordings", nargs="+", type=Path, help="vcr cassette (.yaml) files")
    parser.add_argument("--state-dir", type=Path, default=Path(".emulator"), help="running emulator's state dir")
    parser.add_argument("--start", action="store_true", help="start a private emulator for the replay")
    parser.add_argument("--min-rate", type=float, default=0.95, help="exit 1 below this match rate (0.95)")
    parser.add_argument("-q", "--quiet", action="store_true", help="totals only, no mismatch details")
    args = parser.parse_args(argv)
    if args.start:
        with tempfile.TemporaryDirectory() as tmp, start_emulator(
                Path(tmp) / "state", extra_args=["--allow-flux-v1-create"]) as emulator:
            return _run(Replayer(emulator.url, emulator.ca_bundle), args)
    endpoint = read_endpoint(args.state_dir)
    return _run(Replayer(endpoint["url"], endpoint["ca_bundle"]), args)


def _run(replayer: Replayer, args: argparse.Namespace) -> int:
    matched = total = 0
    for path in args.recordings:
        m, t = replay_file(replayer, path, not args.quiet)
        matched, total = matched + m, total + t
    rate = matched / total if total else 0.0
    print(f"TOTAL: {matched}/{total} exchanges match ({rate:.1%})")
    return 0 if rate >= args.min_rate else 1


if __name__ == "__main__":
    sys.exit(main())
