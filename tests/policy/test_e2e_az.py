"""With the real `az`, as a user runs it: the wheel's `flux policy generate` writes its files, prints the commands,
warns about what no alias can check, and its help loads."""

import json
from pathlib import Path

import pytest

from tests.policy.cases import KUSTOMIZATIONS

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")


def test_generate_with_the_real_az(az, new_cluster, tmp_path):
    cluster = new_cluster("connectedClusters")
    az(f"k8s-configuration flux create {cluster.args} -n fleet-config --namespace fleet-config "
       f"--kind oci -u oci://ghcr.io/contoso/fleet-manifests --tag v1.0.0 --verification-provider cosign "
       f"--verification-config key1=cHVibGljLWtleQ== {KUSTOMIZATIONS} -o none")  # fmt: skip
    result = az(f"k8s-configuration flux policy generate {cluster.args} -n fleet-config "
                f"--parameters tag apps.path effect --output-dir {tmp_path} -o json")  # fmt: skip
    printed = json.loads(result.stdout)
    assert len(printed["files"]) == 8 and all(Path(f).is_file() for f in printed["files"])
    assert set(json.loads((tmp_path / "fleet-config.params.json").read_text())) == {
        "tag", "kustomizationAppsPath", "effect"}
    assert "WARNING: No Azure Policy alias exists for ociRepository.verify.verificationConfig.key1" in result.stderr
    assert [c.split()[:4] for c in printed["commands"]] == [["az", "policy", "definition", "create"]] * 2 + [
        ["az", "policy", "set-definition", "create"]]
    help_text = az("k8s-configuration flux policy generate -h").stdout
    assert "--key-vault-secret" in help_text and "--output-dir" in help_text
