"""Throughput of `flux check-manifests`: generate a repository of 10,000 manifests in a temporary folder and
print how many files per second the check (and the --diff preview) gets through. Figures are printed, not
asserted.

    python benchmarks/check_manifests.py [--files 10000]
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

from _project_venv import use_project_venv

use_project_venv()
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from azext_k8s_flux.manifests import checker, fixer  # noqa: E402

TEMPLATES = [
    # A HelmRelease deploying from its own namespace with a cross-namespace source (MT001 + MT002).
    """apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: app-{n}
  namespace: team-{team}
spec:
  releaseName: app-{n}
  interval: 10m
  chart:
    spec:
      chart: app
      version: "1.{n}.0"
      sourceRef:
        kind: HelmRepository
        name: charts
        namespace: flux-system
  # values reviewed by team {team}
  values:
    replicaCount: 2
""",
    # Already multi-tenancy ready (no finding).
    """apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: app-{n}
  namespace: cluster-config
spec:
  interval: 10m
  targetNamespace: team-{team}
  path: ./apps/app-{n}
  prune: true
  sourceRef:
    kind: GitRepository
    name: cluster-config
""",
    # A deprecated source API version (API001 + MT001).
    """apiVersion: source.toolkit.fluxcd.io/v1beta2
kind: HelmRepository
metadata:
  name: repo-{n}
  namespace: flux-system
spec:
  interval: 1h
  url: https://charts.example.com/{n}
""",
    # A plain workload (not a Flux object: parsed, no finding).
    """apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-{n}
  namespace: team-{team}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app-{n}
  template:
    metadata:
      labels:
        app: app-{n}
    spec:
      containers:
        - name: app
          image: ghcr.io/example/app:1.{n}.0
""",
]


def generate(root, files):
    for n in range(files):
        folder = root / f"team-{n % 50}" / f"app-{n // 4}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"manifest-{n}.yaml").write_text(TEMPLATES[n % len(TEMPLATES)].format(n=n, team=n % 50))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="check-manifests-bench-") as folder:
        root = Path(folder)
        generate(root, options.files)

        started = time.perf_counter()
        report = checker.check(root, "cluster-config")
        checked = time.perf_counter() - started

        started = time.perf_counter()
        changes, _ = fixer.apply(report)
        diff = fixer.unified_diff(changes)
        previewed = time.perf_counter() - started

    files = len(report.files)
    print(f"check-manifests: {files} files, {len(report.objects)} Flux objects, {len(report.findings)} findings")
    print(f"  check: {checked:.2f} s = {files / checked:,.0f} files/s")
    print(f"  --diff preview: {previewed:.2f} s for {len(changes)} files ({len(diff.splitlines())} diff lines)")


if __name__ == "__main__":
    main()
