"""The main job, narrated: real `az` commands against the local ARM emulator (run by `make demo`).

Builds the extension wheel, starts the emulator with a private state directory, connects a private `az`
configuration to it, installs the wheel with `az extension add`, then walks through installing Flux,
creating a configuration with two kustomizations, inspecting it, migrating from Flux v1, deploying a configuration
with an ARM template, then the at-scale act on a fleet of 40 clusters (status from one Resource Graph query, a
pushed commit watched to every cluster, the extension audit), and cleaning up. Exits non-zero if any step fails.
"""

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arm_emulator.connect import az_working_dir, connect_az  # noqa: E402
from arm_emulator.testing import start_emulator  # noqa: E402
from tests.harness.runner import build_wheel  # noqa: E402

DEMO_DIR = ROOT / ".demo"
SEED = ROOT / "scripts" / "demo-seed.yaml"
CLUSTER = "-g rg-gitops -c arc-demo -t connectedClusters"
V1_CLUSTER = "-g rg-gitops -c aks-demo -t managedClusters"
REPOSITORY = "https://github.com/fluxcd/flux2-kustomize-helm-example"
CHECK_MANIFESTS_EXAMPLE = ROOT / "tests" / "data" / "manifests" / "seed-example" / "before"
TEMPLATE = ROOT / "scripts" / "demo-template.json"
FLEET_APPS = "https://github.com/contoso/fleet-apps"
FLEET_COMMIT = "5f0c1d2e3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9"

PUSH = "push"  # a step that pushes FLEET_COMMIT through the emulator's command line, not az

# (narration, command, expected exit code)
STEPS = [
    ("Flux v1 configurations on the Arc cluster (none: Flux v2 can be installed)",
     f"k8s-configuration list {CLUSTER} -o json", 0),
    ("Which microsoft.flux versions this cluster can run (the extension-types catalogue)",
     f"k8s-extension extension-types list-versions-by-cluster {CLUSTER} --extension-type microsoft.flux "
     "--show-latest -o table", 0),
    ("Install the Flux extension with multi-tenancy switched off",
     f"k8s-extension create {CLUSTER} -n flux --extension-type microsoft.flux "
     "--configuration-settings multiTenancy.enforce=false -o table", 0),
    ("A typo in a setting is refused before anything is sent",
     f"k8s-extension update {CLUSTER} -n flux --configuration-settings multiTenancy.enforce=maybe --yes", 1),
    ("The extension, as a table", f"k8s-extension show {CLUSTER} -n flux -o table", 0),
    ("Create a Flux configuration: infra, then apps depending on infra (both with prune); wait until Flux "
     "has applied it",
     f"k8s-configuration flux create {CLUSTER} -n cluster-config --namespace cluster-config --scope cluster "
     f"-u {REPOSITORY} --branch main "
     "--kustomization name=infra path=./infrastructure prune=true "
     "--kustomization name=apps path=./apps/staging prune=true depends_on=infra --wait -o table", 0),
    ("Running the same create again changes nothing (safe for pipelines)",
     f"k8s-configuration flux create {CLUSTER} -n cluster-config --namespace cluster-config --scope cluster "
     f"-u {REPOSITORY} --branch main "
     "--kustomization name=infra path=./infrastructure prune=true "
     "--kustomization name=apps path=./apps/staging prune=true depends_on=infra -o none", 0),
    ("Point apps at production: -k changes only what it names (infra, prune and dependsOn stay)",
     f"k8s-configuration flux update {CLUSTER} -n cluster-config -k name=apps path=./apps/production -o none", 0),
    ("The configuration", f"k8s-configuration flux show {CLUSTER} -n cluster-config -o table", 0),
    ("Its kustomizations", f"k8s-configuration flux kustomization list {CLUSTER} -n cluster-config -o table", 0),
    ("What Flux deployed in the cluster (reported by the Flux agent through ARM)",
     f"k8s-configuration flux deployed-object list {CLUSTER} -n cluster-config -o table", 0),
    ("Compliance state, for scripts", f"k8s-configuration flux show {CLUSTER} -n cluster-config "
     "--query complianceState -o tsv", 0),
    ("Check a repository's manifests for what multi-tenancy would block (offline)",
     f"k8s-configuration flux check-manifests --path {CHECK_MANIFESTS_EXAMPLE} --namespace cluster-config", 1),
    ("The AKS cluster still has a Flux v1 configuration", f"k8s-configuration list {V1_CLUSTER} -o table", 0),
    ("Creating new Flux v1 configurations is refused, with a pointer to Flux v2",
     f"k8s-configuration create {V1_CLUSTER} -n legacy -u https://github.com/Azure/arc-k8s-demo", 1),
    ("Plan the migration of that cluster from Flux v1 to Flux v2", f"k8s-configuration flux migrate {V1_CLUSTER} "
     "--dry-run", 0),
    ("Migrate it", f"k8s-configuration flux migrate {V1_CLUSTER} --yes", 0),
    ("Flux v2 configurations on the AKS cluster after the migration",
     f"k8s-configuration flux list {V1_CLUSTER} -o table", 0),
    ("A Flux configuration is a plain ARM resource: deploy one with an ARM template",
     f"deployment group create -g rg-gitops --template-file {TEMPLATE} --parameters clusterName=aks-demo "
     "--query properties.provisioningState -o tsv", 0),
    ("", f"k8s-configuration flux show {V1_CLUSTER} -n platform -o table", 0),
    ("At scale: a fleet of 40 clusters. Configurations that are not compliant, from one Resource Graph query",
     "k8s-configuration flux status -n cluster-config --compliance Non-Compliant -o table", 0),
    ("In a pipeline, exit code 4 says the fleet is not all compliant",
     "k8s-configuration flux status -n cluster-config --fail-on-noncompliant -o none", 4),
    ("A new commit is pushed to the apps repository (the emulator's simulated Git server)",
     PUSH, 0),
    ("Watch that commit roll out until every cluster following the repository has it",
     f"k8s-configuration flux wait-rollout --commit main/{FLEET_COMMIT} --url {FLEET_APPS} --timeout 90 "
     "--interval 2 -o table", 0),
    ("microsoft.flux across the fleet: clusters outside the supported window, and their upgrade path",
     "k8s-extension status --outside-window -o table", 0),
    ("Delete the Flux configurations", f"k8s-configuration flux delete {CLUSTER} -n cluster-config --yes", 0),
    ("", f"k8s-configuration flux delete {V1_CLUSTER} -n legacy-config --yes", 0),
    ("", f"k8s-configuration flux delete {V1_CLUSTER} -n platform --yes", 0),
    ("Remove the Flux extensions", f"k8s-extension delete {CLUSTER} -n flux --yes", 0),
    ("", f"k8s-extension delete {V1_CLUSTER} -n flux --yes", 0),
    ("Nothing is left", f"k8s-extension list {CLUSTER} -o json", 0),
    ("", f"k8s-extension list {V1_CLUSTER} -o json", 0),
]


