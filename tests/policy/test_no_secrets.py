"""No secret a configuration was created with reaches anything `flux policy generate` prints, logs (also under
--debug) or writes, for every source kind and auth mode that has one; nor a value given where a secret name
belongs."""

import base64

import pytest

from tests.policy.cases import CASES, KUSTOMIZATIONS, VAULT

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")

WITH_SECRETS = [c for c in CASES if c.secret]


def _forms(secret):
    return (secret, base64.b64encode(secret.encode()).decode())


@pytest.mark.parametrize("case", WITH_SECRETS, ids=[c.id for c in WITH_SECRETS])
def test_no_secret_in_output_logs_or_files(cli, new_cluster, secret_files, case):
    cluster = new_cluster(case.cluster_type)
    cli(f"k8s-configuration flux create {cluster.args} -n fleet-config --namespace fleet-config "
        f"{case.source} {KUSTOMIZATIONS} -o none")  # fmt: skip
    command = f"k8s-configuration flux policy generate {cluster.args} -n fleet-config {case.generate}"
    printed = cli(command + " --debug")
    written = cli(command + f" --output-dir {secret_files / 'out'}")
    texts = [printed.stdout, printed.stderr, written.stdout, written.stderr]
    texts += [path.read_text() for path in (secret_files / "out").iterdir()]
    assert len(texts) == 12
    for form in _forms(case.secret):
        assert not [t for t in texts if form in t]


def test_a_secret_given_where_a_secret_name_belongs_is_not_repeated(cli, new_cluster, secret_files):
    cluster = new_cluster("managedClusters")
    cli(f"k8s-configuration flux create {cluster.args} -n fleet-config --namespace fleet-config "
        f"-u https://dev.azure.com/contoso/_git/fleet --branch main --https-user git --https-key-file token.txt "
        f"{KUSTOMIZATIONS} -o none")  # fmt: skip
    for item in ("https-key=ghp_pastedTokenValue_0123", "=ghp_pastedTokenValue_0123"):
        refused = cli(f"k8s-configuration flux policy generate {cluster.args} -n fleet-config --key-vault {VAULT} "
                      f"--key-vault-secret {item}", expect=1)  # fmt: skip
        assert "OPTION=SECRET_NAME" in refused.stderr
        assert "pastedTokenValue" not in refused.stdout + refused.stderr
