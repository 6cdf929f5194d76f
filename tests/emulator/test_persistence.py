"""State survives restarts and SIGKILL; seed files; certificates are reused."""

from __future__ import annotations

import json

from emu_helpers import AKS, CONFIG, EXT_API, FLUX_API, SCC_API, Arm, git_flux, item_path

from arm_emulator.testing import SUBSCRIPTION_ID, start_emulator


def test_state_survives_a_graceful_restart(tmp_path):
    with start_emulator(tmp_path / "s") as emu:
        arm = Arm(emu)
        arm.put(item_path("fluxConfigurations", "cfg"), FLUX_API, git_flux())
        ca_before = (tmp_path / "s" / "ca.pem").read_bytes()
        port = emu.port
        emu.restart()
        assert emu.port == port
        assert (tmp_path / "s" / "ca.pem").read_bytes() == ca_before
        body = Arm(emu).get(item_path("fluxConfigurations", "cfg"), FLUX_API).json()
        assert body["properties"]["provisioningState"] == "Succeeded"
        assert body["properties"]["complianceState"] == "Compliant"
        assert json.loads((tmp_path / "s" / "endpoint.json").read_text())["port"] == port


def test_acknowledged_write_survives_sigkill(tmp_path):
    emu = start_emulator(tmp_path / "s", operation_delay=30)
    try:
        arm = Arm(emu)
        path = item_path("extensions", "flux")
        created = arm.put(path, EXT_API, {"properties": {"extensionType": "microsoft.flux"}})
        assert created.status_code == 201
        poll = created.headers["Azure-AsyncOperation"]
        emu.kill()
        emu.restart()
        arm = Arm(emu)
        body = arm.get(path, EXT_API).json()
        assert body["properties"]["provisioningState"] == "Creating"  # the operation is still running
        assert arm.session.get(poll).json()["status"] == "Creating"
    finally:
        emu.stop()


def test_operation_due_during_downtime_completes_after_restart(tmp_path):
    with start_emulator(tmp_path / "s", operation_delay=0.3) as emu:
        arm = Arm(emu)
        path = item_path("fluxConfigurations", "cfg")
        arm.put(path, FLUX_API, git_flux())
        emu.kill()
        import time

        time.sleep(0.4)
        emu.restart()
        assert Arm(emu).get(path, FLUX_API).json()["properties"]["provisioningState"] == "Succeeded"


def test_seed_file_builds_the_world(tmp_path):
    seed = tmp_path / "seed.yaml"
    seed.write_text(f"""
subscriptions:
  - id: {SUBSCRIPTION_ID}
    name: Seeded
    resourceGroups:
      - name: rg-seed
        location: westeurope
        clusters:
          - name: aks-demo
            type: managedClusters
            extensions:
              - name: flux
                properties: {{extensionType: microsoft.flux, version: 1.15.1, autoUpgradeMinorVersion: false}}
            fluxConfigurations:
              - name: cluster-config
                properties:
                  namespace: cluster-config
                  gitRepository: {{url: "https://github.com/Azure/arc-k8s-demo", repositoryRef: {{branch: main}}}}
                  kustomizations: {{apps: {{path: ./apps}}}}
          - name: legacy-arc
            type: connectedClusters
            sourceControlConfigurations:
              - name: old-config
                properties: {{repositoryUrl: "https://github.com/Azure/arc-k8s-demo", operatorType: Flux}}
""")
    with start_emulator(tmp_path / "s", seed=seed, operation_delay=5, agent_delay=5) as emu:
        arm = Arm(emu)
        sub = f"/subscriptions/{SUBSCRIPTION_ID}"
        assert arm.get(sub, "2022-12-01").json()["displayName"] == "Seeded"
        assert arm.get(f"{sub}/resourceGroups/rg-seed", "2022-09-01").json()["location"] == "westeurope"
        rp, kind, _ = AKS
        base = f"{sub}/resourceGroups/rg-seed/providers/{rp}/{kind}/aks-demo/providers/{CONFIG}"
        ext = arm.get(f"{base}/extensions/flux", EXT_API).json()["properties"]
        assert ext["provisioningState"] == "Succeeded" and ext["currentVersion"] == "1.15.1"
        flux = arm.get(f"{base}/fluxConfigurations/cluster-config", FLUX_API).json()["properties"]
        assert flux["provisioningState"] == "Succeeded" and flux["complianceState"] == "Compliant"
        scc = arm.get(f"{sub}/resourceGroups/rg-seed/providers/Microsoft.Kubernetes/connectedClusters/legacy-arc/"
                      "providers/Microsoft.KubernetesConfiguration/sourceControlConfigurations/old-config", SCC_API)
        assert scc.status_code == 200 and scc.json()["properties"]["operatorType"] == "Flux"
        default_rg = arm.get(f"{sub}/resourceGroups/rg-gitops", "2022-09-01")
        assert default_rg.status_code == 404  # a seed replaces the default world


def test_bad_seed_file_fails_startup(tmp_path):
    import pytest

    from arm_emulator.testing import EmulatorStartError

    seed = tmp_path / "seed.json"
    seed.write_text('{"subscriptions": [{"resourceGroups": [{"name": "rg", "clusters": [{"name": "c", '
                    '"type": "spaceships"}]}]}]}')
    with pytest.raises(EmulatorStartError, match="spaceships|type must be one of"):
        start_emulator(tmp_path / "s", seed=seed, startup_timeout=10)