def narrate(text):
    print(f"\n==> {text}", flush=True)


def run_az(env, command, expected, state_dir):
    argv = ["az", *shlex.split(command)]
    if command == PUSH:
        argv = [sys.executable, "-m", "arm_emulator", "push", "--state-dir", str(state_dir), "--url", FLEET_APPS,
                "--commit", FLEET_COMMIT, "--max-delay", "4"]
    print(f"$ {' '.join(argv[2:] if command == PUSH else argv)}", flush=True)
    completed = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, check=False,
                               cwd=ROOT if command == PUSH else az_working_dir())
    if completed.returncode != expected:
        print(f"!! expected exit code {expected}, got {completed.returncode}", flush=True)
        return False
    return True


def main():
    shutil.rmtree(DEMO_DIR, ignore_errors=True)
    DEMO_DIR.mkdir()
    narrate("Build the extension wheel")
    wheel = build_wheel(DEMO_DIR / "dist")  # DEMO_DIR is new: no stale wheel
    print(wheel.relative_to(ROOT))

    narrate("Start the local ARM emulator (HTTPS on 127.0.0.1, its own CA, seeded with demo clusters)")
    emulator = start_emulator(DEMO_DIR / "emulator", port=0, seed=SEED, operation_delay=1.0, agent_delay=1.0)
    failures = 0
    try:
        print(f"listening on {emulator.url}")
        narrate("Connect a private az configuration to it and install the extension")
        env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
                   AZURE_EXTENSION_DIR=str(DEMO_DIR / "extensions"))
        env.update(connect_az(emulator.state_dir, az="az", env=env))
        if not run_az(env, f"extension add --source {wheel} --yes", 0, emulator.state_dir):
            return 1
        step = 0
        for text, command, expected in STEPS:
            if text:  # an empty narration continues the previous step
                step += 1
                narrate(f"Step {step}: {text}")
            if not run_az(env, command, expected, emulator.state_dir):
                failures += 1
            time.sleep(0.2)
    finally:
        emulator.stop()
    narrate("Done" if not failures else f"{failures} step(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
