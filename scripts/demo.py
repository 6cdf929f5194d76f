"""The main job, narrated: real `az` commands against the local ARM emulator (run by `make demo`).

Builds the extension wheel, starts the emulator with a private state directory, connects a private `az`
configuration to it, installs the wheel with `az extension add`, then walks through installing Flux,
creating a configuration with two kustomizations, inspecting it, exporting it as a document and as an ARM template
(applied again from the file, deployed to another cluster), migrating from Flux v1, then the at-scale acts: Azure
Policy definitions generated from that configuration and assigned to a resource group (remediated, then followed to
a cluster created later), and a fleet of 40 clusters (status from one Resource Graph query, a pushed commit watched
to every cluster, the extension audit); and cleaning up. Exits non-zero if any step fails.
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
DOCUMENT = DEMO_DIR / "cluster-config.yaml"
TEMPLATE = DEMO_DIR / "cluster-config.json"
POLICY_DIR = DEMO_DIR / "policy"
EDGE = "rg-edge"
EDGE_SCOPE = f"/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/{EDGE}"
FLEET_APPS = "https://github.com/contoso/fleet-apps"
FLEET_COMMIT = "5f0c1d2e3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9"

PUSH = "push"  # a step that pushes FLEET_COMMIT through the emulator's command line, not az
PRINTED = "printed"  # a step that runs the az commands the previous step printed, one per line
UNTIL = "until "  # "until VALUE COMMAND": run COMMAND every second (up to a minute) until it prints VALUE

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
    ("The configuration as a document: the same shape as flux show, secrets only as references",
     f"k8s-configuration flux export {CLUSTER} -n cluster-config --format yaml --file {DOCUMENT}", 0),
    ("What applying the document with another branch would change (nothing is written)",
     f"k8s-configuration flux update {CLUSTER} --file {DOCUMENT} --branch release --what-if -o table", 0),
    ("Applying the unchanged document writes nothing", f"k8s-configuration flux update {CLUSTER} "
     f"--file {DOCUMENT} -o none", 0),
    ("The AKS cluster still has a Flux v1 configuration", f"k8s-configuration list {V1_CLUSTER} -o table", 0),
    ("Creating new Flux v1 configurations is refused, with a pointer to Flux v2",
     f"k8s-configuration create {V1_CLUSTER} -n legacy -u https://github.com/Azure/arc-k8s-demo", 1),
    ("Plan the migration of that cluster from Flux v1 to Flux v2", f"k8s-configuration flux migrate {V1_CLUSTER} "
     "--dry-run", 0),
    ("Migrate it", f"k8s-configuration flux migrate {V1_CLUSTER} --yes", 0),
    ("Flux v2 configurations on the AKS cluster after the migration",
     f"k8s-configuration flux list {V1_CLUSTER} -o table", 0),
    ("Export the configuration as an ARM template (microsoft.flux, then the configuration) ...",
     f"k8s-configuration flux export {CLUSTER} -n cluster-config --format arm --file {TEMPLATE}", 0),
    ("... and deploy it to the AKS cluster with az deployment",
     f"deployment group create -g rg-gitops --template-file {TEMPLATE} --parameters clusterName=aks-demo "
     "clusterType=managedClusters --query properties.provisioningState -o tsv", 0),
    ("", f"k8s-configuration flux show {V1_CLUSTER} -n cluster-config -o table", 0),
    ("At scale with Azure Policy: definitions and an initiative generated from the configuration on arc-demo",
     f"k8s-configuration flux policy generate {CLUSTER} -n cluster-config --output-dir {POLICY_DIR} "
     "--query commands -o tsv", 0),
    ("Create them with the az policy commands it printed", PRINTED, 0),
    ("Assign the initiative to the edge resource group, with a managed identity that may deploy",
     f"policy assignment create -n flux-edge -g {EDGE} --policy-set-definition cluster-config-flux "
     f"--mi-system-assigned --role Contributor --identity-scope {EDGE_SCOPE} --location eastus "
     "--query identity.type -o tsv", 0),
    ("Compliance of the edge group: its clusters have neither Flux nor the configuration",
     f"policy state summarize -g {EDGE} --query results.resourceDetails -o table", 0),
    ("Remediate: install microsoft.flux, then the configuration, on every non-compliant cluster",
     f"policy remediation create -n flux-extension -g {EDGE} --policy-assignment flux-edge "
     "--definition-reference-id flux-extension -o none", 0),
    ("", f"{UNTIL}Succeeded policy remediation show -n flux-extension -g {EDGE} --query provisioningState -o tsv", 0),
    ("", f"policy remediation create -n flux-configuration -g {EDGE} --policy-assignment flux-edge "
     "--definition-reference-id flux-configuration -o none", 0),
    ("", f"{UNTIL}Succeeded policy remediation show -n flux-configuration -g {EDGE} --query provisioningState -o tsv",
     0),
    ("The configuration on every edge cluster, from one Resource Graph query (the lab group has none)",
     f"k8s-configuration flux status -g {EDGE} rg-lab -n cluster-config -o table", 0),
    ("A cluster created later in the edge group gets Flux after the policy evaluation delay",
     f"resource create -g {EDGE} -n edge-07 --resource-type Microsoft.Kubernetes/connectedClusters -p {{}} "
     "-l eastus -o none", 0),
    ("", f"{UNTIL}Succeeded k8s-configuration flux show -g {EDGE} -c edge-07 -t connectedClusters -n cluster-config "
     "--query provisioningState -o tsv", 0),
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
    ("", f"k8s-configuration flux delete {V1_CLUSTER} -n cluster-config --yes", 0),
    ("Remove the Flux extensions", f"k8s-extension delete {CLUSTER} -n flux --yes", 0),
    ("", f"k8s-extension delete {V1_CLUSTER} -n flux --yes", 0),
    ("Nothing is left", f"k8s-extension list {CLUSTER} -o json", 0),
    ("", f"k8s-extension list {V1_CLUSTER} -o json", 0),
]


def narrate(text):
    print(f"\n==> {text}", flush=True)


def run_az(env, command, expected, state_dir, printed=""):
    """Runs one step; returns (passed, what it printed)."""
    if command == PRINTED:
        results = [run_az(env, f"{line[len('az '):]} --query id -o tsv", 0, state_dir)
                   for line in printed.splitlines() if line]
        return bool(results) and all(ok for ok, _ in results), ""
    if command.startswith(UNTIL):
        return _until(env, *command[len(UNTIL):].split(" ", 1))
    argv = ["az", *shlex.split(command)]
    if command == PUSH:
        argv = [sys.executable, "-m", "arm_emulator", "push", "--state-dir", str(state_dir), "--url", FLEET_APPS,
                "--commit", FLEET_COMMIT, "--max-delay", "4"]
    print(f"$ {shlex.join(argv[2:] if command == PUSH else argv)}", flush=True)
    completed = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, check=False, stdout=subprocess.PIPE,
                               text=True, cwd=ROOT if command == PUSH else az_working_dir())
    print(completed.stdout, end="", flush=True)
    if completed.returncode != expected:
        print(f"!! expected exit code {expected}, got {completed.returncode}", flush=True)
        return False, completed.stdout
    return True, completed.stdout


def _until(env, value, command):
    argv = ["az", *shlex.split(command)]
    print(f"$ {shlex.join(argv)}   # every second until it prints {value}", flush=True)
    for _ in range(60):
        completed = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, check=False, capture_output=True,
                                   text=True, cwd=az_working_dir())
        if completed.stdout.strip() == value:
            print(value, flush=True)
            return True, value
        time.sleep(1)
    print(f"!! still '{completed.stdout.strip()}' after a minute", flush=True)
    return False, ""


def main():
    shutil.rmtree(DEMO_DIR, ignore_errors=True)
    DEMO_DIR.mkdir()
    narrate("Build the extension wheel")
    wheel = build_wheel(DEMO_DIR / "dist")  # DEMO_DIR is new: no stale wheel
    print(wheel.relative_to(ROOT))

    narrate("Start the local ARM emulator (HTTPS on 127.0.0.1, its own CA, seeded with demo clusters)")
    emulator = start_emulator(DEMO_DIR / "emulator", port=0, seed=SEED, operation_delay=1.0, agent_delay=1.0,
                               extra_args=["--policy-evaluation-delay", "3"])
    failures = 0
    try:
        print(f"listening on {emulator.url}")
        narrate("Connect a private az configuration to it and install the extension")
        env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
                   AZURE_EXTENSION_DIR=str(DEMO_DIR / "extensions"))
        env.update(connect_az(emulator.state_dir, az="az", env=env))
        if not run_az(env, f"extension add --source {wheel} --yes", 0, emulator.state_dir)[0]:
            return 1
        step, printed = 0, ""
        for text, command, expected in STEPS:
            if text:  # an empty narration continues the previous step
                step += 1
                narrate(f"Step {step}: {text}")
            passed, printed = run_az(env, command, expected, emulator.state_dir, printed)
            if not passed:
                failures += 1
            time.sleep(0.2)
    finally:
        emulator.stop()
    narrate("Done" if not failures else f"{failures} step(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
